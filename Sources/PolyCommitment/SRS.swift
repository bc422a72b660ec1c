public import Pasta

/// kimchi's IPA structured reference string: the points g₀ … g_{n−1} that
/// polynomials are committed against, and the blinding point h.
///
/// A reference type because every consumer of one SRS (bindings handles,
/// worker threads) shares it, and later its per-domain Lagrange bases.
/// Immutable and `Sendable`.
public final class SRS<Curve: PastaCurve>: Sendable {
    /// The commitment bases; `g[i]` commits to xⁱ.
    public let g: [AffinePoint<Curve>]
    /// The blinding base.
    public let h: AffinePoint<Curve>
    /// Lagrange bases computed or set so far, per domain size.
    let lagrangeCache = LagrangeBasisCache<Curve>()

    /// Wraps given points (kimchi's `SRS::new`, used by plonk-wasm's `set`).
    ///
    /// - Parameters:
    ///   - g: the commitment bases.
    ///   - h: the blinding base.
    public init(g: [AffinePoint<Curve>], h: AffinePoint<Curve>) {
        self.g = g
        self.h = h
    }

    /// The longest polynomial one commitment chunk can hold: the number of g's.
    public var maxPolySize: Int { g.count }
}

extension SRS: Equatable {
    /// Two SRSs are equal when their points are.
    public static func == (lhs: SRS, rhs: SRS) -> Bool {
        lhs === rhs || (lhs.h == rhs.h && lhs.g == rhs.g)
    }
}

/// Why an SRS could not be created.
public enum SRSCreationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The depth is negative or beyond 2^32 points (kimchi hashes u32 indices).
    case invalidDepth(Int)

    /// A sentence for people.
    public var description: String {
        switch self {
        case .invalidDepth(let depth): return "SRS depth \(depth) is not in 0...\(SRSLimits.maximumDepth)"
        }
    }
}

/// Bounds on SRS sizes.
public enum SRSLimits {
    /// kimchi hashes each index as a 4-byte integer, so at most 2^32 distinct points.
    public static let maximumDepth = 1 << 32
}

extension SRS {
    /// BLAKE2b-512 of the SRS's kimchi encoding: one fingerprint for the
    /// points whatever file format they arrived in.
    public var digest: [UInt8] {
        BLAKE2b.hash512(KimchiSRSFormat.encode(self))
    }
}
