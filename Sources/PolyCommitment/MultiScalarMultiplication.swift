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
    /// The terms and their digits are prepared in chunks and the windows
    /// summed independently, both on the executor; the window sums are
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
        let c = windowBits(for: 2 * count)
        let windowCount = SignedWindows.count(windowBits: c)
        // The 2n GLV terms with their digits, prepared in chunks on the
        // executor (a serial preamble held a tenth of the two-thread time).
        let chunkSize = max(1024, (count + 4 * executor.parallelism - 1) / (4 * executor.parallelism))
        let chunks = (count + chunkSize - 1) / chunkSize
        let parts = executor.map(chunks) { chunk in
            glvTerms(bases, scalars, chunk * chunkSize..<min(count, (chunk + 1) * chunkSize), windowBits: c, windowCount: windowCount)
        }
        let terms = parts.count == 1 ? parts[0].points : parts.flatMap(\.points)
        if terms.isEmpty { return .infinity }
        let digits = parts.count == 1 ? parts[0].digits : parts.flatMap(\.digits)
        let sums: [JacobianPoint<Curve>] = executor.map(windowCount) { window in
            windowSum(terms, digits: digits, offset: window, stride: windowCount, bucketCount: 1 << (c - 1))
        }
        var result = JacobianPoint<Curve>.infinity
        for window in stride(from: windowCount - 1, through: 0, by: -1) {
            for _ in 0..<c { result = result.doubled }
            result += sums[window]
        }
        return result
    }

    /// Σ dᵢ·Pᵢ for one window's digits: the points go into buckets by digit
    /// (batch-affine), then the buckets are weighted and summed. The points
    /// are GLV terms, never the identity (`glvTerms` leaves those out).
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    static func windowSum<Curve: PastaCurve>(_ points: [AffinePoint<Curve>], digits: [Int16], offset: Int, stride: Int, bucketCount: Int) -> JacobianPoint<Curve> {
        weightedSum(BatchAffine<Curve>.bucketSums(ofFinite: points, digits: digits, offset: offset, stride: stride, bucketCount: bucketCount))
    }

    /// Σ (j+1)·buckets[j].
    ///
    /// Running sums from the top cost two Jacobian additions a bucket. With
    /// many buckets they are cut into `segments` runs of L, whose running
    /// sums advance together, each step two batch-affine rounds of
    /// `segments` additions (every run's sum R_s, then its total T_s, the
    /// run's buckets weighted 1…L); then Σ (j+1)·B_j = Σ T_s + L·Σ s·R_s,
    /// the last sum by running sums over the runs, in Jacobian coordinates.
    ///
    /// - Parameters:
    ///   - buckets: the bucket sums, the identity allowed.
    ///   - segments: how many runs; 1 is the plain running sums.
    /// - Returns: the weighted sum.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    static func weightedSum<Curve: PastaCurve>(_ buckets: [AffinePoint<Curve>], segments: Int? = nil) -> JacobianPoint<Curve> {
        let count = buckets.count
        let segments = max(1, min(count, segments ?? (count >= 2048 ? 256 : 1)))
        if segments == 1 { return runningSums(buckets[...]) }
        let length = (count + segments - 1) / segments
        var sums = [AffinePoint<Curve>](repeating: .infinity, count: segments)
        var totals = sums, column = sums
        var scratch = BatchAffine<Curve>.Scratch()
        for j in Swift.stride(from: length - 1, through: 0, by: -1) {
            for s in 0..<segments {
                let index = s * length + j
                column[s] = index < count ? buckets[index] : .infinity
            }
            BatchAffine<Curve>.add(column, into: &sums, scratch: &scratch)
            BatchAffine<Curve>.add(sums, into: &totals, scratch: &scratch)
        }
        var total = JacobianPoint<Curve>.infinity
        for t in totals { total += t }
        // Σ s·R_s over s ≥ 1 is the running sums of R_1, R_2, ….
        return total + runningSums(sums.dropFirst()).multiplied(byInteger: UInt256(UInt64(length)))
    }

    /// Σ (i+1)·points[start + i] by running sums from the top: two Jacobian
    /// additions a point.
    static func runningSums<Curve: PastaCurve>(_ points: ArraySlice<AffinePoint<Curve>>) -> JacobianPoint<Curve> {
        var running = JacobianPoint<Curve>.infinity
        var total = JacobianPoint<Curve>.infinity
        for point in points.reversed() {
            running += point
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

    /// The GLV terms of the pairs in `range`: for each nonzero scalar k on
    /// a base P other than the identity, ±P and ±φ(P) with the halves' signs
    /// folded into the points, and their signed c-bit digits, point-major
    /// (`windowCount` digits per point), each d with −2^(c−1) ≤ d ≤ 2^(c−1).
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    static func glvTerms<Curve: PastaCurve>(
        _ bases: [AffinePoint<Curve>], _ scalars: [Curve.ScalarField], _ range: Range<Int>, windowBits c: Int, windowCount: Int
    ) -> (points: [AffinePoint<Curve>], digits: [Int16]) {
        precondition(windowCount == SignedWindows.count(windowBits: c), "one digit per window")
        var points = [AffinePoint<Curve>]()
        points.reserveCapacity(2 * range.count)
        var digits = [Int16](repeating: 0, count: 2 * range.count * windowCount)
        func append(_ point: AffinePoint<Curve>, _ magnitude: UInt128) {
            let row = points.count * windowCount
            SignedWindows.forEach(of: magnitude, windowBits: c) { window, digit in digits[row + window] = Int16(digit) }
            points.append(point)
        }
        // ξ once: the curve's constant is built from its canonical words on
        // every read.
        let xi = Curve.endomorphismCoefficient
        let basis = Curve.glvBasis
        for i in range where !bases[i].isInfinity && !scalars[i].isZero {
            let split = basis.decompose(scalars[i])
            let base = bases[i]
            append(base.negated(if: split.firstIsNegative), split.first)
            append(AffinePoint(unchecked: xi * base.x, base.y.negated(if: split.secondIsNegative)), split.second)
        }
        digits.removeLast(digits.count - points.count * windowCount)
        return (points, digits)
    }
}
