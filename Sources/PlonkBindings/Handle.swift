/// A pointer-sized handle as a caller holds it: what
/// `lagrange_commitments_whole_domain_ptr` and `create_zero_u32_ptr` return.
///
/// In checked mode the bits are [63] field, [62] kind, [61…32] generation,
/// [31…0] slot index + 1 (so 0 is never a handle); in raw mode they are a
/// heap address.
public struct Handle: Sendable, Hashable, CustomStringConvertible {
    /// The bits the caller holds.
    public let rawValue: UInt64

    /// Wraps bits, for instance ones that came back through the C ABI or a
    /// u32 slot. Nothing is trusted until a call checks them.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// "0x…".
    public var description: String { "0x" + String(rawValue, radix: 16) }
}

/// What a checked handle names.
enum HandleKind: UInt64 {
    case wholeDomain = 0
    case u32Slot = 1
}

/// The decoded fields of a checked handle.
struct CheckedHandleBits: Equatable {
    static let generationMask: UInt64 = (1 << 30) - 1

    var field: FieldFamily
    var kind: HandleKind
    var generation: UInt64
    var slot: Int

    init(field: FieldFamily, kind: HandleKind, generation: UInt64, slot: Int) {
        self.field = field
        self.kind = kind
        self.generation = generation & Self.generationMask
        self.slot = slot
    }

    /// Decodes bits; nil for 0 (never issued).
    init?(_ handle: Handle) {
        let low = handle.rawValue & 0xffff_ffff
        guard low != 0 else { return nil }
        slot = Int(low - 1)
        generation = (handle.rawValue >> 32) & Self.generationMask
        kind = (handle.rawValue >> 62) & 1 == 0 ? .wholeDomain : .u32Slot
        field = handle.rawValue >> 63 == 0 ? .fp : .fq
    }

    var handle: Handle {
        let fieldBit: UInt64 = field == .fp ? 0 : 1
        return Handle(rawValue: fieldBit << 63 | kind.rawValue << 62 | generation << 32 | UInt64(slot + 1))
    }
}
