import Pasta
@testable import PolyCommitment
import PropertyBased
import Testing

@Suite("Multi-scalar multiplication")
struct MSMTests {
    @Test("Pippenger equals the plain reference on random inputs, under every executor")
    func random() async {
        await propertyCheck(count: 4, input: elements(Fp.self).array(of: 0...36)) { scalars in
            let bases = scalars.indices.map { Vesta.generator.projective.multiplied(byInteger: UInt256(UInt64($0 * 7 + 1))).affine }
            let expected = MultiScalarMultiplication.reference(bases, scalars)
            for executor in testExecutors {
                #expect(MultiScalarMultiplication.pippenger(bases, scalars, executor: executor) == expected)
            }
        }
    }

    @Test("empty input, zero and −1 scalars, repeated points and infinity bases")
    func edgeCases() {
        let g = Pallas.generator
        #expect(MultiScalarMultiplication.pippenger([Pallas.Point](), [Fq]()).isInfinity)
        let bases = [g, g, .infinity, g, -g, g]
        let scalars: [Fq] = [.zero, -Fq.one, Fq(5), Fq(2), Fq(2), Fq(1)]
        // 0 − g + 0 + 2g − 2g + g = 0
        #expect(MultiScalarMultiplication.pippenger(bases, scalars).isInfinity)
        #expect(MultiScalarMultiplication.reference(bases, scalars).isInfinity)
        let repeated = [Pallas.Point](repeating: g, count: 50)
        let ones = [Fq](repeating: -Fq.one, count: 50)
        #expect(MultiScalarMultiplication.pippenger(repeated, ones) == g.projective.multiplied(by: -Fq(50)))
        // extra bases or scalars beyond the shorter list are ignored, as in arkworks
        #expect(MultiScalarMultiplication.pippenger([g, g], [Fq(3)]) == g.projective.multiplied(by: Fq(3)))
    }
}

@Suite("Multi-scalar multiplication at batch sizes")
struct MSMBatchTests {
    @Test("1,200 terms with repeated and opposite bases, zero scalars and identity bases: bucket conflicts, deferred additions, several batches and preamble chunks")
    func manyTerms() {
        // Bases dᵢ·G with known dᵢ, so the expected sum is one scalar multiplication (Σ sᵢdᵢ)·G.
        let g = Vesta.generator
        let logs = (0..<12).map { Fp(UInt64($0 * $0 + 3)) }
        let distinct = logs.map { $0 * g }
        var bases = [Vesta.Point](), scalars = [Fp](), exponent = Fp.zero
        var state: UInt64 = 0x9e37_79b9_7f4a_7c15
        for i in 0..<1200 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let which = Int(state >> 58) % logs.count
            let negate = i % 3 == 0
            let scalar = i % 7 == 0 ? Fp(UInt64(i % 5)) : Fp(reducing: UInt256(state, state ^ 0xabcdef, state >> 3, state >> 2))
            scalars.append(scalar)
            if i % 97 == 50 {
                bases.append(.infinity)  // in both chunks of the parallel preamble
                continue
            }
            bases.append(negate ? -distinct[which] : distinct[which])
            exponent += (negate ? -logs[which] : logs[which]) * scalar
        }
        let expected = g.projective.multiplied(by: exponent)
        #expect(MultiScalarMultiplication.pippenger(bases, scalars) == expected)
        #expect(MultiScalarMultiplication.pippenger(bases, scalars, executor: DispatchExecutor(threads: 2)) == expected)
    }

    @Test("weighted bucket sums by segmented batch-affine runs equal Σ (j+1)·B_j: run counts that divide the buckets and that do not, the identity, P beside −P")
    func weightedBuckets() async {
        await propertyCheck(count: 3, input: points(Vesta.self).array(of: 1...13)) { random in
            let p = random[0]
            // The identity and a point beside its negation (a run's sum
            // passing through the identity, then P + P).
            let buckets = random + [.infinity, p, -p, p, .infinity]
            var expected = JacobianPoint<Vesta>.infinity
            for (j, bucket) in buckets.enumerated() { expected += bucket.projective.multiplied(byInteger: UInt256(UInt64(j + 1))) }
            for segments in [1, 2, 3, 4, buckets.count, buckets.count + 5] {
                #expect(MultiScalarMultiplication.weightedSum(buckets, segments: segments) == expected, "\(segments) runs of \(buckets.count) buckets")
            }
        }
        #expect(MultiScalarMultiplication.weightedSum([Pallas.Point](), segments: 4).isInfinity)
    }

    @Test("a window of 2,048 buckets (the segmented reduction) equals Σ dᵢ·Pᵢ, digits at both ends, most buckets empty")
    func wideWindow() {
        let g = Pallas.generator
        let points = (1...40).map { Fq(UInt64($0 * 13 + 5)) * g }
        var digits = [Int16](), expected = JacobianPoint<Pallas>.infinity
        for i in points.indices {
            let digit: Int16 = i == 0 ? 2048 : i == 1 ? -2048 : i == 2 ? 1 : Int16((i * 997) % 4095 - 2047)
            digits.append(digit)
            expected += points[i].projective.multiplied(by: digit < 0 ? -Fq(UInt64(-Int(digit))) : Fq(UInt64(digit)))
        }
        #expect(MultiScalarMultiplication.windowSum(points, digits: digits, offset: 0, stride: 1, bucketCount: 2048) == expected)
    }
}
