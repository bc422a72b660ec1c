import Pasta
import PropertyBased
import Testing

@Suite("Point encodings")
struct PointEncodingTests {
    @Test("compressed, uncompressed and JSON forms round-trip") func roundTrips() async {
        await propertyCheck(count: 10, input: points(Vesta.self)) { p in
            for q in [p, -p] {
                #expect((try? Vesta.Point(compressedBytes: q.compressedBytes)) == q)
                #expect((try? Vesta.Point(uncompressedBytes: q.uncompressedBytes)) == q)
                #expect((try? Vesta.Point(jsonText: q.jsonText)) == q)
            }
            // exactly one of y, −y carries the 0x80 flag
            #expect(p.compressedBytes[32] ^ (-p).compressedBytes[32] == 0x80)
        }
        let infinity = Pallas.Point.infinity
        #expect(infinity.compressedBytes == [UInt8](repeating: 0, count: 32) + [0x40])
        #expect((try? Pallas.Point(compressedBytes: infinity.compressedBytes)) == infinity)
        #expect((try? Pallas.Point(uncompressedBytes: infinity.uncompressedBytes)) == infinity)
        #expect(infinity.jsonText == "\"Infinity\"")
        #expect((try? Pallas.Point(jsonText: "\"Infinity\"")) == infinity)
    }

    @Test("the sign flag marks the larger y, as arkworks does") func signFlag() {
        let g = Vesta.generator
        let flagged = g.y > -g.y
        #expect(g.compressedBytes[32] == (flagged ? 0x80 : 0x00))
    }

    @Test("bad compressed bytes are typed errors") func badCompressed() {
        let good = Vesta.generator.compressedBytes
        #expect(throws: PointDecodingError.wrongLength(expected: 33, actual: 32)) { try Vesta.Point(compressedBytes: good.prefix(32)) }
        #expect(throws: PointDecodingError.wrongLength(expected: 33, actual: 34)) { try Vesta.Point(compressedBytes: good + [0]) }
        var bothFlags = good
        bothFlags[32] = 0xc0
        #expect(throws: PointDecodingError.invalidFlags(0xc0)) { try Vesta.Point(compressedBytes: bothFlags) }
        var strayBits = good
        strayBits[32] |= 0x01
        #expect(throws: PointDecodingError.invalidFlags(strayBits[32])) { try Vesta.Point(compressedBytes: strayBits) }
        let tooLarge = Fq.modulus.littleEndianBytes + [0]
        #expect(throws: PointDecodingError.coordinateNotCanonical) { try Vesta.Point(compressedBytes: tooLarge) }
        let infinityWithX = Fq(7).littleEndianBytes + [0x40]
        #expect(throws: PointDecodingError.infinityWithCoordinates) { try Vesta.Point(compressedBytes: infinityWithX) }
        // find an x with no point: x³ + 5 is a non-residue
        var x = Fq(2)
        while Vesta.curveEquation(x).legendreSymbol != .quadraticNonResidue { x += .one }
        #expect(throws: PointDecodingError.notOnCurve) { try Vesta.Point(compressedBytes: x.littleEndianBytes + [0]) }
    }

    @Test("bad uncompressed bytes are typed errors") func badUncompressed() {
        let good = Pallas.generator.uncompressedBytes
        var offCurve = good
        offCurve[32] ^= 1
        #expect(throws: PointDecodingError.notOnCurve) { try Pallas.Point(uncompressedBytes: offCurve) }
        var wrongSign = good
        wrongSign[64] ^= 0x80
        #expect(throws: PointDecodingError.invalidFlags(wrongSign[64])) { try Pallas.Point(uncompressedBytes: wrongSign) }
        #expect(throws: PointDecodingError.wrongLength(expected: 65, actual: 33)) { try Pallas.Point(uncompressedBytes: good.prefix(33)) }
    }

    @Test("bad JSON points are typed errors", arguments: [
        "", "{", "[]", "null", "\"infinity\"", "{\"x\": \"1\"}", "{\"x\": 1, \"y\": 2}",
        "{\"x\": \"1\", \"y\": \"2\", \"z\": \"3\"}", "{\"x\": \"0x1\", \"y\": \"2\"}", "{\"x\": \"1\", \"y\": \"2\"} x",
    ])
    func badJSON(text: String) {
        #expect {
            try Vesta.Point(jsonText: text)
        } throws: { error in
            guard case .malformedJSON = error as? PointDecodingError else { return false }
            return true
        }
    }

    @Test("JSON coordinates out of range or off the curve are typed errors") func jsonRange() {
        let modulus = Fq.modulus.decimalString
        #expect(throws: PointDecodingError.coordinateNotCanonical) {
            try Vesta.Point(jsonText: "{\"x\": \"\(modulus)\", \"y\": \"2\"}")
        }
        #expect(throws: PointDecodingError.notOnCurve) { try Vesta.Point(jsonText: "{\"x\": \"1\", \"y\": \"2\"}") }
    }
}
