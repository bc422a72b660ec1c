import Foundation
import Pasta
import PolyCommitment
import PropertyBased
import Testing
@_exported import TestSupport

/// Loads a known-answer file from this target's Vectors folder.
func loadVectors<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    try TestSupport.loadVectors(name, as: type, bundle: .module)
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

