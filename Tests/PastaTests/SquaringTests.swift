import Pasta
import PropertyBased
import TestSupport
import Testing

/// The dedicated Montgomery squaring against the multiplication it replaces.
@Suite("Montgomery squaring")
struct SquaringTests {
    @Test("x.squared == x * x at the edges and on random elements, in both fields")
    func matchesMultiplication() async {
        func edges<F: PrimeField>(_: F.Type) -> [F] {
            let top = F(reducing: F.modulus.subtractingReportingOverflow(UInt256(1)).partialValue)
            return [.zero, .one, -F.one, F(2), -F(2), top, F(montgomeryValue: UInt256(0, 0, 0, 1)),
                    F(montgomeryValue: UInt256(~0, ~0, 0, 0)), F(montgomeryValue: F.modulus.subtractingReportingOverflow(UInt256(1)).partialValue)]
        }
        for x in edges(Fp.self) { #expect(x.squared == x * x, "\(x)") }
        for x in edges(Fq.self) { #expect(x.squared == x * x, "\(x)") }
        await propertyCheck(count: 300, input: elements(Fp.self), elements(Fq.self)) { a, b in
            #expect(a.squared == a * a)
            #expect(b.squared == b * b)
        }
    }
}
