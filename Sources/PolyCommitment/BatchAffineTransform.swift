import Pasta

/// The radix-2 transform over curve points, two layers at a time in affine
/// coordinates: the fast path behind Lagrange-basis commitments.
///
/// `Radix2Transform` works on one element at a time, so every butterfly
/// pays Jacobian formulas. Here the layers are taken in radix-4 steps (one
/// radix-2 layer first when log₂ n is odd), each cut into runs spread over
/// the executor. Within a run the twiddle products are one
/// `BatchAffine.multiply` (GLV, signed windows, tables built with shared
/// inversions), the second layer's products are two-term combinations
/// sharing their doublings (`BatchAffine.combinations`), and the sums and
/// differences are rounds of `butterflies` (one inverted element per
/// butterfly). Doublings are most of the cost, and a radix-4 step needs
/// three chains of them per four points where two radix-2 layers need four.
/// Twiddles equal to one are skipped, and the overall scale rides on the
/// twiddles of the even-most block of every layer as in `Radix2Transform`,
/// so 1/n costs about log₂ n multiplications instead of n.
struct BatchAffineTransform<Curve: PastaCurve> {
    typealias Point = AffinePoint<Curve>
    typealias Scalar = Curve.ScalarField

    /// wⁱ for i < n/2.
    let twiddles: [Scalar]
    let size: Int

    /// - Parameters:
    ///   - root: a primitive n-th root of unity (its inverse for an inverse transform).
    ///   - size: n, a power of two.
    init(root: Scalar, size: Int) {
        precondition(size > 0 && size & (size - 1) == 0, "a radix-2 transform needs a power-of-two size")
        self.size = size
        twiddles = TransformTables.twiddles(root: root, size: size)
    }

    /// out[k] = s · Σⱼ input[j]·w^(jk).
    ///
    /// - Parameters:
    ///   - input: exactly n points; the identity is allowed (padding).
    ///   - scale: s, or nil for one.
    ///   - executor: where the runs of each layer go.
    ///   - runLength: butterflies (radix-2) or groups (radix-4) per run;
    ///     nil picks by size and parallelism (tests force small runs).
    /// - Returns: the n transformed points.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    func apply(_ input: [Point], scale: Scalar?, executor: any ParallelExecutor, runLength: Int? = nil) -> [Point] {
        precondition(input.count == size, "transform input must fill the domain")
        let n = size
        var logN = 0
        while (1 << logN) < n { logN += 1 }
        // A run of L groups reads and writes 4L consecutive points when its
        // step's blocks (4h points) divide that span, so the steps up to
        // h = L (2,048 points, five of a 2¹⁶ transform's eight) run chunk by
        // chunk, each chunk through all of them on one thread: no wait for
        // the step's last run between them, where one core idled.
        let length = radix4RunLength(runLength, executor: executor)
        var half = logN % 2 == 1 ? 2 : 1
        var local = [Int]()
        while half < n && length % half == 0 {
            local.append(half)
            half *= 4
        }
        var values: [Point]
        if logN % 2 == 0 && !local.isEmpty {
            // The chunks read their points in bit-reversed order themselves.
            values = radix4LocalSteps(input, reversing: logN, halves: local, scale: scale, executor: executor, runLength: length)
        } else {
            values = bitReversed(input, 0..<n, width: logN, scale: scale)
            if logN % 2 == 1 {
                values = radix2Layer(values, half: 1, scale: scale, executor: executor, runLength: runLength)
            }
            if !local.isEmpty {
                values = radix4LocalSteps(values, reversing: nil, halves: local, scale: scale, executor: executor, runLength: length)
            }
        }
        while half < n {
            values = radix4Step(values, half: half, scale: scale, executor: executor, runLength: length)
            half *= 4
        }
        return values
    }

    /// Groups per run of a radix-4 step: up to 512, so that a run's rounds
    /// share each inversion among about 1,500 combinations. Its tables of
    /// multiples (16 per b, c and d) outgrow a core's L2 at that size, but
    /// 256 groups, whose tables fit, measured the same (user time of six
    /// alternating runs of a 16384-point basis, within 1.5%).
    func radix4RunLength(_ requested: Int?, executor: any ParallelExecutor) -> Int {
        requested ?? max(32, min(512, size / 4 / max(1, executor.parallelism)))
    }

    /// The radix-4 steps of `halves` (each h dividing `runLength`), chunk
    /// by chunk: chunk c is points 4L·c ..< 4L·(c + 1), which the runs of
    /// every one of these steps keep to themselves.
    ///
    /// - Parameters:
    ///   - reversing: log₂ n when `current` is the transform's input, not
    ///     yet in bit-reversed order and not yet scaled: each chunk then
    ///     reads its points from their reversed places, and the first
    ///     scales its point 0 (a pass over all n points on one thread took
    ///     3–5 ms of a 2¹⁶ transform while the other waited); nil when
    ///     `current` is both.
    func radix4LocalSteps(
        _ current: [Point], reversing width: Int?, halves: [Int], scale: Scalar?, executor: any ParallelExecutor, runLength: Int
    ) -> [Point] {
        let span = 4 * runLength
        let chunks = (size + span - 1) / span
        let results: [[Point]] = executor.map(chunks) { chunk in
            let range = chunk * span..<min(size, (chunk + 1) * span)
            var values = width.map { bitReversed(current, range, width: $0, scale: scale) } ?? Array(current[range])
            for h in halves {
                let out = radix4Run(values, half: h, groups: 0..<values.count / 4, scale: scale, holdsBlockZero: chunk == 0)
                scatter(out, firstGroup: 0, half: h, into: &values)
            }
            return values
        }
        var values = [Point]()
        values.reserveCapacity(size)
        for chunk in results { values.append(contentsOf: chunk) }
        return values
    }

    /// Points `range` of the order the in-place butterflies start from:
    /// point i is input[i with its low `width` bits reversed], and point 0
    /// (when `range` holds it) carries its share of the scale.
    func bitReversed(_ input: [Point], _ range: Range<Int>, width: Int, scale: Scalar?) -> [Point] {
        var values = range.map { input[TransformTables.reverseBits($0, width: width)] }
        if range.lowerBound == 0, !range.isEmpty, let scale, !scale.isOne {
            values[0] = BatchAffine.multiply([values[0]], by: [scale])[0]
        }
        return values
    }

    /// One radix-2 layer: the butterflies (x, y) → (x + t·y, x − t·y) of
    /// blocks of 2·half.
    func radix2Layer(_ current: [Point], half: Int, scale: Scalar?, executor: any ParallelExecutor, runLength: Int?) -> [Point] {
        let n = size
        let butterflies = n / 2
        let runLength = runLength ?? max(64, min(1024, butterflies / max(1, executor.parallelism)))
        let runs = (butterflies + runLength - 1) / runLength
        let step = n / (2 * half)
        let twiddles = self.twiddles
        let results: [(evens: [Point], odds: [Point])] = executor.map(runs) { run in
            let range = run * runLength..<min(butterflies, (run + 1) * runLength)
            var evens = [Point](), odds = [Point]()
            evens.reserveCapacity(range.count)
            odds.reserveCapacity(range.count)
            var scaled = [Int](), factors = [Scalar]()
            for (offset, butterfly) in range.enumerated() {
                let block = butterfly / half, k = butterfly % half
                let i = block * 2 * half + k
                evens.append(current[i])
                let odd = current[i + half]
                odds.append(odd)
                let twiddle = twiddles[step * k]
                let factor = block == 0 ? scale.map { $0 * twiddle } ?? twiddle : twiddle
                if !factor.isOne && !odd.isInfinity {
                    scaled.append(offset)
                    factors.append(factor)
                }
            }
            if !scaled.isEmpty {
                let products = BatchAffine.multiply(scaled.map { odds[$0] }, by: factors)
                for (position, offset) in scaled.enumerated() { odds[offset] = products[position] }
            }
            var scratch = BatchAffine<Curve>.Scratch()
            BatchAffine.butterflies(&evens, &odds, scratch: &scratch)
            return (evens, odds)
        }
        var values = current
        for run in 0..<runs {
            let start = run * runLength
            for (offset, sum) in results[run].evens.enumerated() {
                let butterfly = start + offset
                let i = (butterfly / half) * 2 * half + butterfly % half
                values[i] = sum
                values[i + half] = results[run].odds[offset]
            }
        }
        return values
    }

    /// Where a radix-4 step's product goes: t₁·b, t₂·c', t₃·d'.
    enum ProductTarget { case b, q, r }

    /// Two layers at once (blocks of 2·half, then of 4·half), on groups of
    /// four points a, b, c, d at offsets 0, h, 2h, 3h of a block of 4h:
    ///
    ///     a' = a + t₁b, b' = a − t₁b, c' = c + t₁d, d' = c − t₁d   (layer h)
    ///     out = a' ± t₂c', b' ± t₃d'                               (layer 2h)
    ///
    /// with t₁ = w_{2h}^k, t₂ = w_{4h}^k, t₃ = w_{4h}^{k+h}. Expanding the
    /// second layer's products, t₂c' = t₂·c + t₂t₁·d and t₃d' = t₃·c − t₃t₁·d
    /// are two-term combinations of the same c and d: Straus computes each
    /// with one chain of doublings, so a group costs three chains (t₁b and
    /// the two combinations) where two radix-2 layers cost four. When
    /// t₁ = 1 (k = 0) c' and d' are plain sums, and the products are taken
    /// of them. The scale rides on block 0 as in `radix2Layer`: on t₁ for
    /// b, and on t₂, t₃ for the whole group.
    func radix4Step(_ current: [Point], half h: Int, scale: Scalar?, executor: any ParallelExecutor, runLength: Int) -> [Point] {
        let groups = size / 4
        let runs = (groups + runLength - 1) / runLength
        let results: [[Point]] = executor.map(runs) { run in
            radix4Run(current, half: h, groups: run * runLength..<min(groups, (run + 1) * runLength), scale: scale, holdsBlockZero: true)
        }
        var values = current
        for run in 0..<runs { scatter(results[run], firstGroup: run * runLength, half: h, into: &values) }
        return values
    }

    /// The four outputs of each group of `range` of the radix-4 step of
    /// half h over `current` (see `radix4Step`), as out0 of every group,
    /// then out1, out2 and out3.
    ///
    /// - Parameters:
    ///   - holdsBlockZero: whether block 0 of `current` is the transform's
    ///     block 0, the one the scale rides on.
    func radix4Run(_ current: [Point], half h: Int, groups range: Range<Int>, scale: Scalar?, holdsBlockZero: Bool) -> [Point] {
        let n = size
        let twiddles = self.twiddles
        let length = range.count
        var a = [Point](), b = [Point](), c = [Point](), d = [Point]()
        a.reserveCapacity(length); b.reserveCapacity(length); c.reserveCapacity(length); d.reserveCapacity(length)
        // Per group: the factor on b, on c' and on d'; and t₁.
        var factorB = [Scalar](), factorC = [Scalar](), factorD = [Scalar](), inner = [Scalar]()
        for group in range {
            let block = group / h, k = group % h
            let base = block * 4 * h + k
            a.append(current[base]); b.append(current[base + h])
            c.append(current[base + 2 * h]); d.append(current[base + 3 * h])
            let t1 = twiddles[(n / (2 * h)) * k]
            let t2 = twiddles[(n / (4 * h)) * k]
            let t3 = twiddles[(n / (4 * h)) * (k + h)]
            let s = block == 0 && holdsBlockZero ? scale : nil
            factorB.append(s.map { $0 * t1 } ?? t1)
            factorC.append(s.map { $0 * t2 } ?? t2)
            factorD.append(s.map { $0 * t3 } ?? t3)
            inner.append(t1)
        }
        var scratch = BatchAffine<Curve>.Scratch()

        // Groups with t₁ = 1: c', d' = c ± d now, their products below.
        let plain = (0..<length).filter { inner[$0].isOne }
        var plainC = plain.map { c[$0] }, plainD = plain.map { d[$0] }
        BatchAffine.butterflies(&plainC, &plainD, scratch: &scratch)

        // Every product of the run in one batch of combinations (so each
        // round's inversion is paid once): t₁·b; t₂c' and t₃d' as
        // t₂·c + t₂t₁·d and t₃·c − t₃t₁·d; or, where t₁ = 1, as single
        // terms on the c' and d' just computed. Points: b, c, d by group,
        // then the plain groups' c' and d'.
        var q = [Point](repeating: .infinity, count: length), r = q
        var points = [Point]()
        points.reserveCapacity(3 * length + 2 * plain.count)
        for part in [b, c, d, plainC, plainD] { points.append(contentsOf: part) }
        var terms = [BatchAffine<Curve>.Term](), targets = [(ProductTarget, Int)]()
        terms.reserveCapacity(6 * length)
        for g in 0..<length where !factorB[g].isOne && !b[g].isInfinity {
            terms.append(.init(point: g, scalar: factorB[g])); terms.append(.absent)
            targets.append((.b, g))
        }
        for g in 0..<length where !inner[g].isOne {
            let (onC, onD) = (length + g, 2 * length + g)
            terms.append(.init(point: onC, scalar: factorC[g])); terms.append(.init(point: onD, scalar: factorC[g] * inner[g]))
            targets.append((.q, g))
            terms.append(.init(point: onC, scalar: factorD[g])); terms.append(.init(point: onD, scalar: -(factorD[g] * inner[g])))
            targets.append((.r, g))
        }
        for (position, g) in plain.enumerated() {
            let (onC, onD) = (3 * length + position, 3 * length + plain.count + position)
            if factorC[g].isOne { q[g] = plainC[position] } else {
                terms.append(.init(point: onC, scalar: factorC[g])); terms.append(.absent)
                targets.append((.q, g))
            }
            if factorD[g].isOne { r[g] = plainD[position] } else {
                terms.append(.init(point: onD, scalar: factorD[g])); terms.append(.absent)
                targets.append((.r, g))
            }
        }
        let products = BatchAffine.combinations(of: points, terms: terms, width: 2)
        for (position, (target, g)) in targets.enumerated() {
            switch target {
            case .b: b[g] = products[position]
            case .q: q[g] = products[position]
            case .r: r[g] = products[position]
            }
        }

        // a' = a + t₁b, b' = a − t₁b; then a' ± t₂c' and b' ± t₃d' in one round.
        BatchAffine.butterflies(&a, &b, scratch: &scratch)
        var evens = a + b, odds = q + r
        BatchAffine.butterflies(&evens, &odds, scratch: &scratch)
        return evens + odds
    }

    /// Writes a run's outputs (as `radix4Run` returns them, for the groups
    /// from `firstGroup` on) to their places in `values`.
    func scatter(_ out: [Point], firstGroup: Int, half h: Int, into values: inout [Point]) {
        let length = out.count / 4
        for offset in 0..<length {
            let group = firstGroup + offset
            let base = (group / h) * 4 * h + group % h
            values[base] = out[offset]
            values[base + h] = out[length + offset]
            values[base + 2 * h] = out[2 * length + offset]
            values[base + 3 * h] = out[3 * length + offset]
        }
    }
}
