import Pasta
import PropertyBased
import Testing

@Suite("Curve arithmetic")
struct CurveTests {
    @Test("group laws hold on Pallas") func pallasLaws() async { await checkGroupLaws(Pallas.self) }
    @Test("group laws hold on Vesta") func vestaLaws() async { await checkGroupLaws(Vesta.self) }

    func checkGroupLaws<C: PastaCurve>(_: C.Type) async {
        await propertyCheck(count: 12, input: points(C.self), points(C.self), points(C.self)) { p, q, r in
            let (pp, qp, rp) = (p.projective, q.projective, r.projective)
            #expect(pp + qp == qp + pp)
            #expect((pp + qp) + rp == pp + (qp + rp))
            #expect(pp + JacobianPoint<C>.infinity == pp)
            #expect((pp + (-pp)).isInfinity)
            #expect(pp + pp == pp.doubled)
            #expect(pp + q == pp + qp, "mixed addition agrees with full addition")
            #expect(pp + p == pp.doubled, "mixed addition doubles equal points")
            #expect((pp + qp).affine.isOnCurve)
            #expect(p.isOnCurve)
        }
    }

    @Test("scalar multiplication distributes and the group order kills points") func scalars() async {
        await propertyCheck(count: 8, input: elements(Fp.self), elements(Fp.self)) { a, b in
            let g = Vesta.generator.projective
            #expect(g.multiplied(by: a + b) == g.multiplied(by: a) + g.multiplied(by: b))
            #expect(g.multiplied(by: a * b) == g.multiplied(by: a).multiplied(by: b))
        }
        // Vesta's group has order p (cofactor 1), Pallas's has order q.
        #expect(Vesta.generator.projective.multiplied(byInteger: Fp.modulus).isInfinity)
        #expect(Pallas.generator.projective.multiplied(byInteger: Fq.modulus).isInfinity)
        #expect(!Vesta.generator.projective.multiplied(byInteger: Fq.modulus).isInfinity)
        #expect(Vesta.generator.projective.multiplied(by: .zero).isInfinity)
        #expect(Vesta.generator.projective.multiplied(by: .one).affine == Vesta.generator)
    }

    @Test("generators are kimchi's: x = 1 and on the curve") func generators() {
        #expect(Pallas.generator.x == .one)
        #expect(Vesta.generator.x == .one)
        #expect(Pallas.generator.isOnCurve)
        #expect(Vesta.generator.isOnCurve)
        #expect(Pallas.generator.y.description == "12418654782883325593414442427049395787963493412651469444558597405572177144507")
        #expect(Vesta.generator.y.description == "11426906929455361843568202299992114520848200991084027513389447476559454104162")
    }

    @Test("batch normalization agrees with one-by-one normalization") func batchNormalize() async {
        await propertyCheck(count: 5, input: points(Pallas.self).array(of: 0...6)) { affine in
            var projective = affine.map { $0.projective.doubled }
            if !projective.isEmpty { projective.append(.infinity) }
            #expect(JacobianPoint.batchNormalize(projective) == projective.map(\.affine))
        }
    }
}

@Suite("The cube-root endomorphism")
struct EndomorphismTests {
    @Test("ξ and λ are primitive cube roots of unity, ξ = 5^((p−1)/3)")
    func constants() {
        func checkCubeRoot<F: PrimeField>(_ value: F) {
            #expect(value != .one)
            #expect(value.squared * value == .one)
        }
        checkCubeRoot(Pallas.endomorphismCoefficient)
        checkCubeRoot(Pallas.endomorphismScalar)
        checkCubeRoot(Vesta.endomorphismCoefficient)
        checkCubeRoot(Vesta.endomorphismScalar)
        let third = { (m: UInt256) in m.subtractingReportingOverflow(UInt256(1)).partialValue.quotientAndRemainder(dividingBy: 3).quotient }
        #expect(Pallas.endomorphismCoefficient == Fp.generator.power(third(Fp.modulus)))
        #expect(Vesta.endomorphismCoefficient == Fq.generator.power(third(Fq.modulus)))
    }

    @Test("φ(P) = [λ]P on Pallas") func pallas() async { await check(Pallas.self) }
    @Test("φ(P) = [λ]P on Vesta") func vesta() async { await check(Vesta.self) }

    func check<C: PastaCurve>(_: C.Type) async {
        await propertyCheck(count: 6, input: points(C.self)) { p in
            #expect(p.endomorphism == C.endomorphismScalar * p)
            #expect(p.endomorphism.isOnCurve)
        }
        #expect(AffinePoint<C>.infinity.endomorphism == .infinity)
    }
}
