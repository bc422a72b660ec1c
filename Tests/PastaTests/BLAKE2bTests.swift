import Pasta
import Testing

private struct BLAKE2bVectors: Decodable {
    struct Case: Decodable {
        let comment: String
        let input: String
        let key: String
        let outlen: Int
        let digest: String
    }
    let cases: [Case]
}

@Suite("BLAKE2b")
struct BLAKE2bTests {
    @Test("digests match the reference vectors (RFC 7693 and hashlib)")
    func knownAnswers() throws {
        let vectors = try loadVectors("blake2b", as: BLAKE2bVectors.self)
        #expect(vectors.cases.count >= 18)
        for vector in vectors.cases {
            var hasher = try BLAKE2b(outputByteCount: vector.outlen, key: bytes(hex: vector.key))
            hasher.update(bytes(hex: vector.input))
            #expect(hex(hasher.finalize()) == vector.digest, "\(vector.comment)")
        }
    }

    @Test("RFC 7693's BLAKE2b-512(\"abc\") is reproduced")
    func rfcExample() {
        #expect(hex(BLAKE2b.hash512(Array("abc".utf8))) == "ba80a53f981c4d0d6a2797b69f12f6e94c212f14685ac4b74b12bb6fdbffa2d17d87c5392aab792dc252d5de4533cc9518d38aa8dbf1925ab92386edd4009923")
    }

    @Test("feeding a message in pieces gives the same digest", arguments: [1, 7, 64, 127, 128, 129, 300])
    func streaming(pieceSize: Int) throws {
        let message = (0..<1000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var hasher = try BLAKE2b()
        var index = 0
        while index < message.count {
            hasher.update(message[index..<min(message.count, index + pieceSize)])
            index += pieceSize
        }
        #expect(hasher.finalize() == BLAKE2b.hash512(message))
    }

    @Test("out-of-range parameters are typed errors")
    func parameters() {
        #expect(throws: BLAKE2b.ParameterError.outputLength(0)) { try BLAKE2b(outputByteCount: 0) }
        #expect(throws: BLAKE2b.ParameterError.outputLength(65)) { try BLAKE2b(outputByteCount: 65) }
        #expect(throws: BLAKE2b.ParameterError.keyLength(65)) { try BLAKE2b(key: [UInt8](repeating: 1, count: 65)) }
    }
}
