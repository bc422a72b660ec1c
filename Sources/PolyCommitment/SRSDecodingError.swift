public import Pasta

/// Which point of an SRS an error is about.
public enum SRSEntry: Sendable, Equatable, CustomStringConvertible {
    /// `g[index]`.
    case g(Int)
    /// The blinding point.
    case h

    /// "g[3]" or "h".
    public var description: String {
        switch self {
        case .g(let index): return "g[\(index)]"
        case .h: return "h"
        }
    }
}

/// Why bytes did not decode to an SRS, with where: a byte offset, and for
/// point errors which point.
public struct SRSDecodingError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The msgpack structure is broken (type, length, truncation).
        case messagePack(MessagePackError.Reason)
        /// The top-level array does not have two elements [g, h].
        case wrongFieldCount(Int)
        /// A point's byte string is not 33 bytes long.
        case wrongEntryLength(SRSEntry, Int)
        /// A point's bytes or JSON are not a valid point.
        case invalidPoint(SRSEntry, PointDecodingError)
        /// Bytes follow the SRS in a file read as a whole.
        case trailingBytes(Int)
        /// The JSON text does not parse.
        case jsonSyntax(String)
        /// The JSON is not an array of points with h first.
        case jsonShape(String)
    }

    /// The byte offset where the problem is, when there is one.
    public let offset: Int?
    /// What went wrong.
    public let reason: Reason

    /// A sentence for people.
    public var description: String {
        let place = offset.map { " at byte \($0)" } ?? ""
        switch reason {
        case .messagePack(let inner):
            return MessagePackError(offset: offset ?? 0, reason: inner).description
        case .wrongFieldCount(let count):
            return "expected the array [g, h]\(place), found \(count) elements"
        case .wrongEntryLength(let entry, let length):
            return "\(entry)\(place) has \(length) bytes; compressed points have 33"
        case .invalidPoint(let entry, let error):
            return "\(entry)\(place): \(error)"
        case .trailingBytes(let count):
            return "\(count) bytes follow the SRS\(place)"
        case .jsonSyntax(let why):
            return why
        case .jsonShape(let why):
            return "not an o1js SRS: \(why)"
        }
    }

    init(_ error: MessagePackError) {
        self.init(offset: error.offset, reason: .messagePack(error.reason))
    }

    /// Creates an error; public so callers can compare against expected errors.
    ///
    /// - Parameters:
    ///   - offset: the byte offset, when there is one.
    ///   - reason: what went wrong.
    public init(offset: Int?, reason: Reason) {
        self.offset = offset
        self.reason = reason
    }
}
