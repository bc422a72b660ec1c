import Foundation
@testable import Pasta
import PropertyBased
import Testing

/// The eight-lane kernels (AVX-512 IFMA): when they are chosen, their
/// constants, their multiplication, and bucket rounds through them against
/// the Swift arithmetic.
@Suite("Vector arithmetic")
struct VectorArithmeticTests {
    /// The arithmetics a bucket test runs: the Swift one always, the
    /// kernels where this machine has them.
    static var arithmetics: [Bool] { VectorArithmetic.isAvailable ? [false, true] : [false] }

    @Test("the kernels are chosen exactly when the processor reports AVX-512 F and IFMA and the environment allows")
    func availability() throws {
        let cpuinfo = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = Set(cpuinfo.split(separator: "\n").first { $0.hasPrefix("flags") }?.split(separator: " ").map(String.init) ?? [])
        let allowed = ProcessInfo.processInfo.environment["PASTA_VECTOR_ARITHMETIC"] != "0"
        #expect(VectorArithmetic.isAvailable == (flags.contains("avx512f") && flags.contains("avx512ifma") && allowed))
    }

    @Test("the modulus in 52-bit limbs and −p⁻¹ mod 2⁵², both fields")
    func parameters() {
        func check<F: PrimeField>(_: F.Type) {
            let parameters = VectorArithmetic.parameters(of: F.self), mask: UInt64 = (1 << 52) - 1
            let limbs = [parameters.modulus.0, parameters.modulus.1, parameters.modulus.2, parameters.modulus.3, parameters.modulus.4]
            #expect(limbs.allSatisfy { $0 <= mask })
            // Reassemble the limbs into words and compare with the modulus.
            let p = F.modulus
            #expect(limbs[0] | limbs[1] << 52 == p.w0)
            #expect(limbs[1] >> 12 | limbs[2] << 40 == p.w1)
            #expect(limbs[2] >> 24 | limbs[3] << 28 == p.w2)
            #expect(limbs[3] >> 36 | limbs[4] << 16 == p.w3)
            #expect((limbs[0] &* parameters.inverse) & mask == mask)  // p · (−p⁻¹) ≡ −1
        }
        check(Fp.self)
        check(Fq.self)
    }

    // The kernels' own tests need a processor that runs them; `availability`
    // above holds on every machine that one is chosen exactly when it does,
    // so on CI's (AVX-512 IFMA) these always run.
    @Test("the eight-lane multiplication is a·b/2²⁶⁰ on random and edge values, both fields",
          .enabled(if: VectorArithmetic.isAvailable, "needs AVX-512 IFMA"))
    func multiplication() async {
        func check<F: PrimeField>(_ a: [F], _ b: [F]) {
            let sixteenth = F(16).inverse!
            #expect(VectorArithmetic.laneProducts(a, b) == zip(a, b).map { $0 * $1 * sixteenth })
        }
        await propertyCheck(count: 20, input: elements(Fp.self).array(of: 8), elements(Fp.self).array(of: 8)) { check($0, $1) }
        await propertyCheck(count: 20, input: elements(Fq.self).array(of: 8), elements(Fq.self).array(of: 8)) { check($0, $1) }
        let edges: [Fp] = [.zero, .one, -.one, Fp(2), -Fp(2), Fp(16), Fp(16).inverse!, -Fp(16).inverse!]
        check(edges, edges.reversed())
        check(edges, edges)
        let fqEdges: [Fq] = [.zero, .one, -.one, Fq(2), -Fq(2), Fq(16), Fq(16).inverse!, -Fq(16).inverse!]
        check(fqEdges, fqEdges.reversed())
    }

    @Test("bucket rounds through the kernels equal the Swift rounds: many buckets, full and short slots, deferrals, both curves",
          .enabled(if: VectorArithmetic.isAvailable, "needs AVX-512 IFMA"))
    func vectorBuckets() async {
        await propertyCheck(count: 2, input: points(Vesta.self).array(of: 40...120), Gen.int(in: -37...37).array(of: 120)) { ps, ds in
            let digits = ds.map { Int16($0) }
            for roundSize in [1, 9, 512] {
                let scalar = BatchAffine<Vesta>.bucketSums(of: ps, digits: digits, offset: 0, stride: 1, bucketCount: 37, roundSize: roundSize, vectorized: false)
                let vector = BatchAffine<Vesta>.bucketSums(of: ps, digits: digits, offset: 0, stride: 1, bucketCount: 37, roundSize: roundSize, vectorized: true)
                #expect(vector == scalar)
                #expect(vector == BatchAffineBucketTests.expected(ps, { Int(digits[$0]) }, bucketCount: 37))
            }
        }
        await propertyCheck(count: 2, input: points(Pallas.self).array(of: 40...120), Gen.int(in: -19...19).array(of: 120)) { ps, ds in
            let digits = ds.map { Int16($0) }
            let vector = BatchAffine<Pallas>.bucketSums(of: ps, digits: digits, offset: 0, stride: 1, bucketCount: 19, roundSize: 64, vectorized: true)
            #expect(vector == BatchAffineBucketTests.expected(ps, { Int(digits[$0]) }, bucketCount: 19))
        }
    }

    @Test("additions and doublings of whole slots and a short one, exceptions among them, through both arithmetics, both curves")
    func vectorRounds() async {
        await propertyCheck(count: 2, input: points(Vesta.self).array(of: 17...40), points(Vesta.self).array(of: 40)) { a, b in
            var left = a, right = Array(b.prefix(a.count))
            // The chord's exceptions in whole and short slots: the identity
            // either side, P + P, P + (−P).
            left[1] = .infinity
            right[2] = .infinity
            right[3] = left[3]
            right[left.count - 1] = -left[left.count - 1]
            BatchAffineTests().check(left, right)
        }
        await propertyCheck(count: 2, input: points(Pallas.self).array(of: 9...24), points(Pallas.self).array(of: 24)) { a, b in
            BatchAffineTests().check(a, Array(b.prefix(a.count)))
        }
    }
}
