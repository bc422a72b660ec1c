@testable import Pasta
import PropertyBased
import Testing

/// Batch-affine arithmetic against the one-at-a-time Jacobian formulas, on
/// random inputs and on every case the affine chord formula cannot take.
@Suite("Batch-affine arithmetic")
struct BatchAffineTests {
    /// The one-at-a-time answers the batch routines must reproduce.
    static func sum<C: PastaCurve>(_ p: AffinePoint<C>, _ q: AffinePoint<C>) -> AffinePoint<C> { (p.projective + q).affine }
    static func product<C: PastaCurve>(_ p: AffinePoint<C>, _ k: C.ScalarField) -> AffinePoint<C> { p.projective.multiplied(by: k).affine }

    @Test("sums, differences and doublings equal Jacobian arithmetic on random points across slots of eight, both curves")
    func randomAdditions() async {
        await propertyCheck(count: 3, input: points(Vesta.self).array(of: 1...19), points(Vesta.self).array(of: 19)) { a, b in
            check(a, Array(b.prefix(a.count)))
        }
        await propertyCheck(count: 3, input: points(Pallas.self).array(of: 1...19), points(Pallas.self).array(of: 19)) { a, b in
            check(a, Array(b.prefix(a.count)))
        }
    }

    @Test("the chord formula's exceptions in one batch: identity either side, P + P, P + (−P), between generic pairs")
    func exceptionalAdditions() {
        let g = Vesta.generator
        let h = Fp(7) * g, k = Fp(11) * g
        let a: [Vesta.Point] = [h, .infinity, g, h, g, .infinity, k, -k, g]
        let b: [Vesta.Point] = [k, g, .infinity, h, -g, .infinity, k, k, h]
        check(a, b)
        // The whole batch exceptional: nothing to invert.
        check([g, g, .infinity], [g, -g, .infinity])
        var empty: [Vesta.Point] = []
        var scratch = BatchAffine<Vesta>.Scratch()
        BatchAffine<Vesta>.add([], into: &empty, scratch: &scratch)
        #expect(empty.isEmpty)
    }

    @Test("in-place rounds sharing one scratch across rounds of different sizes equal Jacobian arithmetic, exceptions included")
    func inPlaceRoundsReuseScratch() {
        for vectorized in VectorArithmeticTests.arithmetics { inPlaceRounds(vectorized: vectorized) }
    }

    private func inPlaceRounds(vectorized: Bool) {
        let g = Vesta.generator
        let points = (1...9).map { Fp(UInt64($0 * $0 + 3)) * g }
        var scratch = BatchAffine<Vesta>.Scratch(vectorized: vectorized)
        // A large round first, so the later small rounds run on storage
        // holding stale products from it.
        var large = points + points
        BatchAffine<Vesta>.double(&large, scratch: &scratch)
        #expect(large == (points + points).map { Self.sum($0, $0) })

        var accumulators: [Vesta.Point] = [points[0], .infinity, points[1], points[2], points[3]]
        let addends: [Vesta.Point] = [points[4], points[5], .infinity, points[2], -points[3]]
        let sums = zip(accumulators, addends).map { Self.sum($0, $1) }
        BatchAffine<Vesta>.add(addends, into: &accumulators, scratch: &scratch)
        #expect(accumulators == sums)

        var evens: [Vesta.Point] = [points[6], .infinity, points[7], points[8]]
        var odds: [Vesta.Point] = [points[0], points[1], points[7], -points[8]]
        let expectedSums = zip(evens, odds).map { Self.sum($0, $1) }
        let expectedDifferences = zip(evens, odds).map { Self.sum($0, -$1) }
        BatchAffine<Vesta>.butterflies(&evens, &odds, scratch: &scratch)
        #expect(evens == expectedSums)
        #expect(odds == expectedDifferences)

        var identities: [Vesta.Point] = [.infinity, .infinity]
        BatchAffine<Vesta>.double(&identities, scratch: &scratch)  // nothing to invert
        #expect(identities == [.infinity, .infinity])
    }

    @Test("conditional negation equals negation or the point itself, and keeps the identity")
    func conditionalNegation() {
        let g = Pallas.generator
        let p = Fq(12345) * g
        #expect(p.negated(if: true) == -p)
        #expect(p.negated(if: false) == p)
        #expect(Pallas.Point.infinity.negated(if: true) == .infinity)
        #expect(Pallas.Point.infinity.negated(if: true).isInfinity)
    }

    @Test("many scalar multiplications at once equal double-and-add on random points and scalars, both curves, both accumulators")
    func randomProducts() async {
        await propertyCheck(count: 2, input: points(Vesta.self).array(of: 1...5), elements(Fp.self).array(of: 5)) { ps, ks in
            let scalars = Array(ks.prefix(ps.count))
            let expected = zip(ps, scalars).map { Self.product($0, $1) }
            #expect(BatchAffine<Vesta>.multiply(ps, by: scalars, accumulators: .jacobian) == expected)
            #expect(BatchAffine<Vesta>.multiply(ps, by: scalars, accumulators: .affine) == expected)
        }
        await propertyCheck(count: 2, input: points(Pallas.self).array(of: 1...5), elements(Fq.self).array(of: 5)) { ps, ks in
            let scalars = Array(ks.prefix(ps.count))
            let expected = zip(ps, scalars).map { Self.product($0, $1) }
            #expect(BatchAffine<Pallas>.multiply(ps, by: scalars, accumulators: .jacobian) == expected)
            #expect(BatchAffine<Pallas>.multiply(ps, by: scalars, accumulators: .affine) == expected)
        }
    }

    @Test("a batch at the affine threshold takes the affine rounds and equals double-and-add, the identity and zero among it")
    func largeBatch() {
        let count = BatchAffine<Vesta>.affineAccumulatorThreshold + 2
        // Fixed pseudo-random values (a Weyl sequence), so a failure replays.
        func value(_ i: Int, _ salt: UInt64) -> Fp {
            let a = UInt64(i + 1) &* 0x9e37_79b9_7f4a_7c15 ^ salt
            return Fp(reducing: UInt256(a, a &* 0xbf58_476d_1ce4_e5b9, a ^ 0x94d0_49bb_1331_11eb, a >> 3))
        }
        var ps: [AffinePoint<Vesta>] = (0..<count).map { point(liftedFrom: Fq(reducing: value($0, 1).canonical)) }
        var ks = (0..<count).map { value($0, 2) }
        ps[3] = .infinity
        ks[5] = .zero
        ps[7] = ps[8]  // the same point twice, with opposite scalars
        ks[7] = -ks[8]
        let expected = zip(ps, ks).map { Self.product($0, $1) }
        #expect(BatchAffine<Vesta>.Accumulators(forBatchOf: count) == .affine)
        #expect(BatchAffine<Vesta>.Accumulators(forBatchOf: BatchAffine<Vesta>.affineAccumulatorThreshold - 1) == .jacobian)
        #expect(BatchAffine<Vesta>.multiply(ps, by: ks) == expected)
        if VectorArithmetic.isAvailable {
            #expect(BatchAffine<Vesta>.multiply(ps, by: ks, accumulators: .affine, vectorized: false) == expected)
        }
        #expect(expected[7] == -expected[8])
    }

    @Test("scalar multiplication edges in one batch, both accumulators: the identity, zero, ±1, λ, small scalars, the same point twice")
    func productEdges() {
        let g = Pallas.generator
        let lambda = Pallas.endomorphismScalar
        var ps: [Pallas.Point] = [.infinity, g, g, g, g, g, g, -g, g]
        var ks: [Fq] = [Fq(5), .zero, .one, -Fq.one, lambda, lambda - .one, .one + lambda, Fq(3), Fq(3)]
        for small in 2...33 {  // every digit of a 5-bit signed window, and the borrow into the next
            ps.append(g)
            ks.append(Fq(UInt64(small)))
        }
        let expected = zip(ps, ks).map { Self.product($0, $1) }
        for vectorized in VectorArithmeticTests.arithmetics {
            #expect(BatchAffine<Pallas>.multiply(ps, by: ks, accumulators: .jacobian, vectorized: vectorized) == expected)
            #expect(BatchAffine<Pallas>.multiply(ps, by: ks, accumulators: .affine, vectorized: vectorized) == expected)
        }
        #expect(expected[7] == -expected[8])
        #expect(BatchAffine<Pallas>.multiply([], by: []).isEmpty)
        #expect(BatchAffine<Pallas>.multiply([.infinity], by: [.zero]) == [.infinity])
    }

    @Test("linear combinations equal one multiplication per term and a sum, affine and Jacobian accumulators: random points, coefficients and indices, widths 1 to 3, both curves")
    func randomCombinations() async {
        await propertyCheck(count: 2, input: points(Vesta.self).array(of: 4), elements(Fp.self).array(of: 12), Gen.int(in: 0...3).array(of: 12)) { ps, ks, indices in
            for width in [2, 3] {
                let terms = (0..<(12 / width * width)).map { BatchAffine<Vesta>.Term(point: indices[$0], scalar: ks[$0]) }
                let expected = Self.combinations(ps, terms, width: width)
                for vectorized in VectorArithmeticTests.arithmetics {
                    #expect(BatchAffine<Vesta>.combinations(of: ps, terms: terms, width: width, accumulators: .affine, vectorized: vectorized) == expected)
                }
                #expect(BatchAffine<Vesta>.combinations(of: ps, terms: terms, width: width, accumulators: .jacobian, vectorized: false) == expected)
                #expect(BatchAffine<Vesta>.combinations(of: ps, terms: terms, width: width) == expected)
            }
        }
        await propertyCheck(count: 2, input: points(Pallas.self).array(of: 3), elements(Fq.self).array(of: 4)) { ps, ks in
            let terms = [BatchAffine<Pallas>.Term(point: 2, scalar: ks[0]), .init(point: 0, scalar: ks[1]), .init(point: 1, scalar: ks[2]), .absent]
            let expected = Self.combinations(ps, terms, width: 1)
            #expect(BatchAffine<Pallas>.combinations(of: ps, terms: terms, width: 1) == expected)
            #expect(BatchAffine<Pallas>.combinations(of: ps, terms: terms, width: 1, accumulators: .affine, vectorized: false) == expected)
        }
    }

    @Test("combination edges, affine and Jacobian accumulators: the identity as a point, zero and absent terms, the same point twice, P and −P, cancellation, ±1 and λ")
    func combinationEdges() {
        let g = Vesta.generator
        let h = Fp(9) * g
        let lambda = Vesta.endomorphismScalar
        let ps: [Vesta.Point] = [.infinity, g, -g, h]
        typealias T = BatchAffine<Vesta>.Term
        let terms: [T] = [
            T(point: 0, scalar: Fp(3)), T(point: 3, scalar: Fp(5)),  // the identity as a point
            T(point: 1, scalar: Fp(2)), T(point: 1, scalar: -Fp(2)),  // cancels on the same point
            T(point: 1, scalar: .one), T(point: 1, scalar: .one),  // 2P
            T(point: 1, scalar: Fp(4)), T(point: 2, scalar: Fp(4)),  // P and −P: cancels
            T(point: 3, scalar: .zero), .absent,  // nothing
            T(point: 3, scalar: lambda), T(point: 1, scalar: lambda - .one),  // λ
            T(point: 1, scalar: Fp(17)), T(point: 3, scalar: -Fp(16)),  // digits at the window edges
            T(point: 2, scalar: -Fp.one), .absent,  // one term
        ]
        let expected = Self.combinations(ps, terms, width: 2)
        for vectorized in VectorArithmeticTests.arithmetics {
            #expect(BatchAffine<Vesta>.combinations(of: ps, terms: terms, width: 2, accumulators: .affine, vectorized: vectorized) == expected)
        }
        #expect(BatchAffine<Vesta>.combinations(of: ps, terms: terms, width: 2, accumulators: .jacobian, vectorized: false) == expected)
        #expect(expected[1] == .infinity && expected[3] == .infinity && expected[4] == .infinity)
        #expect(expected[2] == Self.sum(g, g) && expected[7] == g)
        #expect(BatchAffine<Vesta>.combinations(of: [], terms: [], width: 2).isEmpty)
    }

    @Test("the fused 2P + Q rounds' cases in one slot, both arithmetics: Q = P and Q = −P after the doublings, P + Q = −P (a sum of the identity), a zero digit beside live lanes, a first entry taken at the identity")
    func fusedDoubleAddCases() {
        let g = Vesta.generator
        let h = Fp(7) * g
        // Term 1 (32·X) leaves X in the accumulator at window 1; the fused
        // round of window 0 doubles it four times to 16X and adds term 0's
        // entry, 16·Y, as 2·(16X) + 16Y.
        let ps: [Vesta.Point] = [g, -g, -(Fp(2) * g), h]
        typealias T = BatchAffine<Vesta>.Term
        let terms: [T] = [
            T(point: 0, scalar: Fp(16)), T(point: 0, scalar: Fp(32)),  // Q = P: 48G
            T(point: 1, scalar: Fp(16)), T(point: 0, scalar: Fp(32)),  // Q = −P: 16G
            T(point: 2, scalar: Fp(16)), T(point: 0, scalar: Fp(32)),  // P + Q = −P: the identity
            T(point: 0, scalar: Fp(1025)), .absent,  // window 1's digit is zero with the accumulator live
            T(point: 3, scalar: Fp(33)), T(point: 0, scalar: Fp(64)),  // generic lanes beside them
            T(point: 3, scalar: Fp(5)), .absent,  // taken at window 0
        ]
        let expected = Self.combinations(ps, terms, width: 2)
        #expect(expected[0] == Self.product(g, Fp(48)) && expected[1] == Self.product(g, Fp(16)) && expected[2] == .infinity)
        #expect(expected[3] == Self.product(g, Fp(1025)) && expected[5] == Self.product(h, Fp(5)))
        for vectorized in VectorArithmeticTests.arithmetics {
            #expect(BatchAffine<Vesta>.combinations(of: ps, terms: terms, width: 2, accumulators: .affine, vectorized: vectorized) == expected)
        }
    }

    @Test("combinations over more slots of eight lanes than the kernels look ahead: the chord's exceptions, the identity and cancellations in different slots and in a short last one, affine accumulators")
    func combinationsAcrossSlots() async {
        await propertyCheck(count: 1, input: points(Vesta.self).array(of: 5), elements(Fp.self).array(of: 202), Gen.int(in: 0...4).array(of: 202)) { random, ks, indices in
            let g = Vesta.generator
            let ps = random + [.infinity, g, -g]  // 5: the identity; 6 and 7: P and −P
            typealias T = BatchAffine<Vesta>.Term
            var terms = (0..<202).map { T(point: indices[$0], scalar: ks[$0]) }
            // Combination c is terms 2c and 2c + 1; 101 combinations fill
            // twelve slots and one lane of a thirteenth, past the kernels'
            // ring of the next slots' entries.
            let edges: [(Int, T, T)] = [
                (0, T(point: 6, scalar: Fp(3)), T(point: 6, scalar: Fp(3))),  // 2P in a chord lane: P + P
                (9, T(point: 6, scalar: Fp(5)), T(point: 7, scalar: Fp(5))),  // P + (−P): emptied
                (10, T(point: 6, scalar: ks[0]), T(point: 6, scalar: -ks[0])),  // cancels on the same point
                (17, T(point: 5, scalar: ks[1]), T(point: 1, scalar: ks[2])),  // the identity as a point
                (26, T(point: 2, scalar: .zero), .absent),  // nothing at all
                (63, T(point: 6, scalar: Fp(17)), T(point: 7, scalar: Fp(16))),  // P + (−P) part-way: 17P − 16P
                (77, T(point: 3, scalar: ks[3]), T(point: 3, scalar: ks[3])),  // the same point twice, random scalar
                (100, T(point: 7, scalar: Fp(2)), T(point: 6, scalar: Fp(2))),  // cancels, alone in the last slot
            ]
            for (c, first, second) in edges {
                terms[2 * c] = first
                terms[2 * c + 1] = second
            }
            let expected = Self.combinations(ps, terms, width: 2)
            for vectorized in VectorArithmeticTests.arithmetics {
                #expect(BatchAffine<Vesta>.combinations(of: ps, terms: terms, width: 2, accumulators: .affine, vectorized: vectorized) == expected)
            }
            #expect(BatchAffine<Vesta>.combinations(of: ps, terms: terms, width: 2) == expected)
            #expect(expected[9] == .infinity && expected[10] == .infinity && expected[26] == .infinity && expected[100] == .infinity)
            #expect(expected[0] == Self.product(g, Fp(6)) && expected[63] == g)
        }
    }

    @Test("the kernels' tables of multiples, and `multiples` over the vector rounds, equal the Swift rounds' and j·P one at a time: random points over several slots, the identity among them",
          .enabled(if: VectorArithmetic.isAvailable, "needs AVX-512 IFMA"))
    func vectorMultiples() async {
        await propertyCheck(count: 1, input: points(Pallas.self).array(of: 19)) { random in
            var ps = random
            ps[3] = .infinity
            ps[17] = .infinity
            var scalarScratch = BatchAffine<Pallas>.Scratch(vectorized: false)
            let expected = BatchAffine<Pallas>.multiples(ps, kind: .affine, scratch: &scalarScratch)
            let table = BatchAffine<Pallas>.unsafeVectorMultiples(ps, scratch: BatchAffine<Pallas>.Scratch(vectorized: true).vector)
            #expect(table == expected)
            var vectorScratch = BatchAffine<Pallas>.Scratch(vectorized: true)
            #expect(BatchAffine<Pallas>.multiples(ps, kind: .affine, scratch: &vectorScratch) == expected)
            for (i, p) in ps.enumerated() {
                #expect(table[16 * i + 15] == Self.product(p, Fq(16)))
            }
        }
        #expect(BatchAffine<Pallas>.unsafeVectorMultiples([], scratch: BatchAffine<Pallas>.Scratch(vectorized: true).vector).isEmpty)
    }

    /// Σ α·P one multiplication at a time.
    static func combinations<C: PastaCurve>(_ ps: [AffinePoint<C>], _ terms: [BatchAffine<C>.Term], width: Int) -> [AffinePoint<C>] {
        stride(from: 0, to: terms.count, by: width).map { start in
            terms[start..<start + width].reduce(JacobianPoint<C>.infinity) { sum, term in
                term.scalar.isZero ? sum : sum + ps[term.point].projective.multiplied(by: term.scalar)
            }.affine
        }
    }

    @Test("signed 5-bit recoding recombines to the magnitude, digits within ±16 at their stride, at the edges and at random")
    func recoding() async {
        let windows = (128 + 5) / 5
        // Digits at 1, 4, 7, …: combinations interleave halves this way.
        let stride = 3
        func recombine(_ magnitude: UInt128) -> (value: UInt128, inRange: Bool) {
            var all = [Int8](repeating: 0, count: stride * windows)
            BatchAffine<Vesta>.recode(magnitude, into: &all, at: 1, stride: stride, windows: windows)
            let digits = (0..<windows).map { all[1 + $0 * stride] }
            let others = all.indices.filter { $0 % stride != 1 }.allSatisfy { all[$0] == 0 }
            var value: UInt128 = 0
            for digit in digits.reversed() {
                value = value &* 32
                value = digit < 0 ? value &- UInt128(-Int(digit)) : value &+ UInt128(digit)
            }
            return (value, others && digits.allSatisfy { abs(Int($0)) <= 16 })
        }
        for magnitude: UInt128 in [0, 1, 16, 17, 31, 32, 0x1_0000, .max, .max - 16, UInt128(1) << 127] {
            let (value, inRange) = recombine(magnitude)
            #expect(value == magnitude, "\(magnitude)")
            #expect(inRange)
        }
        await propertyCheck(count: 50, input: Gen.uint64(), Gen.uint64()) { high, low in
            let magnitude = UInt128(high) << 64 | UInt128(low)
            let (value, inRange) = recombine(magnitude)
            #expect(value == magnitude)
            #expect(inRange)
        }
    }

    /// Butterflies, additions and doublings of one batch, each in its own
    /// round on fresh scratch, against the Jacobian answers, through the
    /// Swift rounds and, where the machine has them, the eight-lane kernels.
    func check<C: PastaCurve>(_ a: [AffinePoint<C>], _ b: [AffinePoint<C>]) {
        let sums = zip(a, b).map { Self.sum($0, $1) }
        for vectorized in VectorArithmeticTests.arithmetics {
            var evens = a, odds = b, scratch = BatchAffine<C>.Scratch(vectorized: vectorized)
            BatchAffine<C>.butterflies(&evens, &odds, scratch: &scratch)
            #expect(evens == sums, "vectorized: \(vectorized)")
            #expect(odds == zip(a, b).map { Self.sum($0, -$1) }, "vectorized: \(vectorized)")
            var added = a, addScratch = BatchAffine<C>.Scratch(vectorized: vectorized)
            BatchAffine<C>.add(b, into: &added, scratch: &addScratch)
            #expect(added == sums, "vectorized: \(vectorized)")
            var doubled = a, doubleScratch = BatchAffine<C>.Scratch(vectorized: vectorized)
            BatchAffine<C>.double(&doubled, scratch: &doubleScratch)
            #expect(doubled == a.map { Self.sum($0, $0) }, "vectorized: \(vectorized)")
        }
    }
}
