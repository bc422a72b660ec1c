extension PrimeField {
    /// The Legendre symbol, by batched divsteps (`JacobiDivsteps`).
    ///
    /// Euler's criterion costs an exponentiation (about 255 squarings and
    /// 60 multiplications); hash-to-curve asks it of every candidate x, and
    /// about half the candidates are non-squares, whose square-root attempt
    /// would otherwise be that exponentiation thrown away. Divsteps decide
    /// 62 steps at a time from the low 64 bits; in the rare case they have not
    /// finished after 1,550 steps, the binary Jacobi algorithm answers.
    /// For the prime modulus the Jacobi symbol is the Legendre symbol.
    @inlinable
    public var legendreSymbol: LegendreSymbol {
        if isZero { return .zero }
        guard let symbol = JacobiDivsteps.symbol(canonical, modulus: Self.modulus) else { return legendreSymbolByBinaryJacobi }
        return symbol == 1 ? .quadraticResidue : .quadraticNonResidue
    }

    /// The Legendre symbol by the binary Jacobi-symbol algorithm: the
    /// fallback of `legendreSymbol`, and a reference it is tested against.
    ///
    /// This works on the canonical integers with shifts and subtractions
    /// only: (a/n) is tracked through removing factors of two ((2/n) = −1
    /// when n ≡ 3, 5 mod 8) and quadratic reciprocity when a and n swap
    /// (−1 when both are 3 mod 4).
    @inlinable
    public var legendreSymbolByBinaryJacobi: LegendreSymbol {
        if isZero { return .zero }
        var a = canonical
        var n = Self.modulus
        var negative = false
        // The operands shrink as the algorithm runs: four words while either
        // needs them, then the same steps on UInt128 and on UInt64.
        while !a.isZero, (a.w2 | a.w3 | n.w2 | n.w3) != 0 {
            let zeros = a.trailingZeroBitCount
            if zeros > 0 {
                a = a.shiftedRight(by: zeros)
                let residue = n.w0 & 7
                if zeros & 1 == 1 && (residue == 3 || residue == 5) { negative.toggle() }
            }
            if a < n {
                swap(&a, &n)
                if a.w0 & 3 == 3 && n.w0 & 3 == 3 { negative.toggle() }
            }
            a = a.subtractingReportingOverflow(n).partialValue  // both odd: even, and ≥ 0
        }
        if !a.isZero {
            var a128 = UInt128(a.w1) << 64 | UInt128(a.w0), n128 = UInt128(n.w1) << 64 | UInt128(n.w0)
            binaryJacobiSteps(&a128, &n128, &negative, while: { a, n in (a | n) >> 64 != 0 })
            var a64 = UInt64(truncatingIfNeeded: a128), n64 = UInt64(truncatingIfNeeded: n128)
            binaryJacobiSteps(&a64, &n64, &negative, while: { _, _ in true })
        }
        // n is now gcd(canonical, p) = 1.
        return negative ? .quadraticNonResidue : .quadraticResidue
    }
}

/// Binary Jacobi steps on machine integers while `condition` holds and a ≠ 0:
/// strip twos from a (flipping the sign when n ≡ 3, 5 mod 8 and an odd
/// number were stripped), swap so a ≥ n (flipping when both are 3 mod 4),
/// then a −= n.
@inlinable @inline(__always)
func binaryJacobiSteps<T: FixedWidthInteger & UnsignedInteger>(_ a: inout T, _ n: inout T, _ negative: inout Bool, while condition: (T, T) -> Bool) {
    while a != 0, condition(a, n) {
        let zeros = a.trailingZeroBitCount
        a >>= zeros
        let residue = n & 7
        if zeros & 1 == 1 && (residue == 3 || residue == 5) { negative.toggle() }
        if a < n {
            swap(&a, &n)
            if a & 3 == 3 && n & 3 == 3 { negative.toggle() }
        }
        a -= n
    }
}

extension UInt256 {
    /// The number of zero bits below the lowest set bit (256 for zero).
    @inlinable
    var trailingZeroBitCount: Int {
        if w0 != 0 { return w0.trailingZeroBitCount }
        if w1 != 0 { return 64 + w1.trailingZeroBitCount }
        if w2 != 0 { return 128 + w2.trailingZeroBitCount }
        if w3 != 0 { return 192 + w3.trailingZeroBitCount }
        return 256
    }

    /// The value shifted right, dropping the low bits.
    ///
    /// - Parameter count: 0 to 255.
    @inlinable @inline(__always)
    func shiftedRight(by count: Int) -> UInt256 {
        if count < 64 {
            let r = UInt64(count), l = UInt64(64 - count)
            return UInt256(w0 >> r | w1 << l, w1 >> r | w2 << l, w2 >> r | w3 << l, w3 >> r)
        }
        var words = (w0, w1, w2, w3)
        var remaining = count
        while remaining >= 64 {
            words = (words.1, words.2, words.3, 0)
            remaining -= 64
        }
        if remaining == 0 { return UInt256(words.0, words.1, words.2, words.3) }
        let r = UInt64(remaining), l = UInt64(64 - remaining)
        return UInt256(
            words.0 >> r | words.1 << l, words.1 >> r | words.2 << l,
            words.2 >> r | words.3 << l, words.3 >> r
        )
    }
}
