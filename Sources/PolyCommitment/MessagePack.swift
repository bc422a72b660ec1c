/// Why msgpack bytes did not decode; `offset` is where the reader stood.
public struct MessagePackError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The input ended; `needed` more bytes were required.
        case truncated(needed: Int)
        /// A value of another type stood where `expected` was required.
        case unexpectedType(found: UInt8, expected: String)
        /// A declared length cannot fit in what is left of the input.
        case lengthExceedsInput(declared: UInt64, available: Int)
    }

    /// The byte offset of the value that failed.
    public let offset: Int
    /// What went wrong.
    public let reason: Reason

    /// A sentence for people.
    public var description: String {
        switch reason {
        case .truncated(let needed):
            return "input ends at byte \(offset) but \(needed) more bytes are needed"
        case .unexpectedType(let found, let expected):
            return "expected \(expected) at byte \(offset), found msgpack type byte 0x\(String(found, radix: 16))"
        case .lengthExceedsInput(let declared, let available):
            return "length \(declared) declared at byte \(offset) exceeds the \(available) bytes left"
        }
    }
}

/// A cursor over msgpack bytes that reads only what the formats here need:
/// array headers, binary blobs, map headers, strings and unsigned integers.
///
/// Every declared length is checked against the bytes left before anything
/// is allocated, so a hostile header cannot make the reader reserve memory.
package struct MessagePackReader {
    package let bytes: [UInt8]
    package private(set) var offset: Int

    package init(_ bytes: [UInt8], offset: Int = 0) {
        self.bytes = bytes
        self.offset = offset
    }

    package var remaining: Int { bytes.count - offset }

    private func fail(_ reason: MessagePackError.Reason, at position: Int? = nil) -> MessagePackError {
        MessagePackError(offset: position ?? offset, reason: reason)
    }

    private mutating func take(_ count: Int, at start: Int) throws(MessagePackError) -> ArraySlice<UInt8> {
        guard remaining >= count else { throw fail(.truncated(needed: count - remaining), at: start) }
        defer { offset += count }
        return bytes[offset..<offset + count]
    }

    private mutating func bigEndian(_ count: Int, at start: Int) throws(MessagePackError) -> UInt64 {
        try take(count, at: start).reduce(0) { $0 << 8 | UInt64($1) }
    }

    private mutating func typeByte() throws(MessagePackError) -> UInt8 {
        guard remaining >= 1 else { throw fail(.truncated(needed: 1)) }
        defer { offset += 1 }
        return bytes[offset]
    }

    /// Reads an array header (fixarray, array16 or array32).
    ///
    /// - Parameter minimumElementSize: the fewest bytes one element can take;
    ///   the declared count is refused when count × this exceeds the input left.
    /// - Returns: the element count.
    package mutating func readArrayHeader(minimumElementSize: Int = 1) throws(MessagePackError) -> Int {
        let start = offset
        let type = try typeByte()
        let count: UInt64
        switch type {
        case 0x90...0x9f: count = UInt64(type & 0x0f)
        case 0xdc: count = try bigEndian(2, at: start)
        case 0xdd: count = try bigEndian(4, at: start)
        default:
            offset = start
            throw fail(.unexpectedType(found: type, expected: "an array"))
        }
        let (needed, overflow) = count.multipliedReportingOverflow(by: UInt64(max(1, minimumElementSize)))
        guard !overflow, needed <= UInt64(remaining) else {
            throw fail(.lengthExceedsInput(declared: count, available: remaining), at: start)
        }
        return Int(count)
    }

    /// Reads a map header (fixmap, map16 or map32).
    package mutating func readMapHeader() throws(MessagePackError) -> Int {
        let start = offset
        let type = try typeByte()
        let count: UInt64
        switch type {
        case 0x80...0x8f: count = UInt64(type & 0x0f)
        case 0xde: count = try bigEndian(2, at: start)
        case 0xdf: count = try bigEndian(4, at: start)
        default:
            offset = start
            throw fail(.unexpectedType(found: type, expected: "a map"))
        }
        guard count.multipliedReportingOverflow(by: 2).partialValue <= UInt64(remaining) else {
            throw fail(.lengthExceedsInput(declared: count, available: remaining), at: start)
        }
        return Int(count)
    }

    /// Reads a binary blob (bin8, bin16 or bin32), as serde's bytes become.
    package mutating func readBinary() throws(MessagePackError) -> ArraySlice<UInt8> {
        let start = offset
        let type = try typeByte()
        let length: UInt64
        switch type {
        case 0xc4: length = try bigEndian(1, at: start)
        case 0xc5: length = try bigEndian(2, at: start)
        case 0xc6: length = try bigEndian(4, at: start)
        default:
            offset = start
            throw fail(.unexpectedType(found: type, expected: "binary data"))
        }
        guard length <= UInt64(remaining) else {
            throw fail(.lengthExceedsInput(declared: length, available: remaining), at: start)
        }
        return try take(Int(length), at: start)
    }

    /// Reads a UTF-8 string (fixstr, str8, str16 or str32).
    package mutating func readString() throws(MessagePackError) -> String {
        let start = offset
        let type = try typeByte()
        let length: UInt64
        switch type {
        case 0xa0...0xbf: length = UInt64(type & 0x1f)
        case 0xd9: length = try bigEndian(1, at: start)
        case 0xda: length = try bigEndian(2, at: start)
        case 0xdb: length = try bigEndian(4, at: start)
        default:
            offset = start
            throw fail(.unexpectedType(found: type, expected: "a string"))
        }
        guard length <= UInt64(remaining) else {
            throw fail(.lengthExceedsInput(declared: length, available: remaining), at: start)
        }
        return String(decoding: try take(Int(length), at: start), as: UTF8.self)
    }

    /// Reads an unsigned integer of any msgpack width.
    package mutating func readUnsigned() throws(MessagePackError) -> UInt64 {
        let start = offset
        let type = try typeByte()
        switch type {
        case 0x00...0x7f: return UInt64(type)
        case 0xcc: return try bigEndian(1, at: start)
        case 0xcd: return try bigEndian(2, at: start)
        case 0xce: return try bigEndian(4, at: start)
        case 0xcf: return try bigEndian(8, at: start)
        default:
            offset = start
            throw fail(.unexpectedType(found: type, expected: "an unsigned integer"))
        }
    }
}

/// Writes msgpack the way rmp_serde does: the smallest header for each length.
package struct MessagePackWriter {
    package private(set) var bytes: [UInt8] = []

    package init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    private mutating func appendBigEndian(_ value: UInt64, byteCount: Int) {
        for shift in stride(from: 8 * (byteCount - 1), through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(shift)))
        }
    }

    package mutating func writeArrayHeader(_ count: Int) {
        if count < 16 {
            bytes.append(0x90 | UInt8(count))
        } else if count <= 0xffff {
            bytes.append(0xdc)
            appendBigEndian(UInt64(count), byteCount: 2)
        } else {
            bytes.append(0xdd)
            appendBigEndian(UInt64(count), byteCount: 4)
        }
    }

    package mutating func writeMapHeader(_ count: Int) {
        if count < 16 {
            bytes.append(0x80 | UInt8(count))
        } else if count <= 0xffff {
            bytes.append(0xde)
            appendBigEndian(UInt64(count), byteCount: 2)
        } else {
            bytes.append(0xdf)
            appendBigEndian(UInt64(count), byteCount: 4)
        }
    }

    package mutating func writeBinary(_ data: some Collection<UInt8>) {
        if data.count <= 0xff {
            bytes.append(0xc4)
            appendBigEndian(UInt64(data.count), byteCount: 1)
        } else if data.count <= 0xffff {
            bytes.append(0xc5)
            appendBigEndian(UInt64(data.count), byteCount: 2)
        } else {
            bytes.append(0xc6)
            appendBigEndian(UInt64(data.count), byteCount: 4)
        }
        bytes += data
    }

    package mutating func writeString(_ text: String) {
        let utf8 = Array(text.utf8)
        if utf8.count < 32 {
            bytes.append(0xa0 | UInt8(utf8.count))
        } else if utf8.count <= 0xff {
            bytes.append(0xd9)
            appendBigEndian(UInt64(utf8.count), byteCount: 1)
        } else if utf8.count <= 0xffff {
            bytes.append(0xda)
            appendBigEndian(UInt64(utf8.count), byteCount: 2)
        } else {
            bytes.append(0xdb)
            appendBigEndian(UInt64(utf8.count), byteCount: 4)
        }
        bytes += utf8
    }

    package mutating func writeUnsigned(_ value: UInt64) {
        switch value {
        case 0...0x7f: bytes.append(UInt8(value))
        case 0x80...0xff: bytes.append(0xcc); appendBigEndian(value, byteCount: 1)
        case 0x100...0xffff: bytes.append(0xcd); appendBigEndian(value, byteCount: 2)
        case 0x1_0000...0xffff_ffff: bytes.append(0xce); appendBigEndian(value, byteCount: 4)
        default: bytes.append(0xcf); appendBigEndian(value, byteCount: 8)
        }
    }
}
