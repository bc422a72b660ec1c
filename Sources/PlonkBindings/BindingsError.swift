public import PolyCommitment

/// Which SRS family a call belongs to: plonk-wasm's `caml_fp_srs_*` (Vesta)
/// or `caml_fq_srs_*` (Pallas).
public enum FieldFamily: String, Sendable, CaseIterable, Codable {
    /// Scalars in Fp; the Vesta SRS.
    case fp
    /// Scalars in Fq; the Pallas SRS.
    case fq
}

/// Why a handle was refused.
public enum HandleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The handle was issued but has been taken or freed.
    case released(MisuseKind)
    /// The value was never issued as a handle of this kind.
    case forged
    /// The handle belongs to the other field's family.
    case wrongField(expected: FieldFamily, actual: FieldFamily)

    /// The misuse this error counts as.
    public var misuse: MisuseKind {
        switch self {
        case .released(let kind): return kind
        case .forged: return .forgedHandle
        case .wrongField: return .wrongField
        }
    }

    /// A sentence for people.
    public var description: String {
        switch self {
        case .released(let kind): return "handle already released (\(kind.rawValue))"
        case .forged: return "not a handle issued by these bindings"
        case .wrongField(let expected, let actual): return "a \(actual.rawValue) handle passed to a \(expected.rawValue) call"
        }
    }
}

/// Why a bindings call failed. Every failure of the surface is one of these;
/// the C ABI maps each to an error code.
public enum BindingsError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A depth that is negative or too large.
    case invalidDepth(Int)
    /// A domain size or log₂ size that is unsupported.
    case invalidDomainSize(Int)
    /// A commitment-library refusal (index out of range, shapes, …).
    case commitment(CommitmentError)
    /// A file could not be read or written.
    case io(String)
    /// Bytes that are not an SRS, where the call needs one.
    case notAnSRS(String)
    /// A handle was refused.
    case handle(HandleError)
    /// The call does not exist in the legacy implementation.
    case unsupportedInLegacy(String)
    /// The thread pool refused.
    case pool(ThreadPoolError)
    /// A wait ran out of time.
    case timedOut
    /// `set` needs at least h.
    case emptyPointList

    /// A sentence for people.
    public var description: String {
        switch self {
        case .invalidDepth(let depth): return "invalid SRS depth \(depth)"
        case .invalidDomainSize(let size): return "invalid domain size \(size)"
        case .commitment(let error): return error.description
        case .io(let why): return why
        case .notAnSRS(let why): return "not an SRS: \(why)"
        case .handle(let error): return error.description
        case .unsupportedInLegacy(let call): return "\(call) does not exist in the legacy implementation"
        case .pool(let error): return error.description
        case .timedOut: return "timed out"
        case .emptyPointList: return "set needs h followed by the g points"
        }
    }
}
