import CPastaVector

/// Whether Pasta's batch-affine rounds run eight lanes at a time.
///
/// A batch-affine round is many independent additions or doublings
/// sharing one inversion, so its multiplications can run side by side. On
/// processors with AVX-512 IFMA (52-bit multiply-accumulate) the rounds of
/// `BatchAffine` (`add`, `double`, `bucketSums`, and so MSM buckets,
/// scalar multiplications, combinations and the group FFT built on them)
/// use an eight-lane Montgomery multiplication, about 2.6 times the
/// throughput of one 4 × 64-bit multiplication at a time. Elsewhere, under
/// valgrind (whose virtual CPU has no AVX-512), or with
/// `PASTA_VECTOR_ARITHMETIC=0` in the environment, they use the Swift
/// arithmetic. Both give the same points, bit for bit.
public enum VectorArithmetic {
    /// Whether the eight-lane kernels run on this machine, decided once per
    /// process.
    public static var isAvailable: Bool { pasta_vector_available() != 0 }

    /// A field's modulus as the kernels take it: five 52-bit limbs and
    /// −p⁻¹ mod 2⁵².
    ///
    /// - Parameter field: the field.
    /// - Returns: the kernels' description of it.
    static func parameters<F: PrimeField>(of field: F.Type) -> pasta_vector_field {
        let p = F.modulus, mask: UInt64 = (1 << 52) - 1
        // p⁻¹ mod 2⁶⁴ by Newton's iteration; p is its own inverse mod 8.
        var inverse = p.w0
        for _ in 0..<5 { inverse = inverse &* (2 &- p.w0 &* inverse) }
        let l = limbs(of: p)
        // The kernels' reduction takes p = 2²⁵⁴ + c with c < 2¹⁵⁶, as both
        // Pasta moduli are; no other field reaches here.
        precondition(l[3] == 0 && l[4] == 1 << 46, "the eight-lane kernels need a Pasta-shaped modulus")
        return pasta_vector_field(modulus: (l[0], l[1], l[2], l[3], l[4]), inverse: (0 &- inverse) & mask)
    }

    /// A value below 2²⁵⁶ as the kernels hold it: five 52-bit limbs, least
    /// significant first.
    ///
    /// - Parameter value: the value.
    /// - Returns: its five limbs.
    static func limbs(of value: UInt256) -> [UInt64] {
        let mask: UInt64 = (1 << 52) - 1
        return [
            value.w0 & mask,
            (value.w0 >> 52 | value.w1 << 12) & mask,
            (value.w1 >> 40 | value.w2 << 24) & mask,
            (value.w2 >> 28 | value.w3 << 36) & mask,
            value.w3 >> 16,
        ]
    }

    /// Where a point's coordinates are, in words, for the kernels: worked
    /// out once per process for Pasta's two curves (a generic key path's
    /// offset is looked up in the runtime's metadata caches, which cost 5%
    /// of a Lagrange basis when it was done per round).
    ///
    /// - Parameter curve: the curve.
    /// - Returns: the stride between points and the offsets of x and y.
    @inline(__always)
    static func layout<Curve: PastaCurve>(of curve: Curve.Type) -> pasta_point_layout {
        if Curve.self == Vesta.self { return vestaLayout }
        if Curve.self == Pallas.self { return pallasLayout }
        return computedLayout(of: curve)
    }

    private static let vestaLayout = computedLayout(of: Vesta.self)
    private static let pallasLayout = computedLayout(of: Pallas.self)

    private static func computedLayout<Curve: PastaCurve>(of curve: Curve.Type) -> pasta_point_layout {
        typealias Point = AffinePoint<Curve>
        // The kernels read a coordinate as the four words of its Montgomery
        // value, least significant first.
        precondition(MemoryLayout<Curve.BaseField>.size == 32 && MemoryLayout<UInt256>.offset(of: \.w3) == 24)
        let x = MemoryLayout<Point>.offset(of: \Point.x)!, y = MemoryLayout<Point>.offset(of: \Point.y)!
        let word = MemoryLayout<UInt64>.size
        precondition(MemoryLayout<Point>.stride % word == 0 && x % word == 0 && y % word == 0)
        return pasta_point_layout(stride: MemoryLayout<Point>.stride / word, x: x / word, y: y / word)
    }
}
