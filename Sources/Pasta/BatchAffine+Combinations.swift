extension BatchAffine {
    /// One term α·P of a linear combination: P by its index into the points
    /// the combinations draw on, and α.
    public struct Term: Sendable {
        /// Which point.
        public var point: Int
        /// Its coefficient; zero makes the term absent.
        public var scalar: Curve.ScalarField

        /// - Parameters:
        ///   - point: the index of the point.
        ///   - scalar: the coefficient.
        @inlinable
        public init(point: Int, scalar: Curve.ScalarField) {
            self.point = point
            self.scalar = scalar
        }

        /// A placeholder for a combination with fewer terms than its slots.
        public static var absent: Term { Term(point: 0, scalar: .zero) }
    }

    /// Σ αⱼ·P_{iⱼ} for many linear combinations of shared points: Straus's
    /// interleaving, batched.
    ///
    /// A combination costs the doublings of one scalar multiplication
    /// however many terms it has: every scalar is split by GLV and read in
    /// the same signed 5-bit windows, so all the 128-bit halves share one
    /// accumulator and its 128 doublings. This is what makes a radix-4 step
    /// of a group FFT cheaper than two radix-2 layers: three doubling
    /// chains instead of four. The multiples of each point are built once
    /// and serve every combination that uses it, and every combination of
    /// the batch shares each round's inversion: one call for all the
    /// products of a run pays for each round once.
    ///
    /// - Parameters:
    ///   - points: the points the terms index; the identity is allowed.
    ///   - terms: `width` terms per combination, those of combination c at
    ///     c·width …; pad with `Term.absent`.
    ///   - width: the number of term slots per combination.
    /// - Returns: one point per combination, equal to the sum of its terms
    ///   computed one multiplication at a time.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public static func combinations(of points: [Point], terms: [Term], width: Int) -> [Point] {
        let count = width > 0 ? terms.count / width : 0
        let kind: Accumulators = max(count, points.count) >= combinationAffineThreshold ? .affine : .jacobian
        return combinations(of: points, terms: terms, width: width, accumulators: kind, vectorized: VectorArithmetic.isAvailable)
    }

    /// `combinations(of:terms:width:)` with the accumulators (and tables)
    /// chosen by the caller, and the affine rounds through the eight-lane
    /// kernels or not (tests reach every path on the same inputs).
    ///
    /// A batch of a few combinations (as a small domain's Lagrange basis
    /// makes) would pay an inversion for every one of its 26 windows' 9 or
    /// so rounds and for 16 rounds of tables, to share each among a handful
    /// of points; Jacobian accumulators and a table normalized at once pay
    /// two inversions in all.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    static func combinations(of points: [Point], terms: [Term], width: Int, accumulators kind: Accumulators, vectorized: Bool) -> [Point] {
        precondition(width > 0 && terms.count % width == 0, "width terms per combination")
        precondition(terms.allSatisfy { points.indices.contains($0.point) || $0.scalar.isZero }, "every term names one of the points")
        let count = terms.count / width
        if count == 0 { return [] }
        let w = windowBits
        let windows = SignedWindows.count(windowBits: w)
        let tableSize = 1 << (w - 1)
        let halves = 2 * width

        // Digits of half h (2·slot for the term's GLV first half on P,
        // 2·slot + 1 for its second on φ(P)) of combination c in window w
        // at (w·halves + h)·count + c, signs folded in: a round reads one
        // window of one half for every combination, and the kernels read a
        // slot's eight digits with one load.
        var digits = [Int8](repeating: 0, count: count * halves * windows)
        for (index, term) in terms.enumerated() where !term.scalar.isZero {
            let split = Curve.glvBasis.decompose(term.scalar)
            let (combination, slot) = index.quotientAndRemainder(dividingBy: width)
            let offset = digitRow(window: 0, half: 2 * slot, halves: halves, count: count) + combination
            let stride = digitRow(window: 1, half: 0, halves: halves, count: count)
            recode(split.first, into: &digits, at: offset, stride: stride, windows: windows, negated: split.firstIsNegative)
            recode(split.second, into: &digits, at: offset + count, stride: stride, windows: windows, negated: split.secondIsNegative)
        }

        var scratch = Scratch(vectorized: vectorized)
        if kind == .jacobian {
            let table = multiples(points, kind: .jacobian, scratch: &scratch)
            return jacobianCombinations(table: table, terms: terms, width: width, digits: digits, windows: windows)
        }
        if vectorized {
            return unsafeVectorCombinations(
                points: points, terms: terms, width: width, digits: digits, windows: windows, scratch: scratch.vector)
        }
        let table = multiples(points, kind: .affine, scratch: &scratch)
        let beta = Curve.endomorphismCoefficient
        var accumulators = [Point](repeating: .infinity, count: count)
        var addends = [Point](repeating: .infinity, count: count)
        for window in stride(from: windows - 1, through: 0, by: -1) {
            if window != windows - 1 {
                for _ in 0..<w { double(&accumulators, scratch: &scratch) }
            }
            for half in 0..<halves {
                let slot = half / 2
                let xi = half & 1 == 1 ? beta : nil
                // First only the loads: the table is larger than a core's L2,
                // so nearly every read misses, and a loop this light keeps
                // many misses in flight where one doing a multiplication per
                // element kept two.
                var any = false
                for combination in 0..<count {
                    let digit = Int(digits[digitRow(window: window, half: half, halves: halves, count: count) + combination])
                    if digit == 0 {
                        addends[combination] = .infinity
                        continue
                    }
                    let point = terms[combination * width + slot].point
                    addends[combination] = table[point * tableSize + abs(digit) - 1]
                    any = true
                }
                if !any { continue }
                // Then signs and φ(x, y) = (ξx, y), one multiplication here
                // instead of a second table that would double the misses.
                for combination in 0..<count {
                    let entry = addends[combination]
                    if entry.isInfinity { continue }
                    let digit = digits[digitRow(window: window, half: half, halves: halves, count: count) + combination]
                    addends[combination] = addend(entry, negated: digit < 0, xi: xi)
                }
                add(addends, into: &accumulators, scratch: &scratch)
            }
        }
        return accumulators
    }

    /// Where the digits of one window of one half start: `combinations`
    /// lays them out a row per (window, half), a digit per combination.
    @inline(__always)
    static func digitRow(window: Int, half: Int, halves: Int, count: Int) -> Int { (window * halves + half) * count }

    /// The combinations with Jacobian accumulators, one at a time: per
    /// window five doublings and a mixed addition per nonzero digit, then
    /// one shared inversion for all.
    ///
    /// - Parameters:
    ///   - table: the multiples of the points (see `multiples`).
    ///   - terms: `width` terms per combination.
    ///   - width: the term slots per combination.
    ///   - digits: as `combinations` lays them out.
    ///   - windows: digits per half.
    /// - Returns: one point per combination.
    static func jacobianCombinations(table: [Point], terms: [Term], width: Int, digits: [Int8], windows: Int) -> [Point] {
        let count = terms.count / width
        let halves = 2 * width
        let tableSize = 1 << (windowBits - 1)
        let beta = Curve.endomorphismCoefficient
        var accumulators = [JacobianPoint<Curve>](repeating: .infinity, count: count)
        for combination in 0..<count {
            var accumulator = JacobianPoint<Curve>.infinity
            for window in stride(from: windows - 1, through: 0, by: -1) {
                if !accumulator.isInfinity {
                    for _ in 0..<windowBits { accumulator = accumulator.doubled }
                }
                for half in 0..<halves {
                    let digit = Int(digits[digitRow(window: window, half: half, halves: halves, count: count) + combination])
                    if digit == 0 { continue }
                    let entry = table[terms[combination * width + half / 2].point * tableSize + abs(digit) - 1]
                    if entry.isInfinity { continue }
                    accumulator += addend(entry, negated: digit < 0, xi: half & 1 == 1 ? beta : nil)
                }
            }
            accumulators[combination] = accumulator
        }
        return JacobianPoint.batchNormalize(accumulators)
    }

    /// A finite table entry as a combination adds it: negated for a
    /// negative digit, and φ(P) = (ξx, y) for a term's second GLV half.
    ///
    /// - Parameters:
    ///   - entry: the table entry.
    ///   - negated: whether the digit was negative.
    ///   - xi: ξ for a second half (the caller reads it once), else nil.
    /// - Returns: the point to add.
    @inlinable @inline(__always)
    static func addend(_ entry: Point, negated: Bool, xi: Field?) -> Point {
        Point(unchecked: xi.map { $0 * entry.x } ?? entry.x, entry.y.negated(if: negated))
    }
}
