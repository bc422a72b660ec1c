import Pasta
public import PlonkBindings
import PolyCommitment
import Locking
import Synchronization

/// What correct calls return, computed by the commitment library directly
/// (never through the bindings), cached per SRS depth.
public final class ReferenceData: Sendable {
    private let depth: Int
    private let vesta: SRS<Vesta>
    private let pallas: SRS<Pallas>
    /// Digests already computed. The model asks for them on every call it
    /// replays, so the key is a small value, not a formatted string.
    private let cache = Locked<[Key: UInt64]>([:])

    private enum Key: Hashable {
        case basis(Family, domain: Int)
        case commitment(Family, domain: Int, index: Int)
        case commitEvaluations(Family, domain: Int, seed: Int)
        case bPoly(Family, rounds: Int)
    }

    /// References for SRSs of a depth.
    public init(depth: Int) {
        self.depth = depth
        vesta = try! SRS<Vesta>.create(depth: depth)  // program depths are validated to 1…4096
        pallas = try! SRS<Pallas>.create(depth: depth)
    }

    private func cached(_ key: Key, _ compute: () -> UInt64) -> UInt64 {
        if let hit = cache.withLock({ $0[key] }) { return hit }
        let value = compute()
        cache.withLock { $0[key] = value }
        return value
    }

    /// The digest of a whole basis.
    public func basis(_ family: Family, domain: Int) -> UInt64 {
        cached(.basis(family, domain: domain)) {
            switch family {
            case .fp: return Digest.of(try! vesta.lagrangeBasis(domainSize: domain, executor: SerialExecutor()))
            case .fq: return Digest.of(try! pallas.lagrangeBasis(domainSize: domain, executor: SerialExecutor()))
            }
        }
    }

    /// The digest of one commitment of a basis.
    public func commitment(_ family: Family, domain: Int, index: Int) -> UInt64 {
        cached(.commitment(family, domain: domain, index: index)) {
            switch family {
            case .fp: return Digest.of([try! vesta.lagrangeBasis(domainSize: domain, executor: SerialExecutor())[index]])
            case .fq: return Digest.of([try! pallas.lagrangeBasis(domainSize: domain, executor: SerialExecutor())[index]])
            }
        }
    }

    /// The digest of `commit_evaluations` of the values a seed determines.
    public func commitEvaluations(_ family: Family, domain: Int, seed: Int) -> UInt64 {
        cached(.commitEvaluations(family, domain: domain, seed: seed)) {
            switch family {
            case .fp: return Digest.of([commit(vesta, domain: domain, seed: seed)])
            case .fq: return Digest.of([commit(pallas, domain: domain, seed: seed)])
            }
        }
    }

    private func commit<Curve: PastaCurve>(_ srs: SRS<Curve>, domain size: Int, seed: Int) -> PolyComm<Curve> {
        let domain = try! EvaluationDomain<Curve.ScalarField>(size: size)
        let values = ReferenceData.values(Curve.ScalarField.self, count: domain.size, seed: seed)
        return srs.commitNonHiding(try! Evaluations(values: values, domain: domain).interpolate(), numChunks: 1, executor: SerialExecutor())
    }

    /// The digest of `b_poly_commitment` of the challenges a round count determines.
    public func bPoly(_ family: Family, rounds: Int) -> UInt64 {
        cached(.bPoly(family, rounds: rounds)) {
            switch family {
            case .fp: return Digest.of([vesta.bPolyCommitment(challenges: ReferenceData.values(Fp.self, count: rounds, seed: 7), executor: SerialExecutor())])
            case .fq: return Digest.of([pallas.bPolyCommitment(challenges: ReferenceData.values(Fq.self, count: rounds, seed: 7), executor: SerialExecutor())])
            }
        }
    }

    /// The padded domain size the bindings use for a requested size.
    public static func domainSize(_ requested: Int) -> Int {
        var size = 1
        while size < requested { size <<= 1 }
        return size
    }

    /// Deterministic field elements for a seed.
    static func values<F: PrimeField>(_: F.Type, count: Int, seed: Int) -> [F] {
        var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: seed) &+ 0x5eed)
        return (0..<count).map { _ in F(reducing: UInt256(generator.next(), generator.next(), generator.next(), generator.next() >> 2)) }
    }
}

/// FNV-1a over the points' coordinates: a cheap digest for comparing results.
///
/// It reads the stored Montgomery words, which are unique for each point
/// (coordinates are kept fully reduced), rather than the compressed
/// encoding: that one costs two conversions out of Montgomery form and an
/// array per point, and the harness digests a basis on every call it checks.
enum Digest {
    static func of<Curve: PastaCurve>(_ commitments: [PolyComm<Curve>]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        func absorb(_ word: UInt64) { hash = (hash ^ word) &* 0x100_0000_01b3 }
        for commitment in commitments {
            absorb(UInt64(commitment.chunks.count))
            for point in commitment.chunks {
                if point.isInfinity {
                    absorb(0x1f)
                    continue
                }
                let x = point.x.montgomeryValue, y = point.y.montgomeryValue
                absorb(x.w0); absorb(x.w1); absorb(x.w2); absorb(x.w3)
                absorb(y.w0); absorb(y.w1); absorb(y.w2); absorb(y.w3)
            }
        }
        return hash
    }
}

/// SplitMix64: small, fast, and reproducible from a seed alone.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// Starts from a seed.
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
