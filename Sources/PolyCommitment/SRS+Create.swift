import Dispatch
import Pasta
import Locking
import Synchronization

extension SRS {
    /// kimchi's `SRS::create(depth)`: point i from BLAKE2b-512 of i, h from
    /// "srs_misc", all through the curve's BW map. Deterministic and public.
    ///
    /// - Parameter depth: the number of g points.
    /// - Returns: the SRS, point for point what kimchi writes.
    /// - Throws: `SRSCreationError.invalidDepth` outside 0...2^32.
    public static func create(depth: Int) throws(SRSCreationError) -> SRS {
        try validate(depth)
        let map = BWGroupMap<Curve>()
        var g = [AffinePoint<Curve>]()
        g.reserveCapacity(depth)
        var start = 0
        while start < depth {
            let end = min(depth, start + creationChunk)
            g += KimchiHashToCurve<Curve>.srsPoints(start..<end, map: map)
            start = end
        }
        return SRS(g: g, h: KimchiHashToCurve<Curve>.blindingPoint(map: map))
    }

    /// kimchi's `SRS::create_parallel(depth)`: the same points as `create`,
    /// computed on all cores in chunks that each share one field inversion.
    ///
    /// - Parameter depth: the number of g points.
    /// - Returns: an SRS equal to `create(depth:)`'s.
    /// - Throws: `SRSCreationError.invalidDepth` outside 0...2^32.
    public static func createParallel(depth: Int) throws(SRSCreationError) -> SRS {
        try createParallel(depth: depth, chunkSize: creationChunk)
    }

    /// `createParallel` with a chosen chunk size, so tests can cross chunk
    /// boundaries with few (slow, in debug builds) points.
    static func createParallel(depth: Int, chunkSize creationChunk: Int) throws(SRSCreationError) -> SRS {
        try validate(depth)
        let map = BWGroupMap<Curve>()
        let chunkCount = (depth + creationChunk - 1) / creationChunk
        let chunks = Locked([[AffinePoint<Curve>]](repeating: [], count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let start = chunk * creationChunk
            let points = KimchiHashToCurve<Curve>.srsPoints(start..<min(depth, start + creationChunk), map: map)
            chunks.withLock { $0[chunk] = points }
        }
        let g = chunks.withLock { $0.flatMap { $0 } }
        return SRS(g: g, h: KimchiHashToCurve<Curve>.blindingPoint(map: map))
    }

    /// Points per batch: enough to amortize the shared inversion, small
    /// enough to spread over cores.
    private static var creationChunk: Int { 1024 }

    private static func validate(_ depth: Int) throws(SRSCreationError) {
        guard depth >= 0, depth <= SRSLimits.maximumDepth else { throw .invalidDepth(depth) }
    }
}
