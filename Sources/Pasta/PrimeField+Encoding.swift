/// Why bytes or text did not decode to a field element.
public enum FieldDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The input did not hold exactly 32 bytes.
    case wrongLength(expected: Int, actual: Int)
    /// The integer the bytes or numeral denote is not below the modulus.
    case notCanonical(field: String)
    /// The text is not a decimal numeral.
    case notDecimal(String)

    /// A sentence for people.
    public var description: String {
        switch self {
        case .wrongLength(let expected, let actual):
            return "expected \(expected) bytes for a field element, found \(actual)"
        case .notCanonical(let field):
            return "value is not below the \(field) modulus"
        case .notDecimal(let text):
            return "not a decimal numeral: \(text.prefix(80))"
        }
    }
}

extension PrimeField {
    /// The byte length of an encoded element.
    public static var byteCount: Int { 32 }

    /// The canonical value as 32 little-endian bytes, as arkworks writes it.
    public var littleEndianBytes: [UInt8] { canonical.littleEndianBytes }

    /// Reads an element from 32 little-endian bytes.
    ///
    /// - Parameter bytes: exactly 32 bytes.
    /// - Throws: `FieldDecodingError.wrongLength` for any other length and
    ///   `.notCanonical` when the value is not below the modulus; there is
    ///   exactly one encoding of each element.
    public init(littleEndianBytes bytes: some Collection<UInt8>) throws(FieldDecodingError) {
        guard let value = UInt256(littleEndianBytes: bytes) else {
            throw .wrongLength(expected: 32, actual: bytes.count)
        }
        guard let element = Self(canonical: value) else { throw .notCanonical(field: Self.name) }
        self = element
    }

    /// Reads an element from a decimal numeral, as o1js writes coordinates.
    ///
    /// - Parameter text: ASCII digits only.
    /// - Throws: `.notDecimal` when the text is not a numeral of at most 256
    ///   bits, `.notCanonical` when it is not below the modulus.
    public init(decimal text: some StringProtocol) throws(FieldDecodingError) {
        guard let value = UInt256(decimal: text) else { throw .notDecimal(String(text)) }
        guard let element = Self(canonical: value) else { throw .notCanonical(field: Self.name) }
        self = element
    }
}
