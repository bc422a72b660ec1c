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
            // The shape the kernels' reduction relies on: p = 2²⁵⁴ + c, c < 2¹⁵⁶.
            #expect(limbs[3] == 0 && limbs[4] == 1 << 46)
        }
        check(Fp.self)
        check(Fq.self)
    }

    // The kernels' own tests need a processor that runs them; `availability`
    // above holds on every machine that one is chosen exactly when it does,
    // so on CI's (AVX-512 IFMA) these always run.
    @Test("the eight-lane multiplication and squaring are a·b/2²⁶⁰ and a²/2²⁶⁰ on random and edge values, reduced or below 2p, both fields",
          .enabled(if: VectorArithmetic.isAvailable, "needs AVX-512 IFMA"))
    func multiplication() async {
        // The kernels feed results below 2p into further multiplications, so
        // each operand also goes in as its Montgomery value plus p in the
        // lanes `unreduced` picks.
        func words<F: PrimeField>(_ values: [F], _ unreduced: UInt8) -> [UInt256] {
            values.enumerated().map { lane, value in
                unreduced >> lane & 1 == 0 ? value.montgomeryValue : value.montgomeryValue.addingReportingOverflow(F.modulus).partialValue
            }
        }
        func check<F: PrimeField>(_ a: [F], _ b: [F], _ unreducedA: UInt8, _ unreducedB: UInt8) {
            let sixteenth = F(16).inverse!
            let left = words(a, unreducedA), right = words(b, unreducedB)
            #expect(VectorArithmetic.laneProducts(left, right, in: F.self) == zip(a, b).map { $0 * $1 * sixteenth })
            #expect(VectorArithmetic.laneSquares(left, in: F.self) == a.map { $0 * $0 * sixteenth })
        }
        let masks = Gen.uint8()
        await propertyCheck(count: 20, input: elements(Fp.self).array(of: 8), elements(Fp.self).array(of: 8), masks, masks) { check($0, $1, $2, $3) }
        await propertyCheck(count: 20, input: elements(Fq.self).array(of: 8), elements(Fq.self).array(of: 8), masks, masks) { check($0, $1, $2, $3) }
        let edges: [Fp] = [.zero, .one, -.one, Fp(2), -Fp(2), Fp(16), Fp(16).inverse!, -Fp(16).inverse!]
        let fqEdges: [Fq] = [.zero, .one, -.one, Fq(2), -Fq(2), Fq(16), Fq(16).inverse!, -Fq(16).inverse!]
        for unreduced: UInt8 in [0, 0xff, 0x0f] {
            check(edges, edges.reversed(), unreduced, ~unreduced)
            check(edges, edges, unreduced, unreduced)
            check(fqEdges, fqEdges.reversed(), unreduced, ~unreduced)
        }
    }

    @Test("the eight-lane reduction by the estimated quotient takes v + k·p (k < 7, limbs normalized or not) to v, or below p to below 2p, on random values and on those where the estimate overshoots, both fields",
          .enabled(if: VectorArithmetic.isAvailable, "needs AVX-512 IFMA"))
    func reductionByQuotient() async {
        func check<F: PrimeField>(_ values: [F], _ multiples: [Int]) {
            for spread in [false, true] {
                let exact = VectorArithmetic.laneReductions(values, plusMultiples: multiples, spread: spread, canonical: true, in: F.self)
                #expect(exact == values.map(\.montgomeryValue))
                // Below 2p, and v itself or v + p.
                let loose = VectorArithmetic.laneReductions(values, plusMultiples: multiples, spread: spread, canonical: false, in: F.self)
                for (result, value) in zip(loose, values) {
                    let v = value.montgomeryValue
                    let (vPlusP, _) = v.addingReportingOverflow(F.modulus)
                    #expect(result == v || result == vPlusP)
                }
            }
        }
        let multiples = Gen.int(in: 0...6).array(of: 8)
        await propertyCheck(count: 30, input: elements(Fp.self).array(of: 8), multiples) { check($0, $1) }
        await propertyCheck(count: 30, input: elements(Fq.self).array(of: 8), multiples) { check($0, $1) }
        // Montgomery values p − 1 − j: v + k·p = (k + 1)·2²⁵⁴ + (k + 1)·c − 1 − j,
        // so the estimate ⌊(v + k·p) / 2²⁵⁴⌋ is k + 1, one too many, and p
        // must be added back. With limb 4 lowered against limb 3 the estimate
        // is one too few, and values 2²⁵⁴ + j (below p) and the top ones come
        // out at 2²⁵⁴ or more, small ones at p or more.
        func edges<F: PrimeField>(_: F.Type) -> [F] {
            let top = (0..<3).map { j in F(montgomeryValue: F.modulus.subtractingReportingOverflow(UInt256(UInt64(1 + j))).partialValue) }
            let middle = (0..<2).map { j in F(montgomeryValue: UInt256(UInt64(j), 0, 0, 1 << 62)) }
            let bottom = (0..<3).map { j in F(montgomeryValue: UInt256(UInt64(j))) }
            return top + middle + bottom
        }
        for k in 0..<7 {
            check(edges(Fp.self), [Int](repeating: k, count: 8))
            check(edges(Fq.self), (0..<8).map { ($0 + k) % 7 })
        }
    }

    @Test("eight-lane powers equal power(_:) on random bases and exponents, the square root's exponent, zero and small exponents, any count, both fields",
          .enabled(if: VectorArithmetic.isAvailable, "needs AVX-512 IFMA"))
    func powers() async {
        func check<F: PrimeField>(_ bases: [F], _ exponent: UInt256) {
            #expect(VectorArithmetic.unsafePowers(of: bases, exponent: exponent) == bases.map { $0.power(exponent) }, "exponent \(exponent)")
        }
        await propertyCheck(count: 8, input: elements(Fp.self).array(of: 1...19), elements(Fq.self).array(of: 9), Gen.uint64(), Gen.uint64()) { a, b, low, high in
            let exponent = UInt256(low, high, low ^ high, high >> 1)
            check(a, exponent)
            check(b, exponent)
            check(a, Fp.traceMinusOneOverTwo)
            check(b, Fq.traceMinusOneOverTwo)
        }
        let edges: [Fp] = [.zero, .one, -.one, Fp(2), Fp(16), Fp(256), Fp.generator, -Fp(16)]
        for exponent in [UInt256(0), UInt256(1), UInt256(2), UInt256(15), UInt256(16), UInt256(0, 0, 0, 1 << 63), UInt256(UInt64.max, UInt64.max, UInt64.max, UInt64.max)] {
            check(edges, exponent)
        }
        #expect(VectorArithmetic.unsafePowers(of: [Fq](), exponent: UInt256(3)).isEmpty)
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
