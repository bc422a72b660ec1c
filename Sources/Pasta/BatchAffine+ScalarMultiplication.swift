extension BatchAffine {
    /// The width of the signed windows over each 128-bit GLV half: digits in
    /// [−16, 16], so a table of sixteen multiples and 26 windows, about 52
    /// additions and 128 doublings per point.
    @usableFromInline
    static var windowBits: Int { 5 }

    /// [kᵢ]Pᵢ for every i: many independent scalar multiplications at once.
    ///
    /// Each scalar is split by GLV into two signed 128-bit halves (so 128
    /// doublings, not 255) and each half is read in signed 5-bit windows
    /// (negating a point is free, so sixteen multiples serve digits −16…16).
    /// The batch is single-term `combinations`. For large batches the
    /// multiples 1·P … 16·P of every point are built in affine, a round of
    /// additions across all points per multiple, each round sharing one
    /// inversion, and the accumulators are affine too, every doubling and
    /// addition a round across all points; for small ones the table and the
    /// accumulators are Jacobian, normalized with one inversion each. φ of
    /// an entry is one field multiplication.
    ///
    /// - Parameters:
    ///   - points: the points; the identity is allowed and gives the identity.
    ///   - scalars: one scalar per point; zero gives the identity.
    /// - Returns: the products, in the same order, equal to
    ///   `points[i].projective.multiplied(by: scalars[i]).affine`.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public static func multiply(_ points: [Point], by scalars: [Curve.ScalarField]) -> [Point] {
        multiply(points, by: scalars, accumulators: Accumulators(forBatchOf: points.count))
    }

    /// Where the products are accumulated (and how the tables of multiples
    /// are built).
    @usableFromInline
    enum Accumulators: Sendable {
        /// One point at a time, Jacobian, adding affine table entries.
        case jacobian
        /// A round of affine doublings or additions across all points at a
        /// time, each round sharing one inversion.
        case affine

        /// The cheaper kind for a batch of `count` points.
        init(forBatchOf count: Int) {
            self = count >= BatchAffine.affineAccumulatorThreshold ? .affine : .jacobian
        }
    }

    /// From this many points on, affine accumulators. An affine round saves
    /// about five multiplications per addition and one per doubling, but
    /// pays one inversion (about 270 multiplications) per round for the
    /// batch: below about a hundred points the Jacobian ones are cheaper.
    @usableFromInline
    static var affineAccumulatorThreshold: Int { 128 }

    /// From this many combinations (or points), `combinations` runs affine
    /// rounds; below it, Jacobian accumulators. Lower than
    /// `affineAccumulatorThreshold`, which dates from inversion by Fermat:
    /// by divsteps a round's inversion costs about a sixth of that, and an
    /// affine addition in the kernels about half a Jacobian one, so the
    /// affine rounds pay for themselves from a few dozen elements. Batches
    /// of 32 or more keep the affine rounds they always had; the Jacobian
    /// side was measured on the harness's domains of 8, whose radix-4 step
    /// asks for six combinations.
    static var combinationAffineThreshold: Int { 32 }

    /// `multiply(_:by:)` with the accumulators chosen by the caller (tests
    /// reach both on the same inputs).
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    static func multiply(
        _ points: [Point],
        by scalars: [Curve.ScalarField],
        accumulators kind: Accumulators,
        vectorized: Bool = VectorArithmetic.isAvailable
    ) -> [Point] {
        precondition(points.count == scalars.count, "one scalar per point")
        var out = [Point](repeating: .infinity, count: points.count)
        let active = points.indices.filter { !points[$0].isInfinity && !scalars[$0].isZero }
        if active.isEmpty { return out }
        let base = active.map { points[$0] }
        // One single-term combination per point: the accumulation, tables
        // and φ are those of `combinations` for either kind.
        let terms = active.enumerated().map { slot, index in Term(point: slot, scalar: scalars[index]) }
        let products = combinations(of: base, terms: terms, width: 1, accumulators: kind, vectorized: vectorized)
        for (slot, index) in active.enumerated() { out[index] = products[slot] }
        return out
    }

    /// 1·P … 16·P of every point, one point's side by side at
    /// slot·16 + j − 1 (the accumulations read them at random, point by
    /// point): for `.affine`, built a round of additions across all points
    /// per multiple, each round sharing one inversion (through the vector
    /// rounds when the scratch is vectorized; the vector combinations build
    /// their own table, `unsafeVectorTable`); for `.jacobian` (a
    /// few points, where sixteen inversions would cost more than the
    /// table), in Jacobian coordinates point by point and normalized with
    /// one inversion for the whole table.
    ///
    /// - Parameters:
    ///   - base: the points; the identity gives a row of identities.
    ///   - kind: how to build it.
    ///   - scratch: storage reused across rounds.
    /// - Returns: the table.
    static func multiples(_ base: [Point], kind: Accumulators, scratch: inout Scratch) -> [Point] {
        let tableSize = 1 << (windowBits - 1)
        if kind == .jacobian {
            var table = [JacobianPoint<Curve>]()
            table.reserveCapacity(base.count * tableSize)
            for point in base {
                var multiple = point.projective
                table.append(multiple)
                for j in 2...tableSize {
                    multiple = j == 2 ? multiple.doubled : multiple + point
                    table.append(multiple)
                }
            }
            return JacobianPoint.batchNormalize(table)
        }
        var table = [Point](repeating: .infinity, count: base.count * tableSize)
        var previous = base
        for multiple in 1...tableSize {
            if multiple == 2 {
                double(&previous, scratch: &scratch)
            } else if multiple > 2 {
                add(base, into: &previous, scratch: &scratch)
            }
            for slot in 0..<base.count { table[slot * tableSize + multiple - 1] = previous[slot] }
        }
        return table
    }

    /// Writes the signed 5-bit digits of a 128-bit magnitude into
    /// `digits[offset + window · stride]`, least significant first (see
    /// `SignedWindows`).
    @usableFromInline
    static func recode(
        _ magnitude: UInt128, into digits: inout [Int8], at offset: Int, stride: Int, windows: Int, negated: Bool = false
    ) {
        precondition(windows == SignedWindows.count(windowBits: windowBits), "one digit per window")
        precondition(offset >= 0 && stride > 0 && offset + (windows - 1) * stride < digits.count, "every digit within the array")
        // The sign as a mask (digit ^ sign) − sign, and the index stepped
        // rather than multiplied: this loop writes every digit of every
        // combination, 2% of a Lagrange basis's samples.
        let sign = negated ? -1 : 0
        var at = offset
        SignedWindows.forEach(of: magnitude, windowBits: windowBits) { _, digit in
            digits[at] = Int8(truncatingIfNeeded: (digit ^ sign) &- sign)
            at &+= stride
        }
    }
}
