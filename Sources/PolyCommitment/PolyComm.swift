public import Pasta

/// A commitment to a polynomial that may be longer than the SRS: one point
/// per SRS-sized chunk of coefficients (kimchi's `PolyComm`).
public struct PolyComm<Curve: PastaCurve>: Sendable, Hashable {
    /// One commitment per chunk, lowest-degree chunk first.
    public var chunks: [AffinePoint<Curve>]

    /// Wraps chunk commitments.
    public init(chunks: [AffinePoint<Curve>]) {
        self.chunks = chunks
    }

    /// o1js's JSON for one commitment: `{"shifted":[point,…]}`.
    public var jsonText: String {
        "{\"shifted\":[" + chunks.map(\.jsonText).joined(separator: ",") + "]}"
    }
}

/// Blinding factors, one per chunk of a commitment.
public struct Blinders<Field: PrimeField>: Sendable, Equatable {
    /// One blinder per chunk.
    public var chunks: [Field]

    /// Wraps blinders.
    public init(chunks: [Field]) { self.chunks = chunks }
}

/// A hiding commitment and the blinders that hide it (kimchi's `BlindedCommitment`).
public struct BlindedCommitment<Curve: PastaCurve>: Sendable, Equatable {
    /// The commitment plus bᵢ·h per chunk.
    public let commitment: PolyComm<Curve>
    /// The bᵢ.
    public let blinders: Blinders<Curve.ScalarField>
}

/// Why a commitment operation was refused. kimchi panics on most of these;
/// here they are values the caller can act on.
public enum CommitmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Evaluations do not fill their domain.
    case wrongEvaluationCount(Int, domainSize: Int)
    /// The commitment's domain is larger than the evaluations' domain.
    case domainLargerThanEvaluations(commitmentDomain: Int, evaluationDomain: Int)
    /// Blinders and commitment chunks differ in number.
    case blindersDoNotMatch(blinders: Int, chunks: Int)
    /// An index beyond the basis.
    case indexOutOfRange(Int, count: Int)
    /// Challenges that do not split into `count` equal, nonempty rounds.
    case challengeCountMismatch(challenges: Int, commitments: Int)
    /// The accumulator check needs 2^rounds to equal the SRS size.
    case roundsDoNotMatchSRS(rounds: Int, srsSize: Int)
    /// A basis handed to `setLagrangeBasis` has the wrong shape.
    case basisShapeMismatch(String)
    /// The domain size is unsupported.
    case domain(DomainError)

    /// A sentence for people.
    public var description: String {
        switch self {
        case .wrongEvaluationCount(let count, let size): return "\(count) evaluations for a domain of \(size)"
        case .domainLargerThanEvaluations(let commitment, let evaluation):
            return "commitment domain \(commitment) is larger than the evaluations' domain \(evaluation)"
        case .blindersDoNotMatch(let blinders, let chunks): return "\(blinders) blinders for \(chunks) chunks"
        case .indexOutOfRange(let index, let count): return "index \(index) is outside 0..<\(count)"
        case .challengeCountMismatch(let challenges, let commitments):
            return "\(challenges) challenges do not split into rounds for \(commitments) commitments"
        case .roundsDoNotMatchSRS(let rounds, let size): return "2^\(rounds) challenge coefficients for an SRS of \(size)"
        case .basisShapeMismatch(let why): return "Lagrange basis has the wrong shape: \(why)"
        case .domain(let error): return error.description
        }
    }
}
