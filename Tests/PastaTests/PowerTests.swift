@testable import Pasta
import PropertyBased
import TestSupport
import Testing

/// The sliding-window exponentiation against bit-by-bit square-and-multiply,
/// on the exponents whose windows are awkward: runs of zeros and ones,
/// windows straddling a word boundary, and every length around the table.
@Suite("Exponentiation")
struct PowerTests {
    @Test("sliding windows equal square-and-multiply on random 256-bit exponents, both fields")
    func randomExponents() async {
        await propertyCheck(count: 40, input: elements(Fp.self), elements(Fq.self), Gen.uint64(), Gen.uint64()) { a, b, low, high in
            let exponent = UInt256(low, high, low ^ high, high >> 1)
            #expect(a.power(exponent) == a.powerBitByBit(exponent))
            #expect(b.power(exponent) == b.powerBitByBit(exponent))
        }
    }

    @Test("sliding windows equal square-and-multiply on structured exponents: word edges, runs, every width")
    func structuredExponents() {
        let a = Fp(0x1234_5678_9abc_def0) + Fp.generator
        var exponents: [UInt256] = [
            Fp.modulus.subtractingReportingOverflow(UInt256(2)).partialValue,  // inversion
            Fp.traceMinusOneOverTwo, Fp.modulusMinusOneOverTwo, Fq.traceMinusOneOverTwo,
            UInt256(UInt64.max, UInt64.max, UInt64.max, UInt64.max),
            UInt256(1 << 63, 1, 1 << 63, 1), UInt256(0, 0, 0, 1 << 63), UInt256(0x1_0001, 0, 0, 0),
        ]
        // Windows that end on each side of every word boundary.
        for shift in [59, 60, 61, 62, 63, 64, 65, 123, 127, 128, 190, 191, 192, 250] {
            exponents.append(shifted(0b1_0110_1011, by: shift))
        }
        // 17 to 40 bits: the shortest exponents that take the window path.
        for width in 17...40 { exponents.append(UInt256((UInt64(1) << UInt64(width)) - 1 - 0b1010_0000)) }
        for exponent in exponents {
            #expect(a.power(exponent) == a.powerBitByBit(exponent), "exponent \(exponent)")
        }
    }

    @Test("bits(from:count:) reads across word boundaries")
    func bitExtraction() {
        let value = UInt256(0xf000_0000_0000_0001, 0x0000_0000_0000_000d, 0, 0x8000_0000_0000_0000)
        #expect(value.bits(from: 60, count: 5) == 0b1_1111)
        #expect(value.bits(from: 62, count: 5) == 0b1_0111)
        #expect(value.bits(from: 0, count: 3) == 1)
        #expect(value.bits(from: 64, count: 4) == 0xd)
        #expect(value.bits(from: 251, count: 5) == 0b1_0000)
    }

    /// A small value shifted left, dropping bits past 256.
    private func shifted(_ value: UInt64, by shift: Int) -> UInt256 {
        var words: [UInt64] = [0, 0, 0, 0, 0]
        words[shift / 64] = value << UInt64(shift % 64)
        if shift % 64 != 0 { words[shift / 64 + 1] = value >> UInt64(64 - shift % 64) }
        return UInt256(words[0], words[1], words[2], words[3])
    }
}
