public import Pasta

/// Multi-scalar multiplication Σ sᵢ·Pᵢ over affine bases.
public enum MultiScalarMultiplication {
    /// Pippenger's bucket method with signed digits.
    ///
    /// Each scalar is cut into c-bit windows and recoded to digits in
    /// [−2^(c−1), 2^(c−1)], so each window needs 2^(c−1) buckets instead of
    /// 2^c (a negative digit adds −P). Windows are independent and run on the
    /// executor; the results are combined with c doublings per window.
    ///
    /// - Parameters:
    ///   - bases: the points; only the first `min(bases.count, scalars.count)`
    ///     pairs are used, as in arkworks.
    ///   - scalars: the scalars.
    ///   - executor: where the windows run.
    /// - Returns: the sum.
    public static func pippenger<Curve: PastaCurve>(
        _ bases: [AffinePoint<Curve>],
        _ scalars: [Curve.ScalarField],
        executor: some ParallelExecutor = SerialExecutor()
    ) -> JacobianPoint<Curve> {
        let count = min(bases.count, scalars.count)
        if count == 0 { return .infinity }
        let c = windowBits(for: count)
        let windowCount = (256 + c) / c  // one extra window absorbs the last carry
        let digits = signedDigits(scalars.prefix(count).map(\.canonical), windowBits: c, windowCount: windowCount)
        let bucketCount = 1 << (c - 1)
        let sums: [JacobianPoint<Curve>] = executor.map(windowCount) { window in
            var buckets = [JacobianPoint<Curve>](repeating: .infinity, count: bucketCount)
            for i in 0..<count {
                let digit = digits[i * windowCount + window]
                if digit > 0 {
                    buckets[Int(digit) - 1] += bases[i]
                } else if digit < 0 {
                    buckets[Int(-digit) - 1] += -bases[i]
                }
            }
            // Σ (j+1)·bucket[j] by running sums from the top.
            var running = JacobianPoint<Curve>.infinity
            var total = JacobianPoint<Curve>.infinity
            for j in stride(from: bucketCount - 1, through: 0, by: -1) {
                running += buckets[j]
                total += running
            }
            return total
        }
        var result = JacobianPoint<Curve>.infinity
        for window in stride(from: windowCount - 1, through: 0, by: -1) {
            for _ in 0..<c { result = result.doubled }
            result += sums[window]
        }
        return result
    }

    /// The plain reference: Σ sᵢ·Pᵢ by one double-and-add per term.
    ///
    /// - Parameters:
    ///   - bases: the points; pairs beyond the shorter list are ignored.
    ///   - scalars: the scalars.
    /// - Returns: the sum.
    public static func reference<Curve: PastaCurve>(_ bases: [AffinePoint<Curve>], _ scalars: [Curve.ScalarField]) -> JacobianPoint<Curve> {
        zip(bases, scalars).reduce(JacobianPoint<Curve>.infinity) { $0 + $1.0.projective.multiplied(by: $1.1) }
    }

    /// The window width that balances bucket work against window count.
    static func windowBits(for count: Int) -> Int {
        if count < 32 { return 3 }
        var log = 0
        while (1 << log) < count { log += 1 }
        return max(4, min(16, (log * 69) / 100 + 2))
    }

    /// Signed c-bit digits of each scalar, `windowCount` per scalar, in one
    /// flat array: digit d of window w satisfies −2^(c−1) ≤ d ≤ 2^(c−1).
    static func signedDigits(_ scalars: [UInt256], windowBits c: Int, windowCount: Int) -> [Int32] {
        var out = [Int32](repeating: 0, count: scalars.count * windowCount)
        let mask = (UInt64(1) << UInt64(c)) - 1
        let half = Int64(1) << Int64(c - 1)
        for (i, scalar) in scalars.enumerated() {
            var carry: Int64 = 0
            for window in 0..<windowCount {
                let bit = window * c
                var chunk: UInt64 = 0
                if bit < 256 {
                    let word = bit >> 6, shift = UInt64(bit & 63)
                    chunk = scalar[word: word] >> shift
                    if shift + UInt64(c) > 64, word + 1 < 4 { chunk |= scalar[word: word + 1] << (64 - shift) }
                    chunk &= mask
                }
                var digit = Int64(chunk) + carry
                if digit > half {
                    digit -= 2 * half
                    carry = 1
                } else {
                    carry = 0
                }
                out[i * windowCount + window] = Int32(digit)
            }
        }
        return out
    }
}
