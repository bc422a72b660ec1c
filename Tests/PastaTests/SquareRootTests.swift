import Pasta
import PropertyBased
import Testing

private struct SqrtVectors: Decodable {
    struct Case: Decodable {
        let field: String
        let input: String
        let root: String?
    }
    let cases: [Case]
}

@Suite("Square roots and the Legendre symbol")
struct SquareRootTests {
    @Test("roots are the ones ark-ff's Tonelli–Shanks returns (known answers)")
    func knownAnswers() throws {
        let vectors = try loadVectors("sqrt", as: SqrtVectors.self)
        #expect(vectors.cases.count > 50)
        for vector in vectors.cases {
            switch vector.field {
            case "Fp": try check(Fp.self, vector.input, vector.root)
            case "Fq": try check(Fq.self, vector.input, vector.root)
            default: Issue.record("unknown field \(vector.field)")
            }
        }
    }

    private func check<F: PrimeField>(_: F.Type, _ input: String, _ root: String?) throws {
        let value = try F(decimal: input)
        if let root {
            #expect(value.squareRoot == (try F(decimal: root)), "sqrt(\(input)) in \(F.name)")
            #expect(value.legendreSymbol != .quadraticNonResidue)
        } else {
            #expect(value.squareRoot == nil, "\(input) has no root in \(F.name)")
            #expect(value.legendreSymbol == .quadraticNonResidue)
        }
    }

    @Test("a square's root squares back, and exactly non-residues have none") func roots() async {
        await propertyCheck(count: 40, input: elements(Fp.self)) { a in
            let root = a.squared.squareRoot
            #expect(root != nil)
            #expect(root?.squared == a.squared)
            switch a.legendreSymbol {
            case .quadraticNonResidue: #expect(a.squareRoot == nil)
            case .zero: #expect(a.squareRoot == .zero)
            case .quadraticResidue: #expect(a.squareRoot?.squared == a)
            }
        }
    }

    @Test("roots of many elements at once equal squareRoot one at a time: squares, non-squares, zero, counts around the kernels' eight lanes, both fields")
    func batchedRoots() async {
        await propertyCheck(count: 6, input: elements(Fp.self).array(of: 0...21), elements(Fq.self).array(of: 1...17)) { a, b in
            let fp = a + a.map(\.squared) + [.zero]
            #expect(Fp.squareRoots(of: fp) == fp.map(\.squareRoot))
            let fq = b + b.map(\.squared)
            #expect(Fq.squareRoots(of: fq) == fq.map(\.squareRoot))
        }
    }

    @Test("the table square root equals arkworks' Tonelli–Shanks loop: random elements, every 2-adic order, the edges, both fields")
    func tableRootMatchesLoop() async {
        await propertyCheck(count: 30, input: elements(Fp.self), elements(Fq.self)) { a, b in
            #expect(a.squareRoot == a.squareRootByTonelliShanks)
            #expect(a.squared.squareRoot == a.squared.squareRootByTonelliShanks)
            #expect(b.squareRoot == b.squareRootByTonelliShanks)
            #expect(b.squared.squareRoot == b.squared.squareRootByTonelliShanks)
        }
        edges(Fp.self)
        edges(Fq.self)
    }

    private func edges<F: PrimeField>(_: F.Type) {
        // z^j·u² for every j < 64 and a few large j: b = a^t runs through every
        // order 2^k the loop distinguishes, odd j giving non-residues.
        let z = F(montgomeryValue: F.generatorToTrace)
        let u = F(0x1234_5678_9abc_def1)
        var power = F.one
        for j in 0..<64 {
            let a = power * u.squared
            #expect(a.squareRoot == a.squareRootByTonelliShanks, "z^\(j)·u² in \(F.name)")
            #expect((a.squareRoot == nil) == (j % 2 == 1))
            power *= z
        }
        for a in [F.zero, F.one, -F.one, F(2), F(3), F(4), z, z.squared, -z.squared, F.generator] {
            #expect(a.squareRoot == a.squareRootByTonelliShanks, "\(a) in \(F.name)")
        }
    }

    @Test("the binary Jacobi symbol equals Euler's criterion: random elements, squares, the edges, both fields")
    func legendreMatchesEuler() async {
        await propertyCheck(count: 60, input: elements(Fp.self), elements(Fq.self)) { a, b in
            #expect(a.legendreSymbol == a.legendreSymbolByEulerCriterion)
            #expect(a.squared.legendreSymbol == (a.isZero ? .zero : .quadraticResidue))
            #expect(b.legendreSymbol == b.legendreSymbolByEulerCriterion)
            #expect((b * Fq.generator.squared).legendreSymbol == b.legendreSymbolByEulerCriterion)
        }
        for a in [Fp.zero, .one, -Fp.one, Fp(2), Fp(3), Fp.generator, -Fp.generator, Fp(reducing: Fp.modulus.subtractingReportingOverflow(UInt256(2)).partialValue)] {
            #expect(a.legendreSymbol == a.legendreSymbolByEulerCriterion, "\(a)")
        }
        for small in UInt64(1)...300 {
            #expect(Fq(small).legendreSymbol == Fq(small).legendreSymbolByEulerCriterion, "\(small)")
        }
    }

    @Test("the discrete-logarithm tables invert powers of 5^t and refuse elements outside its subgroup")
    func discreteLogarithms() {
        let tables = Fp.twoAdicDiscreteLog
        let z = Fp(montgomeryValue: Fp.generatorToTrace)
        for exponent: UInt64 in [0, 1, 2, 255, 256, 65_535, 65_536, 0xdead_beef, (1 << 32) - 1] {
            let element = z.power(UInt256(exponent))
            #expect(tables.logarithm(element) == exponent)
            #expect(tables.inversePower(exponent) * element == .one)
        }
        #expect(tables.logarithm(Fp(3)) == nil)  // 3 has odd order parts: not a power of z
    }
}
