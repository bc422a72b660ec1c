import Pasta
import PropertyBased
import TestSupport
import Testing

/// GLV scalar multiplication against plain double-and-add, and the lattice
/// constants it rests on.
@Suite("GLV scalar multiplication")
struct GLVTests {
    @Test("both basis vectors lie on the lattice: a + b·λ ≡ 0, for both curves")
    func basis() {
        func check<C: PastaCurve>(_: C.Type) {
            let basis = C.glvBasis, lambda = C.endomorphismScalar
            #expect((basis.a1 + basis.b1 * lambda).isZero, "\(C.self) (a₁, b₁)")
            #expect((basis.a2 + basis.b2 * lambda).isZero, "\(C.self) (a₂, b₂)")
            // Short: each entry is ±m with m < 2^128 (|det| = r over the
            // integers is checked by Tests/tools/glv_basis.py).
            for entry in [basis.a1, basis.b1, basis.a2, basis.b2] {
                let value = entry.canonical, negated = (-entry).canonical
                #expect((value.w2 | value.w3) == 0 || (negated.w2 | negated.w3) == 0, "\(C.self) \(entry)")
            }
        }
        check(Vesta.self)
        check(Pallas.self)
    }

    @Test("the high half of a 512-bit product, by identities that pin every word")
    func highProduct() {
        let x = UInt256(0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210, 0x0f0f_0f0f_f0f0_f0f0, 0x7fff_0000_ffff_0001)
        let max = UInt256(~0, ~0, ~0, ~0)
        // x · 2^(64k) shifts x up k words: the high half is x's top 4 − k words.
        #expect(x.multipliedHigh(by: UInt256(0, 1, 0, 0)) == UInt256(x.w3, 0, 0, 0))
        #expect(x.multipliedHigh(by: UInt256(0, 0, 1, 0)) == UInt256(x.w2, x.w3, 0, 0))
        #expect(x.multipliedHigh(by: UInt256(0, 0, 0, 1)) == UInt256(x.w1, x.w2, x.w3, 0))
        #expect(x.multipliedHigh(by: UInt256(1)) == UInt256(0))
        // (2^256 − 1)² = 2^512 − 2^257 + 1: high half 2^256 − 2.
        #expect(max.multipliedHigh(by: max) == UInt256(~1, ~0, ~0, ~0))
        // x · (2^256 − 1) = x·2^256 − x: high half x − 1 for x ≠ 0.
        #expect(x.multipliedHigh(by: max) == x.subtractingReportingOverflow(UInt256(1)).partialValue)
        #expect(max.multipliedHigh(by: x) == x.multipliedHigh(by: max))
    }

    @Test("a scalar splits into halves below 2^128 that recombine to it: edges and random scalars")
    func decomposition() async {
        func check<C: PastaCurve>(_: C.Type, _ k: C.ScalarField) {
            let split = C.glvBasis.decompose(k)
            let k1 = C.ScalarField(reducing: UInt256(UInt64(truncatingIfNeeded: split.first), UInt64(truncatingIfNeeded: split.first >> 64), 0, 0))
            let k2 = C.ScalarField(reducing: UInt256(UInt64(truncatingIfNeeded: split.second), UInt64(truncatingIfNeeded: split.second >> 64), 0, 0))
            let recombined = (split.firstIsNegative ? -k1 : k1) + (split.secondIsNegative ? -k2 : k2) * C.endomorphismScalar
            #expect(recombined == k, "\(C.self) \(k)")
        }
        for k: Fp in [.zero, .one, -Fp.one, Vesta.endomorphismScalar, -Vesta.endomorphismScalar, Fp(2).power(UInt256(128)), -Fp(2).power(UInt256(128))] {
            check(Vesta.self, k)
        }
        for k: Fq in [.zero, .one, -Fq.one, Pallas.endomorphismScalar, Fq(2).power(UInt256(253))] {
            check(Pallas.self, k)
        }
        await propertyCheck(count: 100, input: elements(Fp.self), elements(Fq.self)) { a, b in
            check(Vesta.self, a)
            check(Pallas.self, b)
        }
    }

    @Test("[k]P by GLV equals double-and-add on random points and scalars, both curves")
    func matchesReference() async {
        await propertyCheck(count: 6, input: points(Vesta.self), elements(Fp.self)) { point, k in
            let p = JacobianPoint(point)
            #expect(p.multipliedGLV(by: k).affine == p.multiplied(by: k).affine)
        }
        await propertyCheck(count: 6, input: points(Pallas.self), elements(Fq.self)) { point, k in
            let p = JacobianPoint(point)
            #expect(p.multipliedGLV(by: k).affine == p.multiplied(by: k).affine)
        }
    }

    @Test("the edges: the identity, zero, one, −1, λ, and scalars whose halves hit the table's doubling and cancelling cases")
    func edges() {
        let g = JacobianPoint(Vesta.generator)
        #expect(JacobianPoint<Vesta>.infinity.multipliedGLV(by: Fp(12345)).isInfinity)
        #expect(g.multipliedGLV(by: .zero).isInfinity)
        #expect(g.multipliedGLV(by: .one).affine == Vesta.generator)
        #expect(g.multipliedGLV(by: -Fp.one).affine == -Vesta.generator)
        #expect(g.multipliedGLV(by: Vesta.endomorphismScalar).affine == Vesta.generator.endomorphism)
        // k = 1 + λ: both halves 1, the two tables' first entries added together.
        let onePlusLambda = Fp.one + Vesta.endomorphismScalar
        #expect(g.multipliedGLV(by: onePlusLambda).affine == g.multiplied(by: onePlusLambda).affine)
        // k = λ − 1 and small scalars 2…17: halves that use every table entry.
        #expect(g.multipliedGLV(by: Vesta.endomorphismScalar - .one).affine == g.multiplied(by: Vesta.endomorphismScalar - .one).affine)
        for small in 2...17 {
            #expect(g.multipliedGLV(by: Fp(UInt64(small))).affine == g.multiplied(by: Fp(UInt64(small))).affine, "\(small)")
        }
    }
}
