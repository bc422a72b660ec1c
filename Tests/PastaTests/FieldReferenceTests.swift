import FieldReference
import Pasta
import PropertyBased
import TestSupport
import Testing

/// The C CIOS multiplications the benchmark measures Fp against must compute
/// the same products, or the ratio in the README compares different work.
@Suite("The C reference multiplications")
struct FieldReferenceTests {
    /// The textbook CIOS and the no-carry CIOS, by name for messages.
    static let forms: [(name: String, multiply: @Sendable (inout [UInt64], [UInt64], [UInt64]) -> Void, chain: @Sendable (inout [UInt64], [UInt64], Int) -> Void)] = [
        ("textbook", { plonk_reference_fp_multiply(&$0, $1, $2) }, { plonk_reference_fp_multiply_chain(&$0, $1, $2) }),
        ("no-carry", { plonk_reference_fp_multiply_no_carry(&$0, $1, $2) }, { plonk_reference_fp_multiply_chain_no_carry(&$0, $1, $2) }),
    ]

    @Test("each agrees with Fp's multiplication on random elements, including 0, 1, 2 and p − 1", arguments: [0, 1])
    func agrees(form: Int) async {
        let (name, multiply, _) = Self.forms[form]
        let edges: [Fp] = [.zero, .one, -Fp.one, Fp(2), -Fp(2)]
        for a in edges {
            for b in edges { #expect(reference(multiply, a, b) == a * b, "\(name): \(a) × \(b)") }
        }
        await propertyCheck(count: 200, input: elements(Fp.self), elements(Fp.self)) { a, b in
            #expect(reference(multiply, a, b) == a * b, "\(name)")
        }
    }

    @Test("each chain is repeated multiplication", arguments: [0, 1])
    func chain(form: Int) {
        let (name, _, chain) = Self.forms[form]
        let x = Fp(0x1234_5678), y = -Fp(0x9abc_def0)
        var expected = x
        for _ in 0..<37 { expected = expected * y }
        var words = x.montgomeryValue.words
        chain(&words, y.montgomeryValue.words, 37)
        #expect(Fp(montgomeryValue: UInt256(words[0], words[1], words[2], words[3])) == expected, "\(name)")
    }

    private func reference(_ multiply: (inout [UInt64], [UInt64], [UInt64]) -> Void, _ a: Fp, _ b: Fp) -> Fp {
        var r = [UInt64](repeating: 0, count: 4)
        multiply(&r, a.montgomeryValue.words, b.montgomeryValue.words)
        return Fp(montgomeryValue: UInt256(r[0], r[1], r[2], r[3]))
    }
}

extension UInt256 {
    /// The four words, least significant first, as the C functions take them.
    fileprivate var words: [UInt64] { [w0, w1, w2, w3] }
}
