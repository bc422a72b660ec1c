@testable import Pasta
import PropertyBased
import Testing

/// Pippenger's bucket sums, filled a round at a time in place, against
/// plain Jacobian sums of the points each bucket should hold.
@Suite("Batch-affine bucket sums")
struct BatchAffineBucketTests {
    /// Bucket j = Σ ±Pᵢ over |dᵢ| = j + 1, one Jacobian addition at a time.
    static func expected<C: PastaCurve>(_ points: [AffinePoint<C>], _ digit: (Int) -> Int, bucketCount: Int) -> [AffinePoint<C>] {
        var buckets = [JacobianPoint<C>](repeating: .infinity, count: bucketCount)
        for i in points.indices where digit(i) != 0 {
            buckets[abs(digit(i)) - 1] += digit(i) < 0 ? -points[i] : points[i]
        }
        return buckets.map(\.affine)
    }

    @Test("random points and digits, window-major and strided layouts, round sizes that force deferrals, both curves")
    func randomBuckets() async {
        await propertyCheck(count: 4, input: points(Vesta.self).array(of: 1...24), Gen.int(in: -4...4).array(of: 48)) { ps, ds in
            let digits = ds.map { Int16($0) }
            for roundSize in [1, 3, 512] {
                for vectorized in VectorArithmeticTests.arithmetics {
                    let contiguous = BatchAffine<Vesta>.bucketSums(
                        of: ps, digits: digits, offset: 0, stride: 1, bucketCount: 4, roundSize: roundSize, vectorized: vectorized)
                    #expect(contiguous == Self.expected(ps, { Int(digits[$0]) }, bucketCount: 4))
                    let strided = BatchAffine<Vesta>.bucketSums(
                        of: ps, digits: digits, offset: 1, stride: 2, bucketCount: 4, roundSize: roundSize, vectorized: vectorized)
                    #expect(strided == Self.expected(ps, { Int(digits[1 + 2 * $0]) }, bucketCount: 4))
                }
            }
        }
        await propertyCheck(count: 2, input: points(Pallas.self).array(of: 1...24), Gen.int(in: -2...2).array(of: 24)) { ps, ds in
            let digits = ds.map { Int16($0) }
            let buckets = BatchAffine<Pallas>.bucketSums(of: ps, digits: digits, offset: 0, stride: 1, bucketCount: 2, roundSize: 2)
            #expect(buckets == Self.expected(ps, { Int(digits[$0]) }, bucketCount: 2))
        }
    }

    @Test("edges: P + P and P + (−P) in a bucket, a bucket emptied and refilled, the identity, zero digits, an unused bucket")
    func edgeBuckets() {
        let g = Vesta.generator
        let p = Fp(5) * g, q = Fp(9) * g
        // Bucket 0: p, p (a doubling), −p. Bucket 1: q, then −q (emptied),
        // then p (refilled from empty mid-stream). Bucket 2: the identity
        // and zero digits only. Bucket 3: g, −g, g, g.
        let ps: [Vesta.Point] = [p, q, p, .infinity, q, g, p, g, p, g, g, q]
        let ds: [Int16] = [1, 2, 1, 3, -2, 4, -1, -4, 2, 4, 4, 0]
        for roundSize in [1, 2, 512] {
            for vectorized in VectorArithmeticTests.arithmetics {
                let buckets = BatchAffine<Vesta>.bucketSums(
                    of: ps, digits: ds, offset: 0, stride: 1, bucketCount: 4, roundSize: roundSize, vectorized: vectorized)
                #expect(buckets == Self.expected(ps, { Int(ds[$0]) }, bucketCount: 4))
                #expect(buckets[0] == p && buckets[1] == p && buckets[2].isInfinity && buckets[3] == (Fp(2) * g))
            }
        }
        #expect(BatchAffine<Vesta>.bucketSums(of: [], digits: [], offset: 0, stride: 1, bucketCount: 3) == [.infinity, .infinity, .infinity])
    }
}
