/// arkworks' flag bits in the last byte of an encoded coordinate.
enum PointFlags {
    /// The point at infinity.
    static let infinity: UInt8 = 0x40
    /// y is the larger of y and −y (arkworks' "YIsNegative").
    static let yIsLarger: UInt8 = 0x80
}

extension AffinePoint {
    /// Bytes in arkworks' compressed form: 32 of x, one of flags.
    public static var compressedByteCount: Int { 33 }
    /// Bytes in arkworks' uncompressed form: 32 of x, 32 of y, one of flags.
    public static var uncompressedByteCount: Int { 65 }

    /// The flag byte arkworks writes for this point.
    var flagByte: UInt8 {
        if isInfinity { return PointFlags.infinity }
        return y > -y ? PointFlags.yIsLarger : 0
    }

    /// arkworks' compressed encoding, as kimchi stores SRS points.
    ///
    /// x in 32 little-endian bytes, then 0x40 for the point at infinity (with
    /// x zero), 0x80 when y is the larger of y and −y as canonical integers,
    /// else 0x00.
    public var compressedBytes: [UInt8] {
        var out = x.littleEndianBytes
        out.append(flagByte)
        return out
    }

    /// arkworks' uncompressed encoding: x, y, then the same flag byte.
    public var uncompressedBytes: [UInt8] {
        var out = x.littleEndianBytes
        out += y.littleEndianBytes
        out.append(flagByte)
        return out
    }

    /// Splits and checks a flag byte; stricter than arkworks, which ignores
    /// the six low bits: here they must be zero so each point has one encoding.
    static func checkedFlags(_ byte: UInt8) throws(PointDecodingError) -> (infinity: Bool, larger: Bool) {
        let infinity = byte & PointFlags.infinity != 0
        let larger = byte & PointFlags.yIsLarger != 0
        guard byte & 0x3f == 0, !(infinity && larger) else { throw .invalidFlags(byte) }
        return (infinity, larger)
    }

    static func coordinate(_ bytes: some Collection<UInt8>) throws(PointDecodingError) -> Curve.BaseField {
        do {
            return try Curve.BaseField(littleEndianBytes: bytes)
        } catch {
            throw .coordinateNotCanonical
        }
    }

    /// Decodes arkworks' compressed form, recovering y with the same square
    /// root arkworks takes.
    ///
    /// - Parameter bytes: exactly 33 bytes.
    /// - Throws: `PointDecodingError` for a wrong length, an x not below the
    ///   modulus, bad flags, an x with no point, or a flagged infinity with
    ///   nonzero x.
    public init(compressedBytes bytes: some Collection<UInt8>) throws(PointDecodingError) {
        guard bytes.count == Self.compressedByteCount else {
            throw .wrongLength(expected: Self.compressedByteCount, actual: bytes.count)
        }
        let xBytes = bytes.prefix(32)
        let flags = try Self.checkedFlags(bytes[bytes.index(bytes.startIndex, offsetBy: 32)])
        let x = try Self.coordinate(xBytes)
        if flags.infinity {
            guard x.isZero else { throw .infinityWithCoordinates }
            self = .infinity
            return
        }
        guard let root = Curve.curveEquation(x).squareRoot else { throw .notOnCurve }
        let negated = -root
        let (smaller, larger) = root < negated ? (root, negated) : (negated, root)
        self.init(unchecked: x, flags.larger ? larger : smaller)
    }

    /// Decodes arkworks' uncompressed form and checks the curve equation.
    ///
    /// - Parameter bytes: exactly 65 bytes.
    /// - Throws: `PointDecodingError` for a wrong length, a coordinate not
    ///   below the modulus, bad flags, a sign flag that disagrees with y, or a
    ///   point off the curve.
    public init(uncompressedBytes bytes: some Collection<UInt8>) throws(PointDecodingError) {
        guard bytes.count == Self.uncompressedByteCount else {
            throw .wrongLength(expected: Self.uncompressedByteCount, actual: bytes.count)
        }
        let all = Array(bytes)
        let flags = try Self.checkedFlags(all[64])
        let x = try Self.coordinate(all[0..<32])
        let y = try Self.coordinate(all[32..<64])
        if flags.infinity {
            guard x.isZero, y.isZero else { throw .infinityWithCoordinates }
            self = .infinity
            return
        }
        try self.init(x: x, y: y)
        guard flagByte == all[64] else { throw .invalidFlags(all[64]) }
    }
}
