import FieldReference
import Pasta
import PropertyBased
import TestSupport
import Testing

/// The C CIOS multiplication the benchmark measures Fp against must compute
/// the same products, or the ratio in the README compares different work.
@Suite("The C reference multiplication")
struct FieldReferenceTests {
    @Test("agrees with Fp's multiplication on random elements, including 0, 1 and p − 1")
    func agrees() async {
        let edges: [Fp] = [.zero, .one, -Fp.one, Fp(2)]
        for a in edges {
            for b in edges { #expect(reference(a, b) == a * b, "\(a) × \(b)") }
        }
        await propertyCheck(count: 200, input: elements(Fp.self), elements(Fp.self)) { a, b in
            #expect(reference(a, b) == a * b)
        }
    }

    @Test("its chain is repeated multiplication")
    func chain() {
        let x = Fp(0x1234_5678), y = Fp(0x9abc_def0)
        var expected = x
        for _ in 0..<37 { expected = expected * y }
        var words = [x.montgomeryValue.w0, x.montgomeryValue.w1, x.montgomeryValue.w2, x.montgomeryValue.w3]
        let yWords = [y.montgomeryValue.w0, y.montgomeryValue.w1, y.montgomeryValue.w2, y.montgomeryValue.w3]
        plonk_reference_fp_multiply_chain(&words, yWords, 37)
        #expect(Fp(montgomeryValue: UInt256(words[0], words[1], words[2], words[3])) == expected)
    }

    private func reference(_ a: Fp, _ b: Fp) -> Fp {
        let aw = [a.montgomeryValue.w0, a.montgomeryValue.w1, a.montgomeryValue.w2, a.montgomeryValue.w3]
        let bw = [b.montgomeryValue.w0, b.montgomeryValue.w1, b.montgomeryValue.w2, b.montgomeryValue.w3]
        var r = [UInt64](repeating: 0, count: 4)
        plonk_reference_fp_multiply(&r, aw, bw)
        return Fp(montgomeryValue: UInt256(r[0], r[1], r[2], r[3]))
    }
}
