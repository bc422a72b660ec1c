/// Why bytes or JSON did not decode to a curve point.
public enum PointDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The encoding did not have the expected number of bytes.
    case wrongLength(expected: Int, actual: Int)
    /// A coordinate's integer is not below the base field's modulus.
    case coordinateNotCanonical
    /// The flag byte is not 0x00, 0x40 or 0x80 (both flags set, or stray bits).
    case invalidFlags(UInt8)
    /// The coordinates do not satisfy y² = x³ + 5, or no y exists for x.
    case notOnCurve
    /// The point-at-infinity flag came with nonzero coordinate bytes.
    case infinityWithCoordinates
    /// An o1js JSON point was neither "Infinity" nor {"x": …, "y": …} with
    /// decimal strings.
    case malformedJSON(String)

    /// A sentence for people.
    public var description: String {
        switch self {
        case .wrongLength(let expected, let actual): return "expected \(expected) bytes for a point, found \(actual)"
        case .coordinateNotCanonical: return "a coordinate is not below the base field modulus"
        case .invalidFlags(let byte): return "invalid flag byte 0x\(String(byte, radix: 16))"
        case .notOnCurve: return "the point is not on the curve"
        case .infinityWithCoordinates: return "the point at infinity has nonzero coordinate bytes"
        case .malformedJSON(let why): return "malformed JSON point: \(why)"
        }
    }
}
