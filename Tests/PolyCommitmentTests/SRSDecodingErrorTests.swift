import Pasta
import PolyCommitment
import Testing

/// Every way a file can be wrong gets a typed error that says where.
@Suite("SRS decoding errors")
struct SRSDecodingErrorTests {
    static let srs = try! SRS<Vesta>.create(depth: 3)
    static let encoded = KimchiSRSFormat.encode(srs)
    /// Byte offset of g[i]'s bin8 header; h follows the last g.
    static func entryOffset(_ i: Int) -> Int { 2 + 35 * i }

    private func decodingError(_ bytes: [UInt8]) -> SRSDecodingError? {
        do {
            _ = try KimchiSRSFormat.decode(bytes, curve: Vesta.self)
            return nil
        } catch {
            return error
        }
    }

    @Test("every truncation is a typed msgpack error, never a trap")
    func truncations() {
        for length in 0..<Self.encoded.count {
            let error = decodingError(Array(Self.encoded.prefix(length)))
            guard case .messagePack? = error?.reason else {
                Issue.record("length \(length): \(String(describing: error))")
                continue
            }
        }
        let cutInH = decodingError(Array(Self.encoded.prefix(Self.entryOffset(3) + 10)))
        #expect(cutInH?.offset == Self.entryOffset(3))
    }

    @Test("a wrong msgpack type names its offset")
    func wrongTypes() {
        var map = Self.encoded
        map[0] = 0x82
        #expect(decodingError(map) == SRSDecodingError(offset: 0, reason: .messagePack(.unexpectedType(found: 0x82, expected: "an array"))))
        var stringEntry = Self.encoded
        stringEntry[Self.entryOffset(1)] = 0xd9  // str8 where bin8 belongs
        #expect(decodingError(stringEntry) == SRSDecodingError(offset: Self.entryOffset(1), reason: .messagePack(.unexpectedType(found: 0xd9, expected: "binary data"))))
    }

    @Test("a top-level array that is not [g, h] is refused")
    func fieldCount() {
        var three = Self.encoded
        three[0] = 0x93
        #expect(decodingError(three) == SRSDecodingError(offset: 0, reason: .wrongFieldCount(3)))
    }

    @Test("an array length far beyond the file is refused before allocating")
    func hugeLength() {
        let hostile: [UInt8] = [0x92, 0xdd, 0xff, 0xff, 0xff, 0xff, 0xc4, 0x21] + [UInt8](repeating: 0, count: 33)
        #expect(decodingError(hostile) == SRSDecodingError(offset: 1, reason: .messagePack(.lengthExceedsInput(declared: 0xffff_ffff, available: 35))))
        let hugeBlob: [UInt8] = [0x92, 0x90, 0xc6, 0x7f, 0xff, 0xff, 0xff]
        #expect(decodingError(hugeBlob) == SRSDecodingError(offset: 2, reason: .messagePack(.lengthExceedsInput(declared: 0x7fff_ffff, available: 0))))
    }

    @Test("an entry that is not 33 bytes names the point")
    func entryLength() {
        var short = Self.encoded
        short[Self.entryOffset(2) + 1] = 32
        short.remove(at: Self.entryOffset(2) + 2)
        #expect(decodingError(short) == SRSDecodingError(offset: Self.entryOffset(2), reason: .wrongEntryLength(.g(2), 32)))
    }

    @Test("an x at or above the modulus names the point")
    func nonCanonicalX() {
        var bad = Self.encoded
        bad.replaceSubrange(Self.entryOffset(1) + 2..<Self.entryOffset(1) + 34, with: Fq.modulus.littleEndianBytes)
        #expect(decodingError(bad) == SRSDecodingError(offset: Self.entryOffset(1), reason: .invalidPoint(.g(1), .coordinateNotCanonical)))
    }

    @Test("an x with no point on the curve names the point")
    func offCurve() {
        var x = Fq(2)
        while Vesta.curveEquation(x).legendreSymbol != .quadraticNonResidue { x += .one }
        var bad = Self.encoded
        bad.replaceSubrange(Self.entryOffset(3) + 2..<Self.entryOffset(3) + 34, with: x.littleEndianBytes)
        #expect(decodingError(bad) == SRSDecodingError(offset: Self.entryOffset(3), reason: .invalidPoint(.h, .notOnCurve)))
    }

    @Test("both flag bits set names the point")
    func bothFlags() {
        var bad = Self.encoded
        bad[Self.entryOffset(0) + 34] = 0xc0
        #expect(decodingError(bad) == SRSDecodingError(offset: Self.entryOffset(0), reason: .invalidPoint(.g(0), .invalidFlags(0xc0))))
    }

    @Test("trailing bytes are refused in a whole file but allowed by read(offset:)")
    func trailing() throws {
        let padded = Self.encoded + [0x00, 0x01]
        #expect(decodingError(padded) == SRSDecodingError(offset: Self.encoded.count, reason: .trailingBytes(2)))
        let (srs, end) = try KimchiSRSFormat.decodePrefix(padded, at: 0, curve: Vesta.self)
        #expect(srs == Self.srs)
        #expect(end == Self.encoded.count)
        #expect(throws: SRSDecodingError.self) { try KimchiSRSFormat.decodePrefix(padded, at: padded.count + 5, curve: Vesta.self) }
    }

    @Test("malformed o1js JSON names the byte offset")
    func malformedJSON() {
        let text = Array("[{\"x\":\"1\",\"y\":\"2\"".utf8)
        do {
            _ = try O1jsSRSFormat.decode(text, curve: Vesta.self)
            Issue.record("decoded malformed JSON")
        } catch {
            guard case .jsonSyntax = error.reason else { Issue.record("\(error)"); return }
            #expect(error.offset == text.count)
        }
        #expect(throws: SRSDecodingError(offset: nil, reason: .jsonShape("the array is empty; h comes first"))) {
            try O1jsSRSFormat.decode(Array("[]".utf8), curve: Vesta.self)
        }
        #expect(throws: SRSDecodingError(offset: nil, reason: .jsonShape("expected an array, found an object"))) {
            try O1jsSRSFormat.decode(Array("{}".utf8), curve: Vesta.self)
        }
        let deep = Array((String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)).utf8)
        #expect(throws: SRSDecodingError.self) { try O1jsSRSFormat.decode(deep, curve: Vesta.self) }
    }

    @Test("an o1js coordinate out of range names the point")
    func jsonOutOfRange() {
        let h = Self.srs.h.jsonText
        let text = "[\(h),\(h),{\"x\":\"\(Fq.modulus.decimalString)\",\"y\":\"1\"}]"
        #expect(throws: SRSDecodingError(offset: nil, reason: .invalidPoint(.g(1), .coordinateNotCanonical))) {
            try O1jsSRSFormat.decode(Array(text.utf8), curve: Vesta.self)
        }
        let offCurve = "[{\"x\":\"1\",\"y\":\"1\"}]"
        #expect(throws: SRSDecodingError(offset: nil, reason: .invalidPoint(.h, .notOnCurve))) {
            try O1jsSRSFormat.decode(Array(offCurve.utf8), curve: Vesta.self)
        }
    }
}
