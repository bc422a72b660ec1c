public import Pasta

/// Why bytes did not decode to a Lagrange basis, with where.
public struct LagrangeCacheError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The msgpack structure is broken.
        case messagePack(MessagePackError.Reason)
        /// A `PolyComm` is not the one-field struct [chunks].
        case wrongStructFieldCount(commitment: Int, Int)
        /// A point's byte string is not 33 bytes.
        case wrongEntryLength(commitment: Int, chunk: Int, Int)
        /// A point is invalid (not on this curve, bad flags, …).
        case invalidPoint(commitment: Int, chunk: Int, PointDecodingError)
        /// Bytes follow the basis.
        case trailingBytes(Int)
        /// The JSON text does not parse.
        case jsonSyntax(String)
        /// The JSON is not an array of {"shifted": [...]}.
        case jsonShape(String)
    }

    /// The byte offset, when there is one.
    public let offset: Int?
    /// What went wrong.
    public let reason: Reason

    /// Creates an error.
    public init(offset: Int?, reason: Reason) {
        self.offset = offset
        self.reason = reason
    }

    init(_ error: MessagePackError) {
        self.init(offset: error.offset, reason: .messagePack(error.reason))
    }

    /// A sentence for people.
    public var description: String {
        let place = offset.map { " at byte \($0)" } ?? ""
        switch reason {
        case .messagePack(let inner): return MessagePackError(offset: offset ?? 0, reason: inner).description
        case .wrongStructFieldCount(let commitment, let count):
            return "commitment \(commitment)\(place) has \(count) fields; PolyComm has one"
        case .wrongEntryLength(let commitment, let chunk, let length):
            return "commitment \(commitment) chunk \(chunk)\(place) has \(length) bytes; points have 33"
        case .invalidPoint(let commitment, let chunk, let error):
            return "commitment \(commitment) chunk \(chunk)\(place): \(error)"
        case .trailingBytes(let count): return "\(count) bytes follow the basis\(place)"
        case .jsonSyntax(let why): return why
        case .jsonShape(let why): return "not an o1js Lagrange basis: \(why)"
        }
    }
}
