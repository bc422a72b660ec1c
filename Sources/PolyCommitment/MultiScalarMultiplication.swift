public import Pasta

/// Multi-scalar multiplication Σ sᵢ·Pᵢ over affine bases.
public enum MultiScalarMultiplication {
    /// Pippenger's bucket method over GLV halves, with signed digits and
    /// batch-affine buckets.
    ///
    /// Each scalar k splits as k₁ + k₂·λ with 128-bit halves, so n terms
    /// become 2n terms ±P and ±φ(P) with half-length scalars: half the
    /// windows, hence half the bucket sums to reduce. Each half is cut into
    /// c-bit windows recoded to digits in [−2^(c−1), 2^(c−1)], so a window
    /// needs 2^(c−1) buckets (a negative digit adds −P). Buckets are affine
    /// and filled a batch at a time: every addition of a batch goes to a
    /// different bucket and all share one field inversion (an addition that
    /// would hit a bucket already in the batch waits for the next one).
    /// Windows are independent and run on the executor; their sums are
    /// combined with c doublings per window.
    ///
    /// - Parameters:
    ///   - bases: the points; only the first `min(bases.count, scalars.count)`
    ///     pairs are used, as in arkworks.
    ///   - scalars: the scalars.
    ///   - executor: where the windows run.
    /// - Returns: the sum, equal to `reference(bases, scalars)`.
    public static func pippenger<Curve: PastaCurve>(
        _ bases: [AffinePoint<Curve>],
        _ scalars: [Curve.ScalarField],
        executor: some ParallelExecutor = SerialExecutor()
    ) -> JacobianPoint<Curve> {
        batchAffinePippenger(bases, scalars, executor: executor)
    }

    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    static func batchAffinePippenger<Curve: PastaCurve>(
        _ bases: [AffinePoint<Curve>],
        _ scalars: [Curve.ScalarField],
        executor: any ParallelExecutor
    ) -> JacobianPoint<Curve> {
        let count = min(bases.count, scalars.count)
        if count == 0 { return .infinity }
        // The 2n GLV terms, signs folded into the points.
        var points = [AffinePoint<Curve>]()
        points.reserveCapacity(2 * count)
        var magnitudes = [UInt128]()
        magnitudes.reserveCapacity(2 * count)
        for i in 0..<count where !bases[i].isInfinity && !scalars[i].isZero {
            let split = Curve.glvBasis.decompose(scalars[i])
            let base = bases[i]
            points.append(split.firstIsNegative ? -base : base)
            magnitudes.append(split.first)
            let image = base.endomorphism
            points.append(split.secondIsNegative ? -image : image)
            magnitudes.append(split.second)
        }
        if points.isEmpty { return .infinity }
        let c = windowBits(for: points.count)
        let windowCount = SignedWindows.count(windowBits: c)
        let digits = signedDigits(magnitudes, windowBits: c, windowCount: windowCount)
        let terms = points
        let sums: [JacobianPoint<Curve>] = executor.map(windowCount) { window in
            windowSum(terms, digits: digits[window * terms.count..<(window + 1) * terms.count], bucketCount: 1 << (c - 1))
        }
        var result = JacobianPoint<Curve>.infinity
        for window in stride(from: windowCount - 1, through: 0, by: -1) {
            for _ in 0..<c { result = result.doubled }
            result += sums[window]
        }
        return result
    }

    /// Σ dᵢ·Pᵢ for one window's digits: the points go into buckets by digit
    /// (batch-affine), then Σ (j+1)·bucket[j] by running sums from the top.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    static func windowSum<Curve: PastaCurve>(_ points: [AffinePoint<Curve>], digits: ArraySlice<Int16>, bucketCount: Int) -> JacobianPoint<Curve> {
        var buckets = [AffinePoint<Curve>](repeating: .infinity, count: bucketCount)
        var pending = [Int32]()  // indices into points, in the order met
        pending.reserveCapacity(points.count)
        let first = digits.startIndex
        for i in 0..<points.count where digits[first + i] != 0 { pending.append(Int32(i)) }
        let batchLimit = 512
        var batchOf = [Int](repeating: -1, count: bucketCount)  // which batch last touched a bucket
        var batchNumber = 0
        var targets = [Int](), addends = [AffinePoint<Curve>](), lefts = [AffinePoint<Curve>]()
        var scratch = BatchAffine<Curve>.Scratch()
        while !pending.isEmpty {
            var deferred = [Int32]()
            var position = 0
            while position < pending.count {
                targets.removeAll(keepingCapacity: true)
                addends.removeAll(keepingCapacity: true)
                lefts.removeAll(keepingCapacity: true)
                while position < pending.count, targets.count < batchLimit {
                    let index = Int(pending[position])
                    position += 1
                    let digit = Int(digits[first + index])
                    let bucket = abs(digit) - 1
                    let addend = digit < 0 ? -points[index] : points[index]
                    if buckets[bucket].isInfinity {
                        buckets[bucket] = addend  // no addition needed
                    } else if batchOf[bucket] == batchNumber {
                        deferred.append(Int32(index))  // the bucket is taken in this batch
                    } else {
                        batchOf[bucket] = batchNumber
                        targets.append(bucket)
                        lefts.append(buckets[bucket])
                        addends.append(addend)
                    }
                }
                if !targets.isEmpty {
                    BatchAffine.add(addends, into: &lefts, scratch: &scratch)
                    for (slot, bucket) in targets.enumerated() { buckets[bucket] = lefts[slot] }
                }
                batchNumber += 1
            }
            pending = deferred
        }
        var running = JacobianPoint<Curve>.infinity
        var total = JacobianPoint<Curve>.infinity
        for j in stride(from: bucketCount - 1, through: 0, by: -1) {
            running += buckets[j]
            total += running
        }
        return total
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

    /// The window width that balances bucket work against window count,
    /// for `terms` GLV terms of 128 bits.
    static func windowBits(for terms: Int) -> Int {
        if terms < 32 { return 3 }
        var log = 0
        while (1 << log) < terms { log += 1 }
        return max(4, min(15, log - 4))
    }

    /// Signed c-bit digits of each 128-bit magnitude, window-major (all of
    /// window 0, then window 1, …) so a window's digits are contiguous:
    /// every digit d satisfies −2^(c−1) ≤ d ≤ 2^(c−1).
    static func signedDigits(_ magnitudes: [UInt128], windowBits c: Int, windowCount: Int) -> [Int16] {
        precondition(windowCount == SignedWindows.count(windowBits: c), "one digit per window")
        let count = magnitudes.count
        var out = [Int16](repeating: 0, count: count * windowCount)
        for (i, magnitude) in magnitudes.enumerated() {
            SignedWindows.forEach(of: magnitude, windowBits: c) { window, digit in
                out[window * count + i] = Int16(digit)
            }
        }
        return out
    }
}
