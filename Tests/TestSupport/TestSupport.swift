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

/// Random points of a curve, `point(liftedFrom:)` of random elements. A
/// square root costs a few hundred multiplications against a few thousand
/// for a scalar multiplication of the generator, which is what this did
/// before: in debug builds, generating points took most of the time of the
/// batch-affine tests.
public func points<C: PastaCurve>(_: C.Type) -> Generator<AffinePoint<C>, some Sequence & SendableMetatype> {
    elements(C.BaseField.self).map { point(liftedFrom: $0) }
}

/// A point of the curve from a field element: x stepped up to the first
/// x³ + 5 that is a square, and one of its roots (the sign from the step
/// count and x's low bit). Both curves have prime order, so every such
/// point is in the group.
///
/// - Parameter start: where the search for x begins.
/// - Returns: a point whose x is the first valid one from `start` on.
public func point<C: PastaCurve>(liftedFrom start: C.BaseField) -> AffinePoint<C> {
    var x = start, steps: UInt64 = 0
    while true {
        if let root = C.curveEquation(x).squareRoot {
            let negate = (x.canonical.w0 ^ steps) & 1 == 1
            return try! AffinePoint<C>(x: x, y: negate ? -root : root)  // on the curve by construction
        }
        x = x + .one
        steps += 1
    }
}
