public import PlonkBindings

/// Why a call was refused, as the model and the executor both name it.
public enum Refusal: String, Sendable, Hashable, Codable {
    case doubleTake = "double-take"
    case doubleFree = "double-free"
    case useAfterFree = "use-after-free"
    case forged
    case wrongField = "wrong-field"
    case unsupported
    case poolAlreadyRunning = "pool-already-running"
    case poolNotRunning = "pool-not-running"
    case timedOut = "timed-out"
    case invalidArgument = "invalid-argument"
    case other

    /// The refusal a bindings error stands for.
    public init(_ error: BindingsError) {
        switch error {
        case .handle(.released(.doubleTake)): self = .doubleTake
        case .handle(.released(.doubleFree)): self = .doubleFree
        case .handle(.released(_)): self = .useAfterFree
        case .handle(.forged): self = .forged
        case .handle(.wrongField): self = .wrongField
        case .unsupportedInLegacy: self = .unsupported
        case .pool(.alreadyRunning): self = .poolAlreadyRunning
        case .pool(.notRunning): self = .poolNotRunning
        case .timedOut: self = .timedOut
        case .invalidDepth, .invalidDomainSize, .commitment, .emptyPointList: self = .invalidArgument
        default: self = .other
        }
    }
}

/// What one step produced (or must produce).
public enum Outcome: Sendable, Hashable, CustomStringConvertible {
    /// Done, nothing to compare.
    case ok
    /// Returned data, by digest.
    case data(UInt64)
    /// `maybe_lagrange_commitment` found nothing cached.
    case absent
    /// A yes/no answer (the accumulator check).
    case flag(Bool)
    /// The tracked leak count an assertion read.
    case leaks(Int)
    /// The call was refused.
    case refused(Refusal)
    /// The bindings returned data that disagrees with itself (a round trip
    /// that did not come back equal).
    case inconsistent(String)

    /// Short text for reports.
    public var description: String {
        switch self {
        case .ok: return "ok"
        case .data(let digest): return "data#\(String(digest, radix: 16))"
        case .absent: return "absent"
        case .flag(let value): return "\(value)"
        case .leaks(let count): return "leaks=\(count)"
        case .refused(let refusal): return "refused(\(refusal.rawValue))"
        case .inconsistent(let why): return "inconsistent(\(why))"
        }
    }
}
