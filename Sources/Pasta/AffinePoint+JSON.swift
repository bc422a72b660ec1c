extension AffinePoint {
    /// o1js's JSON form of the point, compact as `JSON.stringify` writes it:
    /// `"Infinity"` or `{"x":"<decimal>","y":"<decimal>"}`.
    public var jsonText: String {
        if isInfinity { return "\"Infinity\"" }
        return "{\"x\":\"\(x.canonical.decimalString)\",\"y\":\"\(y.canonical.decimalString)\"}"
    }

    /// Parses o1js's JSON form of a point and checks it is on the curve.
    ///
    /// - Parameter text: the JSON text of one point.
    /// - Throws: `PointDecodingError.malformedJSON` for bad syntax or shape,
    ///   `.coordinateNotCanonical` for a coordinate out of range, `.notOnCurve`.
    public init(jsonText text: String) throws(PointDecodingError) {
        let value: JSONValue
        do {
            value = try JSONParser.parse(Array(text.utf8))
        } catch {
            throw .malformedJSON(error.description)
        }
        try self.init(json: value)
    }

    /// Reads a point from a parsed o1js JSON value.
    package init(json value: JSONValue) throws(PointDecodingError) {
        switch value {
        case .string("Infinity"):
            self = .infinity
        case .object(let members):
            guard members.count == 2,
                  case .string(let xText)? = value["x"],
                  case .string(let yText)? = value["y"]
            else { throw .malformedJSON("expected {\"x\": \"<decimal>\", \"y\": \"<decimal>\"}") }
            let x: Curve.BaseField, y: Curve.BaseField
            do {
                x = try Curve.BaseField(decimal: xText)
                y = try Curve.BaseField(decimal: yText)
            } catch .notDecimal(let text) {
                throw .malformedJSON("coordinate is not a decimal string: \(text.prefix(80))")
            } catch {
                throw .coordinateNotCanonical
            }
            try self.init(x: x, y: y)
        default:
            throw .malformedJSON("expected \"Infinity\" or an object, found \(value.kind)")
        }
    }
}
