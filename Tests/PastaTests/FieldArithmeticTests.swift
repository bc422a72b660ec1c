@testable import Pasta
import PropertyBased
import Testing

@Suite("Field arithmetic")
struct FieldArithmeticTests {
    @Test("ring laws hold in Fp") func ringLawsFp() async { await checkRingLaws(Fp.self) }
    @Test("ring laws hold in Fq") func ringLawsFq() async { await checkRingLaws(Fq.self) }

    func checkRingLaws<F: PrimeField>(_ field: F.Type) async {
        await propertyCheck(count: 60, input: elements(F.self), elements(F.self), elements(F.self)) { a, b, c in
            #expect(a + b == b + a)
            #expect(a * b == b * a)
            #expect((a + b) + c == a + (b + c))
            #expect((a * b) * c == a * (b * c))
            #expect(a * (b + c) == a * b + a * c)
            #expect(a - b == a + (-b))
            #expect(a + (-a) == .zero)
            #expect(a * .one == a)
            #expect(a.squared == a * a)
            #expect(a.doubled == a + a)
        }
    }

    @Test("arithmetic agrees with integer arithmetic modulo p", arguments: [UInt64(0), 1, 2, 0xffff_ffff, 0xffff_ffff_ffff_ffff])
    func smallValues(_ n: UInt64) {
        let x = Fp(n)
        #expect(x.canonical == UInt256(n))
        let product = Fp(n) * Fp(3)
        let (high, low) = UInt256(n).multipliedFullWidth(by: 3, adding: 0)
        #expect(high == 0)
        #expect(product.canonical == low)
        #expect((Fp.zero - Fp.one).canonical == Fp.modulus.subtractingReportingOverflow(UInt256(1)).partialValue)
    }

    @Test("conditional negation is negation when asked and the identity otherwise; zero stays zero") func conditionalNegation() async {
        await propertyCheck(count: 40, input: elements(Fp.self), Gen.bool) { a, condition in
            #expect(a.negated(if: condition) == (condition ? -a : a))
        }
        #expect(Fp.zero.negated(if: true) == .zero)
        #expect(Fp.zero.negated(if: true).montgomeryValue == .zero)
        #expect(Fq.one.negated(if: true) == Fq.zero - Fq.one)
        let top = Fq.zero - Fq.one
        #expect(top.negated(if: true) == .one)
    }

    @Test("halving is multiplication by 1/2 on both fields: odd and even Montgomery forms, zero, one and p − 1") func halving() async {
        let halfP = Fp(2).inverse!, halfQ = Fq(2).inverse!
        await propertyCheck(count: 40, input: elements(Fp.self), elements(Fq.self)) { a, b in
            #expect(a.halved == a * halfP)
            #expect(a.halved.doubled == a)
            #expect(b.halved == b * halfQ)
        }
        // Both parities of the Montgomery form, and the largest value, whose
        // odd form takes v + p closest to 2^256.
        for a in [Fp.zero, .one, Fp.zero - .one, Fp(2), Fp(3)] {
            #expect(a.halved == a * halfP)
            #expect(a.halved.montgomeryValue < Fp.modulus)
        }
        for b in [Fq.zero, .one, Fq.zero - .one] { #expect(b.halved == b * halfQ) }
    }

    @Test("inverses multiply to one; zero has none") func inverses() async {
        await propertyCheck(count: 40, input: elements(Fq.self)) { a in
            if a.isZero {
                #expect(a.inverse == nil)
            } else {
                #expect(a * a.inverse! == .one)
            }
        }
        #expect(Fp.zero.inverse == nil)
    }

    @Test("the divsteps inverse equals Fermat's on random elements and the edges (±1, ±2, powers of two, p − 2, Montgomery forms near 0 and p), both fields")
    func divstepsInverse() async {
        func check<F: PrimeField>(_ a: F) {
            #expect(a.inverse == a.inverseByFermat, "\(a) in \(F.name)")
        }
        await propertyCheck(count: 60, input: elements(Fp.self), elements(Fq.self)) { a, b in
            check(a)
            check(b)
            check(a.squared.squared)
        }
        func edges<F: PrimeField>(_: F.Type) {
            let p = F.modulus
            var values: [F] = [.zero, .one, -.one, F(2), -F(2), F(3), F.generator]
            for shift in [1, 62, 63, 64, 124, 200, 253] { values.append(F(2).power(UInt256(UInt64(shift)))) }
            // Stored values 1, 2 and p − 1, p − 2: the divsteps invert the stored integer.
            for stored in [UInt256(1), UInt256(2), p.subtractingReportingOverflow(UInt256(1)).partialValue, p.subtractingReportingOverflow(UInt256(2)).partialValue] {
                values.append(F(montgomeryValue: stored))
            }
            for value in values { check(value) }
        }
        edges(Fp.self)
        edges(Fq.self)
        // Too few batches: nil, never a wrong answer.
        #expect(InverseDivsteps.inverse(of: Fp(12345).montgomeryValue, modulus: Fp.modulus, modulusInverse: 0 &- Fp.montgomeryInverse, maximumBatches: 2) == nil)
    }

    @Test("batch inversion matches one-by-one inversion and keeps zeros") func batchInversion() async {
        await propertyCheck(count: 20, input: elements(Fp.self).array(of: 0...12)) { values in
            var mixed = values
            if !mixed.isEmpty { mixed[mixed.count / 2] = .zero }
            var inverted = mixed
            Fp.batchInvert(&inverted)
            for (original, inverse) in zip(mixed, inverted) {
                #expect(inverse == (original.inverse ?? .zero))
            }
        }
    }

    @Test("power agrees with repeated multiplication") func power() async {
        await propertyCheck(count: 20, input: elements(Fp.self), Gen.int(in: 0...40)) { a, n in
            var expected = Fp.one
            for _ in 0..<n { expected *= a }
            #expect(a.power(UInt256(UInt64(n))) == expected)
        }
    }
}

@Suite("Field constants")
struct FieldConstantTests {
    @Test("Montgomery constants are consistent for Fp") func fp() { check(Fp.self) }
    @Test("Montgomery constants are consistent for Fq") func fq() { check(Fq.self) }

    func check<F: PrimeField>(_: F.Type) {
        // −p⁻¹ · p ≡ −1 (mod 2^64)
        #expect(F.modulus.w0 &* F.montgomeryInverse == UInt64.max)
        // one round-trips, and R² really is R·R in Montgomery form
        #expect(F.one.canonical == UInt256(1))
        #expect(F(montgomeryValue: F.montgomeryRSquared) == F(montgomeryValue: F.montgomeryOne) * F(montgomeryValue: F.montgomeryRSquared) )
        #expect(F(montgomeryValue: F.montgomeryOne).canonical == UInt256(1))
        // p − 1 = 2^32 · t with t odd, and (t − 1)/2 matches
        var t = F.modulus.subtractingReportingOverflow(UInt256(1)).partialValue
        for _ in 0..<F.twoAdicity { #expect(!t.bit(0)); t = t.halved }
        #expect(t.bit(0))
        #expect(t.halved == F.traceMinusOneOverTwo)
        // 5^t is a primitive 2^32-th root of unity
        let root = F(montgomeryValue: F.generatorToTrace)
        #expect(root == F.generator.power(t))
        var value = root
        for _ in 0..<(F.twoAdicity - 1) { value = value.squared }
        #expect(value == -F.one)
        #expect(value.squared == .one)
        // 5 is a non-residue, as Tonelli–Shanks needs
        #expect(F.generator.legendreSymbol == .quadraticNonResidue)
    }
}
