public import Pasta
public import PolyCommitment

/// A whole-domain basis of either family, as the shared registry stores it;
/// opaque outside this module.
public struct WholeDomainPayload: Sendable {
    enum Basis: Sendable {
        case fp([PolyComm<Vesta>])
        case fq([PolyComm<Pallas>])
    }

    let basis: Basis
}

/// The curves the bindings serve, with the family each belongs to.
public protocol BindingsCurve: PastaCurve {
    /// `fp` for Vesta, `fq` for Pallas.
    static var family: FieldFamily { get }
    /// Wraps a basis for the shared registry.
    static func wrap(_ basis: [PolyComm<Self>]) -> WholeDomainPayload
    /// Unwraps a basis of this family.
    static func unwrap(_ payload: WholeDomainPayload) -> [PolyComm<Self>]?
}

extension Vesta: BindingsCurve {
    public static var family: FieldFamily { .fp }
    public static func wrap(_ basis: [PolyComm<Vesta>]) -> WholeDomainPayload { WholeDomainPayload(basis: .fp(basis)) }
    public static func unwrap(_ payload: WholeDomainPayload) -> [PolyComm<Vesta>]? {
        if case .fp(let basis) = payload.basis { return basis }
        return nil
    }
}

extension Pallas: BindingsCurve {
    public static var family: FieldFamily { .fq }
    public static func wrap(_ basis: [PolyComm<Pallas>]) -> WholeDomainPayload { WholeDomainPayload(basis: .fq(basis)) }
    public static func unwrap(_ payload: WholeDomainPayload) -> [PolyComm<Pallas>]? {
        if case .fq(let basis) = payload.basis { return basis }
        return nil
    }
}

/// The tracked size of a basis: its points and array headers.
///
/// The strides are read once: in unspecialized generic code each read looks
/// up the type's metadata, and this runs on every whole-domain call.
@_specialize(where Curve == Vesta)
@_specialize(where Curve == Pallas)
func trackedBytes<Curve: PastaCurve>(_ basis: [PolyComm<Curve>]) -> Int {
    let commitmentStride = MemoryLayout<PolyComm<Curve>>.stride
    let pointStride = MemoryLayout<AffinePoint<Curve>>.stride
    var points = 0
    for commitment in basis { points += commitment.chunks.count }
    return commitmentStride * basis.count + pointStride * points
}
