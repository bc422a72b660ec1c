import Pasta
import PropertyBased
import Testing

@Suite("Field encodings")
struct FieldEncodingTests {
    @Test("32-byte little-endian and decimal forms round-trip") func roundTrip() async {
        await propertyCheck(count: 50, input: elements(Fq.self)) { a in
            #expect((try? Fq(littleEndianBytes: a.littleEndianBytes)) == a)
            #expect((try? Fq(decimal: a.description)) == a)
            #expect(UInt256(hex: a.canonical.hexString) == a.canonical)
        }
    }

    @Test("the modulus itself and larger values are refused") func nonCanonical() {
        let modulusBytes = Fp.modulus.littleEndianBytes
        #expect(throws: FieldDecodingError.notCanonical(field: "Fp")) { try Fp(littleEndianBytes: modulusBytes) }
        #expect(throws: FieldDecodingError.notCanonical(field: "Fp")) {
            try Fp(littleEndianBytes: [UInt8](repeating: 0xff, count: 32))
        }
        let justBelow = Fp.modulus.subtractingReportingOverflow(UInt256(1)).partialValue
        #expect((try? Fp(littleEndianBytes: justBelow.littleEndianBytes)) == -Fp.one)
        #expect(throws: FieldDecodingError.notCanonical(field: "Fq")) { try Fq(decimal: Fq.modulus.decimalString) }
    }

    @Test("wrong lengths and non-numerals are refused") func malformed() {
        #expect(throws: FieldDecodingError.wrongLength(expected: 32, actual: 31)) {
            try Fp(littleEndianBytes: [UInt8](repeating: 0, count: 31))
        }
        #expect(throws: FieldDecodingError.wrongLength(expected: 32, actual: 33)) {
            try Fp(littleEndianBytes: [UInt8](repeating: 0, count: 33))
        }
        for text in ["", "-1", "12a", " 1", "1e5", String(repeating: "9", count: 80)] {
            #expect(throws: FieldDecodingError.notDecimal(text)) { try Fp(decimal: text) }
        }
    }

    @Test("decimal text of UInt256 round-trips at the edges") func uint256Decimal() {
        let max = UInt256(.max, .max, .max, .max)
        #expect(UInt256(decimal: max.decimalString) == max)
        #expect(max.decimalString == "115792089237316195423570985008687907853269984665640564039457584007913129639935")
        #expect(UInt256(decimal: "115792089237316195423570985008687907853269984665640564039457584007913129639936") == nil)
        #expect(UInt256.zero.decimalString == "0")
    }
}
