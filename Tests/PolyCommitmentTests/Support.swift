import Foundation
import Pasta
import PolyCommitment
import PropertyBased
import Testing

/// Loads a known-answer file from this target's Vectors folder.
func loadVectors<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Vectors"))
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

/// Hex text to bytes.
func bytes(hex: String) -> [UInt8] {
    var out = [UInt8]()
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        out.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
    }
    return out
}

/// Bytes to hex text.
func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

/// A fresh directory for one test's files, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("plonkleakcheck-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// kimchi's SRS known answers, read from Vectors/kimchi-srs.json.
struct KimchiSRSVectors: Decodable {
    struct Point: Decodable {
        let index: Int
        let compressed: String
    }
    struct Prefix: Decodable {
        let depth: Int
        let blake2b512: String
    }
    struct Curve: Decodable {
        let curve: String
        let sha256: String
        let points: [Point]
        let h: String
        let prefixes: [Prefix]
    }
    let curves: [Curve]

    static func load(_ curve: String) throws -> Curve {
        try #require(try loadVectors("kimchi-srs", as: KimchiSRSVectors.self).curves.first { $0.curve == curve })
    }
}

/// Uniform-ish random elements: four random words reduced modulo p.
func elements<F: PrimeField>(_: F.Type) -> Generator<F, some Sequence & SendableMetatype> {
    Gen.uint64().array(of: 4).map { F(reducing: UInt256($0[0], $0[1], $0[2], $0[3])) }
}
