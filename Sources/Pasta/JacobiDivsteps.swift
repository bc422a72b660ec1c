/// The Jacobi symbol by Bernstein–Yang "posdivsteps" (the variable-time
/// Jacobi variant of safegcd that libsecp256k1 uses), batched 62 steps at a
/// time.
///
/// The binary Jacobi algorithm decides every step by comparing the two whole
/// numbers. A divstep decides by the low bits alone (parities, and a
/// counter η), so 62 of them can run on the low 64 bits in machine words,
/// collecting a 2×2 matrix that is then applied to the full numbers once.
/// "Pos" divsteps never negate: where a divstep would replace (f, g) by
/// (g, −f), these swap to (g, f), so f and g stay positive and odd f stays a
/// valid Jacobi modulus throughout. The symbol (g | f) is tracked by the
/// same two rules as the binary algorithm, read off low bits that are exact:
///
/// - dividing g by 2 an odd number of times flips it when f ≡ 3, 5 (mod 8);
/// - swapping f and g flips it when both are 3 (mod 4) (reciprocity);
/// - adding a multiple of f to g leaves it unchanged.
///
/// It ends when f reaches 1, where (g | 1) = 1. It almost always does so in
/// about 750 steps; after 25 batches (1,550 steps) it gives up and says so,
/// and the caller falls back to the binary algorithm.
@usableFromInline
struct JacobiDivsteps {
    /// An unsigned integer in 62-bit limbs, least significant first.
    @usableFromInline
    struct Limbs {
        @usableFromInline var limbs: (UInt64, UInt64, UInt64, UInt64, UInt64)

        @inlinable
        init(_ value: UInt256) {
            let mask = Self.mask
            limbs = (
                value.w0 & mask,
                (value.w0 >> 62 | value.w1 << 2) & mask,
                (value.w1 >> 60 | value.w2 << 4) & mask,
                (value.w2 >> 58 | value.w3 << 6) & mask,
                value.w3 >> 56
            )
        }

        @inlinable static var mask: UInt64 { UInt64.max >> 2 }

        @inlinable
        subscript(index: Int) -> UInt64 {
            get {
                switch index {
                case 0: return limbs.0
                case 1: return limbs.1
                case 2: return limbs.2
                case 3: return limbs.3
                default: return limbs.4
                }
            }
            set {
                switch index {
                case 0: limbs.0 = newValue
                case 1: limbs.1 = newValue
                case 2: limbs.2 = newValue
                case 3: limbs.3 = newValue
                default: limbs.4 = newValue
                }
            }
        }

        /// The low 64 bits: the divsteps need f mod 8 after up to 61 shifts.
        @inlinable var low64: UInt64 { limbs.0 | limbs.1 << 62 }
    }

    /// A batch's transition matrix, scaled by 2^62: the new (f, g) is
    /// ((u·f + v·g), (q·f + r·g)) / 2^62. With posdivsteps every entry is
    /// non-negative and u + v, q + r ≤ 2^62.
    @usableFromInline
    struct Transition {
        @usableFromInline var u: UInt64, v: UInt64, q: UInt64, r: UInt64

        @inlinable
        init(u: UInt64, v: UInt64, q: UInt64, r: UInt64) {
            self.u = u
            self.v = v
            self.q = q
            self.r = r
        }
    }

    /// (x | modulus) for an odd modulus above 2 and 0 < x < modulus with
    /// gcd(x, modulus) = 1.
    ///
    /// - Parameters:
    ///   - x: the value, below the modulus and coprime to it.
    ///   - modulus: odd, above 2.
    ///   - maximumBatches: batches of 62 steps to try; 25 in use, fewer in
    ///     tests that reach the fallback.
    /// - Returns: +1 or −1, or nil when the steps did not reach f = 1 in time.
    @inlinable
    static func symbol(_ x: UInt256, modulus: UInt256, maximumBatches: Int = 25) -> Int? {
        var f = Limbs(modulus), g = Limbs(x)
        var length = 5
        var eta: Int64 = -1
        var flips: UInt64 = 0
        for _ in 0..<maximumBatches {
            let transition = steps(&eta, f.low64, g.low64, &flips)
            apply(transition, &f, &g, length: length)
            if f[0] == 1 {
                var rest: UInt64 = 0
                for index in 1..<length { rest |= f[index] }
                if rest == 0 { return flips & 1 == 0 ? 1 : -1 }
            }
            // Drop the top limb once both numbers have left it.
            if length > 1, f[length - 1] | g[length - 1] == 0 { length -= 1 }
        }
        return nil
    }

    /// 62 posdivsteps on the low words, returning their matrix; bit 0 of
    /// `flips` toggles for each sign change of the symbol.
    @inlinable
    static func steps(_ eta: inout Int64, _ f0: UInt64, _ g0: UInt64, _ flips: inout UInt64) -> Transition {
        var u: UInt64 = 1, v: UInt64 = 0, q: UInt64 = 0, r: UInt64 = 1
        var f = f0, g = g0
        var remaining = 62
        while true {
            // All the zero bits of g at once, but no more than the steps left
            // (the sentinel bit stops the count there).
            let zeros = (g | (UInt64.max &<< UInt64(remaining))).trailingZeroBitCount
            g &>>= UInt64(zeros)
            u &<<= UInt64(zeros)
            v &<<= UInt64(zeros)
            eta -= Int64(zeros)
            remaining -= zeros
            // Odd number of halvings with f ≡ 3, 5 (mod 8): bit 0 of
            // (f >> 1) ^ (f >> 2) is set exactly for those residues.
            flips ^= UInt64(zeros) & ((f >> 1) ^ (f >> 2))
            if remaining == 0 { break }
            // g is odd here. When eta < 0, swap f and g (with their matrix
            // rows) and negate eta; done with masks rather than a branch,
            // since the sign of eta is as good as random and a mispredicted
            // branch here cost more than the whole step.
            let negative = UInt64(bitPattern: eta >> 63)
            eta = (eta ^ Int64(bitPattern: negative)) &- Int64(bitPattern: negative)
            let fg = (f ^ g) & negative, uq = (u ^ q) & negative, vr = (v ^ r) & negative
            f ^= fg
            g ^= fg
            u ^= uq
            q ^= uq
            v ^= vr
            r ^= vr
            flips ^= ((f & g) >> 1) & negative  // swapped, both 3 (mod 4)
            // Cancel up to six low bits of g with w = −g/f (mod 2^6), from
            // f·(f² − 2) = −1/f (mod 2^6); no more bits than the steps left,
            // nor than eta + 1 (eta's sign flips again after that many).
            let limit = Int(min(eta + 1, Int64(remaining), 6))
            let w = (f &* g &* (f &* f &- 2)) & (UInt64.max >> UInt64(64 - limit))
            g &+= f &* w
            q &+= u &* w
            r &+= v &* w
        }
        return Transition(u: u, v: v, q: q, r: r)
    }

    /// (f, g) ← ((u·f + v·g) / 2^62, (q·f + r·g) / 2^62) on the low `length`
    /// limbs (1 to 5); the divisions are exact by construction.
    @inlinable
    static func apply(_ t: Transition, _ f: inout Limbs, _ g: inout Limbs, length: Int) {
        let mask = Limbs.mask
        var cf = UInt128(t.u) * UInt128(f[0]) + UInt128(t.v) * UInt128(g[0])
        var cg = UInt128(t.q) * UInt128(f[0]) + UInt128(t.r) * UInt128(g[0])
        cf >>= 62
        cg >>= 62
        for index in 1..<length {
            cf += UInt128(t.u) * UInt128(f[index]) + UInt128(t.v) * UInt128(g[index])
            cg += UInt128(t.q) * UInt128(f[index]) + UInt128(t.r) * UInt128(g[index])
            f[index - 1] = UInt64(truncatingIfNeeded: cf) & mask
            g[index - 1] = UInt64(truncatingIfNeeded: cg) & mask
            cf >>= 62
            cg >>= 62
        }
        f[length - 1] = UInt64(truncatingIfNeeded: cf)
        g[length - 1] = UInt64(truncatingIfNeeded: cg)
    }
}
