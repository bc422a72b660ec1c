/// kimchi's derivation of SRS points from BLAKE2b digests
/// (`point_of_random_bytes` in poly-commitment's `ipa.rs`).
///
/// Point i of an SRS is the map of BLAKE2b-512(i as 4 big-endian bytes); the
/// blinding point h is the map of BLAKE2b-512("srs_misc" ‖ 0 as 4 big-endian
/// bytes). There is no toxic waste: anyone can recompute every point.
public enum KimchiHashToCurve<Curve: PastaCurve> {
    /// The base field element kimchi packs from a digest.
    ///
    /// It reads the first 31 bytes as 248 bits, bit j of byte i (least
    /// significant first) being bit 8i + j of a string taken as a big-endian
    /// integer. Equivalently: reverse the bits of each byte, then read the 31
    /// bytes big-endian. The value is below 2^248, so always canonical.
    ///
    /// - Parameter digest: at least 31 bytes.
    /// - Returns: the element.
    public static func fieldElement(fromDigest digest: [UInt8]) -> Curve.BaseField {
        precondition(digest.count >= 31, "kimchi packs 31 digest bytes")
        var littleEndian = [UInt8](repeating: 0, count: 32)
        for k in 0..<31 {
            littleEndian[k] = reverseBits(digest[30 - k])
        }
        return try! Curve.BaseField(littleEndianBytes: littleEndian)  // below 2^248 < p
    }

    /// The message whose digest gives SRS point `index`.
    public static func message(forIndex index: UInt32) -> [UInt8] {
        [UInt8(index >> 24), UInt8(truncatingIfNeeded: index >> 16), UInt8(truncatingIfNeeded: index >> 8), UInt8(truncatingIfNeeded: index)]
    }

    /// The message whose digest gives the blinding point h.
    public static var blindingMessage: [UInt8] { Array("srs_misc".utf8) + [0, 0, 0, 0] }

    /// SRS point `index`.
    ///
    /// - Parameters:
    ///   - index: the point's position in `g`.
    ///   - map: the curve's BW map (build it once and share it).
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public static func srsPoint(index: UInt32, map: BWGroupMap<Curve>) -> AffinePoint<Curve> {
        map.toGroup(fieldElement(fromDigest: BLAKE2b.hash512(message(forIndex: index))))
    }

    /// SRS points for a range of indices, sharing one inversion.
    ///
    /// - Parameters:
    ///   - indices: the positions in `g`; each must fit in 32 bits, as kimchi
    ///     truncates them to `u32`.
    ///   - map: the curve's BW map.
    /// - Returns: the points, in order; the same as `srsPoint` of each.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public static func srsPoints(_ indices: Range<Int>, map: BWGroupMap<Curve>) -> [AffinePoint<Curve>] {
        let ts = indices.map { fieldElement(fromDigest: BLAKE2b.hash512(message(forIndex: UInt32(truncatingIfNeeded: $0)))) }
        return map.batchToGroup(ts)
    }

    /// The blinding point h.
    ///
    /// - Parameter map: the curve's BW map.
    public static func blindingPoint(map: BWGroupMap<Curve>) -> AffinePoint<Curve> {
        map.toGroup(fieldElement(fromDigest: BLAKE2b.hash512(blindingMessage)))
    }

    private static func reverseBits(_ byte: UInt8) -> UInt8 {
        var out: UInt8 = 0
        for j in 0..<8 where byte & (1 << j) != 0 { out |= 0x80 >> j }
        return out
    }
}
