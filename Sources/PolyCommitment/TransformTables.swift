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
        precondition((0...64).contains(width), "a width of at most 64 bits")
        // All 64 bits reversed by swapping ever larger fields, then the
        // reversed low `width` bits shifted down (a shift of 64 leaves 0).
        var v = UInt64(truncatingIfNeeded: value)
        v = (v >> 1) & 0x5555_5555_5555_5555 | (v & 0x5555_5555_5555_5555) << 1
        v = (v >> 2) & 0x3333_3333_3333_3333 | (v & 0x3333_3333_3333_3333) << 2
        v = (v >> 4) & 0x0F0F_0F0F_0F0F_0F0F | (v & 0x0F0F_0F0F_0F0F_0F0F) << 4
        v = v.byteSwapped
        return Int(truncatingIfNeeded: v >> UInt64(64 - width))
    }
}
