import Pasta
import Testing

@Suite("kimchi's hash to curve")
struct HashToCurveTests {
    @Test("digests pack into field elements bit-reversed per byte, big-endian across bytes")
    func packing() {
        // Byte 0 = 0x01 sets bit 0 of the 248-bit string, its most significant bit.
        var digest = [UInt8](repeating: 0, count: 64)
        digest[0] = 0x01
        #expect(KimchiHashToCurve<Vesta>.fieldElement(fromDigest: digest).canonical == UInt256(0, 0, 0, 1 << 55))
        // Byte 30 = 0x80 sets bit 247, the least significant.
        digest = [UInt8](repeating: 0, count: 64)
        digest[30] = 0x80
        #expect(KimchiHashToCurve<Vesta>.fieldElement(fromDigest: digest) == .one)
        // Bytes after the 31st are ignored.
        digest[31] = 0xff
        digest[63] = 0xff
        #expect(KimchiHashToCurve<Vesta>.fieldElement(fromDigest: digest) == .one)
    }

    @Test("the BW map's constants are groupmap's for u = 1") func mapConstants() {
        let map = BWGroupMap<Pallas>()
        #expect(map.u == .one)
        #expect(map.fu == Fp(6))
        #expect(map.sqrtNegThreeUSquared.squared == -Fp(3))
        #expect(map.inverseThreeUSquared * Fp(3) == .one)
        #expect(map.sqrtNegThreeUSquaredMinusUOverTwo.doubled == map.sqrtNegThreeUSquared - .one)
    }

    @Test("mapped points are on the curve, and batching changes nothing") func batch() {
        let map = BWGroupMap<Vesta>()
        let ts = (0..<20).map { Fq(UInt64($0) &* 0x9e37_79b9_7f4a_7c15) } + [.zero]
        let batched = map.batchToGroup(ts)
        let oneByOne = ts.map { map.toGroup($0) }
        #expect(batched == oneByOne)
        let allOnCurve = batched.allSatisfy { $0.isOnCurve }
        #expect(allOnCurve)
        let single = (3..<9).map { KimchiHashToCurve<Vesta>.srsPoint(index: UInt32($0), map: map) }
        #expect(KimchiHashToCurve<Vesta>.srsPoints(3..<9, map: map) == single)
    }

    @Test("the index message is 4 big-endian bytes and h's is srs_misc then 0")
    func messages() {
        #expect(KimchiHashToCurve<Pallas>.message(forIndex: 0x0102_0304) == [1, 2, 3, 4])
        #expect(KimchiHashToCurve<Pallas>.blindingMessage == Array("srs_misc".utf8) + [0, 0, 0, 0])
    }
}
