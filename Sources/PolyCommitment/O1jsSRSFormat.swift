public import Pasta

/// o1js's SRS cache entry (`srs-fp-<n>` / `srs-fq-<n>`): the JSON of what
/// plonk-wasm's `get` returns, one array holding h and then the g's, each
/// point `"Infinity"` or `{"x": "<decimal>", "y": "<decimal>"}`.
public enum O1jsSRSFormat {
    /// Encodes an SRS as o1js's `JSON.stringify` does: compact, h first.
    ///
    /// - Parameter srs: the SRS.
    /// - Returns: UTF-8 JSON.
    public static func encode<Curve>(_ srs: SRS<Curve>) -> [UInt8] {
        var text = "["
        text.reserveCapacity(170 * (srs.g.count + 1))
        text += srs.h.jsonText
        for point in srs.g {
            text += ","
            text += point.jsonText
        }
        text += "]"
        return Array(text.utf8)
    }

    /// Decodes o1js's JSON, checking every point.
    ///
    /// - Parameters:
    ///   - bytes: UTF-8 JSON.
    ///   - curve: the curve the points are on.
    /// - Returns: the SRS.
    /// - Throws: `SRSDecodingError`: `.jsonSyntax` with the byte offset,
    ///   `.jsonShape` for anything but a non-empty array, `.invalidPoint`
    ///   naming the point (h or g[i]).
    public static func decode<Curve: PastaCurve>(_ bytes: [UInt8], curve: Curve.Type = Curve.self) throws(SRSDecodingError) -> SRS<Curve> {
        let value: JSONValue
        do {
            value = try JSONParser.parse(bytes)
        } catch {
            throw SRSDecodingError(offset: error.offset, reason: .jsonSyntax(error.description))
        }
        guard case .array(let elements) = value else {
            throw SRSDecodingError(offset: nil, reason: .jsonShape("expected an array, found \(value.kind)"))
        }
        guard let first = elements.first else {
            throw SRSDecodingError(offset: nil, reason: .jsonShape("the array is empty; h comes first"))
        }
        let h = try point(first, entry: .h, curve: curve)
        var g = [AffinePoint<Curve>]()
        g.reserveCapacity(elements.count - 1)
        for (index, element) in elements.dropFirst().enumerated() {
            g.append(try point(element, entry: .g(index), curve: curve))
        }
        return SRS(g: g, h: h)
    }

    static func point<Curve: PastaCurve>(_ value: JSONValue, entry: SRSEntry, curve: Curve.Type) throws(SRSDecodingError) -> AffinePoint<Curve> {
        do {
            return try AffinePoint<Curve>(json: value)
        } catch {
            throw SRSDecodingError(offset: nil, reason: .invalidPoint(entry, error))
        }
    }
}
