public import Foundation
public import Pasta
public import PropertyBased

/// Loads a known-answer file from a test target's Vectors folder.
///
/// - Parameters:
///   - name: the file name without `.json`.
///   - bundle: the test target's `Bundle.module`.
public func loadVectors<T: Decodable>(_ name: String, as _: T.Type, bundle: Bundle) throws -> T {
    guard let url = bundle.url(forResource: name, withExtension: "json", subdirectory: "Vectors") else {
        throw CocoaError(.fileNoSuchFile, userInfo: [NSFilePathErrorKey: "Vectors/\(name).json"])
    }
    return try JSONDecoder().decode(T.self, from: Data(contentsOf: url))
}

/// Hex text to bytes.
public func bytes(hex: String) -> [UInt8] {
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
public func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}

/// Uniform-ish random field elements: four random words reduced modulo p.
public func elements<F: PrimeField>(_: F.Type) -> Generator<F, some Sequence & SendableMetatype> {
    Gen.uint64().array(of: 4).map { F(reducing: UInt256($0[0], $0[1], $0[2], $0[3])) }
}

/// Random points of a curve: the generator times a random scalar.
public func points<C: PastaCurve>(_: C.Type) -> Generator<AffinePoint<C>, some Sequence & SendableMetatype> {
    elements(C.ScalarField.self).map { $0 * C.generator }
}
