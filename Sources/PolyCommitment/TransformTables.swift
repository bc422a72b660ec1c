import Pasta

/// What both radix-2 transforms (`Radix2Transform` on single elements,
/// `BatchAffineTransform` on layers of points) start from.
enum TransformTables {
    /// wⁱ for i < n/2 (at least one entry): every twiddle a size-n
    /// decimation-in-time transform multiplies by.
    static func twiddles<Scalar: PrimeField>(root: Scalar, size: Int) -> [Scalar] {
        var table = [Scalar]()
        table.reserveCapacity(max(1, size / 2))
        var current = Scalar.one
        for _ in 0..<max(1, size / 2) {
            table.append(current)
            current *= root
        }
        return table
    }

    /// The low `width` bits of `value` in reverse order: where element i
    /// goes before the in-place butterflies.
    static func reverseBits(_ value: Int, width: Int) -> Int {
        var result = 0
        var v = value
        for _ in 0..<width {
            result = (result << 1) | (v & 1)
            v >>= 1
        }
        return result
    }
}
