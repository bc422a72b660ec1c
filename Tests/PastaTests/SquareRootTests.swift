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
}
