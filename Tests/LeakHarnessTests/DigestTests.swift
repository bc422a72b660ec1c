@testable import LeakHarness
import Pasta
import PolyCommitment
import Testing

/// The harness decides "same result" by digest alone, so the digest must
/// agree on equal commitments however they were computed, and tell apart
/// every difference a wrong call could produce.
@Suite("Result digests")
struct DigestTests {
    let srs = try! SRS<Vesta>.create(depth: 8)

    @Test("A basis computed serially and on two threads digests the same")
    func equalResultsAgree() throws {
        let serial = srs.computeLagrangeBasis(domain: try EvaluationDomain(size: 8), executor: SerialExecutor())
        let parallel = srs.computeLagrangeBasis(domain: try EvaluationDomain(size: 8), executor: DispatchExecutor(threads: 2))
        #expect(Digest.of(serial) == Digest.of(parallel))
    }

    @Test("A point decoded from its compressed bytes digests like the original")
    func decodedPointsAgree() throws {
        let points = Array(srs.g.prefix(4)) + [.infinity]
        let decoded = try points.map { try AffinePoint<Vesta>(compressedBytes: $0.compressedBytes) }
        #expect(Digest.of([PolyComm(chunks: points)]) == Digest.of([PolyComm(chunks: decoded)]))
    }

    @Test("Changing one point, its sign, the order, the chunking or the count changes the digest")
    func differencesShow() {
        let g = Array(srs.g.prefix(4))
        let base = [PolyComm(chunks: [g[0]]), PolyComm(chunks: [g[1]])]
        let variants: [[PolyComm<Vesta>]] = [
            [PolyComm(chunks: [g[0]]), PolyComm(chunks: [g[2]])],  // one point replaced
            [PolyComm(chunks: [g[0]]), PolyComm(chunks: [-g[1]])],  // same x, other y
            [PolyComm(chunks: [g[1]]), PolyComm(chunks: [g[0]])],  // swapped
            [PolyComm(chunks: [g[0], g[1]])],  // one commitment of two chunks
            [PolyComm(chunks: [g[0]])],  // one fewer
            [PolyComm(chunks: [g[0]]), PolyComm(chunks: [.infinity])],  // the identity
            [PolyComm(chunks: [g[0]]), PolyComm(chunks: [g[1]]), PolyComm(chunks: [])],  // an empty extra
        ]
        let digest = Digest.of(base)
        for variant in variants { #expect(Digest.of(variant) != digest) }
        #expect(Set(variants.map { Digest.of($0) }).count == variants.count)
    }
}
