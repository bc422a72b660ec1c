@testable import Pasta
import PropertyBased
import TestSupport
import Testing

/// The divsteps Jacobi symbol against plain references: Euler's criterion
/// and the binary algorithm on the Pasta fields, and the textbook recursion
/// on small odd moduli (prime or not), which reach the one-limb end game.
@Suite("Jacobi symbol by divsteps")
struct JacobiDivstepsTests {
    @Test("equals Euler's criterion and the binary algorithm on random elements, squares and non-squares of both fields")
    func randomElements() async {
        await propertyCheck(count: 150, input: elements(Fp.self), elements(Fq.self)) { a, b in
            #expect(a.legendreSymbol == a.legendreSymbolByEulerCriterion)
            #expect(a.legendreSymbol == a.legendreSymbolByBinaryJacobi)
            #expect(b.legendreSymbol == b.legendreSymbolByEulerCriterion)
            if !a.isZero {
                #expect(a.squared.legendreSymbol == .quadraticResidue)
                #expect((a.squared * Fp.generator).legendreSymbol == .quadraticNonResidue)
            }
            if !b.isZero { #expect((b.squared * Fq.generator).legendreSymbol == .quadraticNonResidue) }
        }
    }

    @Test("equals Euler's criterion on structured values: powers of two, p − 2^k, long runs of ones, small numbers")
    func structuredValues() {
        check(Fp.self)
        check(Fq.self)
    }

    private func check<F: PrimeField>(_: F.Type) {
        var values: [F] = [.one, -F.one, F(2), -F(2), F.generator, -F.generator]
        var power = F.one
        for _ in 0..<256 {
            values.append(power)
            values.append(-power)
            values.append(power - F.one)  // 2^k − 1: a run of k ones
            power = power + power
        }
        for small in UInt64(1)...200 { values.append(F(small)) }
        values.append(F(reducing: UInt256(UInt64.max, UInt64.max, UInt64.max, UInt64.max >> 3)))
        for value in values {
            #expect(value.legendreSymbol == value.legendreSymbolByEulerCriterion, "\(value) in \(F.name)")
        }
    }

    @Test("equals the textbook Jacobi symbol for every x coprime to every odd modulus below 300")
    func smallModuli() {
        for n in stride(from: UInt64(3), to: 300, by: 2) {
            for x in UInt64(1)..<n where gcd(x, n) == 1 {
                let symbol = JacobiDivsteps.symbol(UInt256(x), modulus: UInt256(n))
                #expect(symbol == textbookJacobi(x, n), "(\(x) | \(n))")
            }
        }
    }

    @Test("gives up, rather than guessing, when it runs out of batches; the field falls back to the binary algorithm")
    func givesUp() async {
        await propertyCheck(count: 40, input: elements(Fp.self)) { a in
            guard a.canonical.w3 != 0 else { return }  // big values need more than one batch
            #expect(JacobiDivsteps.symbol(a.canonical, modulus: Fp.modulus, maximumBatches: 1) == nil)
            let full = JacobiDivsteps.symbol(a.canonical, modulus: Fp.modulus)
            #expect(full == (a.legendreSymbolByBinaryJacobi == .quadraticResidue ? 1 : -1))
        }
    }

    /// The recursion from the two reciprocity rules, on machine words.
    private func textbookJacobi(_ x: UInt64, _ n: UInt64) -> Int {
        var a = x % n, m = n, result = 1
        while a != 0 {
            while a % 2 == 0 {
                a /= 2
                if m % 8 == 3 || m % 8 == 5 { result = -result }
            }
            swap(&a, &m)
            if a % 4 == 3 && m % 4 == 3 { result = -result }
            a %= m
        }
        return m == 1 ? result : 0
    }

    private func gcd(_ a: UInt64, _ b: UInt64) -> UInt64 { b == 0 ? a : gcd(b, a % b) }
}
