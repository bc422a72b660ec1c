import Pasta
@testable import PolyCommitment
import Testing

@Suite("SRS creation matches kimchi")
struct SRSCreationTests {
    @Test("Vesta: small SRSs are prefixes of kimchi's vesta.srs (digests of the encoded prefix)")
    func vestaPrefixes() throws { try checkPrefixes(Vesta.self) }

    @Test("Pallas: small SRSs are prefixes of kimchi's pallas.srs (digests of the encoded prefix)")
    func pallasPrefixes() throws { try checkPrefixes(Pallas.self) }

    private func checkPrefixes<C: PastaCurve>(_: C.Type) throws {
        let vectors = try KimchiSRSVectors.load(C.name)
        let largest = try #require(vectors.prefixes.map(\.depth).max())
        let full = try SRS<C>.create(depth: largest)
        for prefix in vectors.prefixes {
            let srs = SRS<C>(g: Array(full.g.prefix(prefix.depth)), h: full.h)
            #expect(hex(BLAKE2b.hash512(KimchiSRSFormat.encode(srs))) == prefix.blake2b512, "depth \(prefix.depth)")
        }
        #expect(hex(full.h.compressedBytes) == vectors.h)
    }

    @Test("single points, including the last of a 2^16 SRS, are kimchi's", arguments: ["vesta", "pallas"])
    func points(curve: String) throws {
        let vectors = try KimchiSRSVectors.load(curve)
        for point in vectors.points {
            let bytes: [UInt8]
            if curve == "vesta" {
                bytes = KimchiHashToCurve<Vesta>.srsPoint(index: UInt32(point.index), map: BWGroupMap()).compressedBytes
            } else {
                bytes = KimchiHashToCurve<Pallas>.srsPoint(index: UInt32(point.index), map: BWGroupMap()).compressedBytes
            }
            #expect(hex(bytes) == point.compressed, "\(curve) g[\(point.index)]")
        }
    }

    @Test("createParallel gives the same points as create, across chunk boundaries")
    func parallelEqualsSequential() throws {
        let depth = 23
        let sequential = try SRS<Pallas>.create(depth: depth)
        let parallel = try SRS<Pallas>.createParallel(depth: depth, chunkSize: 5)
        #expect(parallel == sequential)
        #expect(parallel.g.count == depth)
        #expect(parallel.maxPolySize == depth)
    }

    @Test("depth 0 is an empty SRS with kimchi's h; negative depths are refused")
    func depths() throws {
        let empty = try SRS<Vesta>.create(depth: 0)
        #expect(empty.g.isEmpty)
        #expect(hex(empty.h.compressedBytes) == (try KimchiSRSVectors.load("vesta")).h)
        #expect(throws: SRSCreationError.invalidDepth(-1)) { try SRS<Vesta>.create(depth: -1) }
        #expect(throws: SRSCreationError.invalidDepth(SRSLimits.maximumDepth + 1)) {
            try SRS<Vesta>.createParallel(depth: SRSLimits.maximumDepth + 1)
        }
    }
}
