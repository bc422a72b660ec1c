/// Modular inversion by Bernstein–Yang divsteps (the variable-time "safegcd"
/// that libsecp256k1 inverts with), 62 steps a batch.
///
/// Fermat's a^(p−2) is about 300 dependent multiplications. A divstep
/// decides by the low bits of f and g alone, so 62 of them run on machine
/// words and collect a 2×2 matrix that is applied to the full numbers once:
/// f and g (from p and a) shrink toward gcd = 1, and d and e (from 0 and 1)
/// follow the same matrix mod p, so that d ends as ±1/a. Each batch's
/// division of d and e by 2^62 is made exact by adding the multiple of p
/// that clears their low 62 bits. About ten batches invert a 255-bit value.
///
/// Variable time: the number and kind of steps depend on the value, which
/// is fine for the public data this package inverts (points, SRS, bases)
/// and wrong for secrets.
@usableFromInline
struct InverseDivsteps {
    /// A signed integer in 62-bit limbs, least significant first: limbs
    /// 0 to 3 in [0, 2^62) once normalized, limb 4 carrying the sign.
    @usableFromInline
    struct Limbs: Equatable {
        @usableFromInline var l0: Int64, l1: Int64, l2: Int64, l3: Int64, l4: Int64

        @inlinable
        init(_ l0: Int64, _ l1: Int64, _ l2: Int64, _ l3: Int64, _ l4: Int64) {
            (self.l0, self.l1, self.l2, self.l3, self.l4) = (l0, l1, l2, l3, l4)
        }

        /// A value below 2^256.
        @inlinable
        init(_ value: UInt256) {
            let mask = Self.mask
            self.init(
                Int64(bitPattern: value.w0 & mask),
                Int64(bitPattern: (value.w0 >> 62 | value.w1 << 2) & mask),
                Int64(bitPattern: (value.w1 >> 60 | value.w2 << 4) & mask),
                Int64(bitPattern: (value.w2 >> 58 | value.w3 << 6) & mask),
                Int64(bitPattern: value.w3 >> 56))
        }

        @inlinable static var mask: UInt64 { UInt64.max >> 2 }

        /// The low 64 bits, in two's complement: the divsteps read f and g
        /// mod 2^62 and f mod 8.
        @inlinable var low64: UInt64 { UInt64(bitPattern: l0) | UInt64(bitPattern: l1) << 62 }

        @inlinable var isZero: Bool { l0 | l1 | l2 | l3 | l4 == 0 }

        /// The value when it lies in [0, 2^256) with limbs 0 to 3 normalized.
        @inlinable var words: UInt256 {
            let (a, b, c, d, e) = (UInt64(bitPattern: l0), UInt64(bitPattern: l1), UInt64(bitPattern: l2), UInt64(bitPattern: l3), UInt64(bitPattern: l4))
            return UInt256(a | b << 62, b >> 2 | c << 60, c >> 4 | d << 58, d >> 6 | e << 56)
        }
    }

    /// A batch's transition matrix, scaled by 2^62: the new (f, g) is
    /// (u·f + v·g, q·f + r·g) / 2^62; |u| + |v| and |q| + |r| are at most 2^62.
    @usableFromInline
    struct Matrix {
        @usableFromInline var u: Int64, v: Int64, q: Int64, r: Int64

        @inlinable
        init(u: Int64, v: Int64, q: Int64, r: Int64) {
            (self.u, self.v, self.q, self.r) = (u, v, q, r)
        }
    }

    /// 1/x mod p for 0 < x < p, p an odd prime below 2^255.
    ///
    /// - Parameters:
    ///   - x: the value, as an integer (not Montgomery form).
    ///   - modulus: p.
    ///   - modulusInverse: p⁻¹ mod 2^64.
    ///   - maximumBatches: batches of 62 steps to try before giving up (the
    ///     bound for 256-bit inputs is 12; tests pass fewer to reach nil).
    /// - Returns: the inverse in [0, p), or nil when the batches ran out.
    @inlinable
    static func inverse(of x: UInt256, modulus: UInt256, modulusInverse: UInt64, maximumBatches: Int = 20) -> UInt256? {
        let p = Limbs(modulus)
        var f = p, g = Limbs(x)
        var d = Limbs(0, 0, 0, 0, 0), e = Limbs(1, 0, 0, 0, 0)
        var eta: Int64 = -1
        for _ in 0..<maximumBatches {
            let t = steps(&eta, f.low64, g.low64)
            update(&d, &e, t, modulus: p, modulusInverse: modulusInverse & Limbs.mask)
            apply(t, &f, &g)
            if g.isZero {
                // f = ±1 now; d = f/x, in (−2p, p).
                let negate = f.l4 < 0
                return normalized(d, negate: negate, modulus: p, modulusWords: modulus)
            }
        }
        return nil
    }

    /// 62 divsteps on the low words, returning their matrix.
    @inlinable
    static func steps(_ eta: inout Int64, _ f0: UInt64, _ g0: UInt64) -> Matrix {
        // The matrix in two's complement words: its entries stay within
        // ±2^62, so wrapping arithmetic is exact.
        var u: UInt64 = 1, v: UInt64 = 0, q: UInt64 = 0, r: UInt64 = 1
        var f = f0, g = g0
        var remaining = 62
        while true {
            // All of g's low zero bits at once, but no more than the steps
            // left (the sentinel bit stops the count there).
            let zeros = (g | (UInt64.max &<< UInt64(remaining))).trailingZeroBitCount
            g &>>= UInt64(zeros)
            u &<<= UInt64(zeros)
            v &<<= UInt64(zeros)
            eta -= Int64(zeros)
            remaining -= zeros
            if remaining == 0 { break }
            // g is odd. With eta < 0 the step swaps: (f, g) ← (g, −f).
            let w: UInt64
            if eta < 0 {
                eta = -eta
                (f, g) = (g, 0 &- f)
                (u, q) = (q, 0 &- u)
                (v, r) = (r, 0 &- v)
                // Cancel up to six low bits of g: f·(f² − 2) ≡ −1/f (mod 64)
                // for odd f. No more than eta + 1 bits (eta's sign could
                // flip sooner) nor the steps left.
                let limit = min(Int(eta) + 1, remaining, 6)
                w = (f &* g &* (f &* f &- 2)) & (UInt64.max >> UInt64(64 - limit))
            } else {
                // Up to four bits: f + ((f + 1) & 4)·2 ≡ 1/f (mod 16).
                let limit = min(Int(eta) + 1, remaining, 4)
                let inverse = f &+ (((f &+ 1) & 4) << 1)
                w = ((0 &- inverse) &* g) & (UInt64.max >> UInt64(64 - limit))
            }
            g &+= f &* w
            q &+= u &* w
            r &+= v &* w
        }
        return Matrix(u: Int64(bitPattern: u), v: Int64(bitPattern: v), q: Int64(bitPattern: q), r: Int64(bitPattern: r))
    }

    /// (f, g) ← ((u·f + v·g) / 2^62, (q·f + r·g) / 2^62); the divisions are
    /// exact because the steps cleared 62 low bits.
    @inlinable
    static func apply(_ t: Matrix, _ f: inout Limbs, _ g: inout Limbs) {
        let (u, v, q, r) = (Int128(t.u), Int128(t.v), Int128(t.q), Int128(t.r))
        var cf = u * Int128(f.l0) + v * Int128(g.l0)
        var cg = q * Int128(f.l0) + r * Int128(g.l0)
        cf >>= 62
        cg >>= 62
        func limb(_ f: Int64, _ g: Int64, _ newF: inout Int64, _ newG: inout Int64) {
            cf += u * Int128(f) + v * Int128(g)
            cg += q * Int128(f) + r * Int128(g)
            newF = low62(cf)
            newG = low62(cg)
            cf >>= 62
            cg >>= 62
        }
        limb(f.l1, g.l1, &f.l0, &g.l0)
        limb(f.l2, g.l2, &f.l1, &g.l1)
        limb(f.l3, g.l3, &f.l2, &g.l2)
        limb(f.l4, g.l4, &f.l3, &g.l3)
        f.l4 = Int64(truncatingIfNeeded: cf)
        g.l4 = Int64(truncatingIfNeeded: cg)
    }

    /// (d, e) ← ((u·d + v·e) / 2^62, (q·d + r·e) / 2^62) mod p, keeping both
    /// in (−2p, p): a multiple of p that clears the low 62 bits is added
    /// first, chosen with an extra p·u (p·v, …) where d (e) is negative so
    /// that the result stays in range.
    @inlinable
    static func update(_ d: inout Limbs, _ e: inout Limbs, _ t: Matrix, modulus p: Limbs, modulusInverse: UInt64) {
        let signD = d.l4 >> 63, signE = e.l4 >> 63
        var md = (t.u & signD) &+ (t.v & signE)
        var me = (t.q & signD) &+ (t.r & signE)
        let (u, v, q, r) = (Int128(t.u), Int128(t.v), Int128(t.q), Int128(t.r))
        var cd = u * Int128(d.l0) + v * Int128(e.l0)
        var ce = q * Int128(d.l0) + r * Int128(e.l0)
        // md, me such that cd + md·p and ce + me·p are multiples of 2^62.
        md &-= Int64(bitPattern: (modulusInverse &* UInt64(truncatingIfNeeded: cd) &+ UInt64(bitPattern: md)) & Limbs.mask)
        me &-= Int64(bitPattern: (modulusInverse &* UInt64(truncatingIfNeeded: ce) &+ UInt64(bitPattern: me)) & Limbs.mask)
        let (mD, mE) = (Int128(md), Int128(me))
        cd += mD * Int128(p.l0)
        ce += mE * Int128(p.l0)
        cd >>= 62
        ce >>= 62
        func limb(_ dl: Int64, _ el: Int64, _ pl: Int64, _ newD: inout Int64, _ newE: inout Int64) {
            cd += u * Int128(dl) + v * Int128(el) + mD * Int128(pl)
            ce += q * Int128(dl) + r * Int128(el) + mE * Int128(pl)
            newD = low62(cd)
            newE = low62(ce)
            cd >>= 62
            ce >>= 62
        }
        limb(d.l1, e.l1, p.l1, &d.l0, &e.l0)
        limb(d.l2, e.l2, p.l2, &d.l1, &e.l1)
        limb(d.l3, e.l3, p.l3, &d.l2, &e.l2)
        limb(d.l4, e.l4, p.l4, &d.l3, &e.l3)
        d.l4 = Int64(truncatingIfNeeded: cd)
        e.l4 = Int64(truncatingIfNeeded: ce)
    }

    /// The low 62 bits of a two's complement value, as a limb.
    @inlinable @inline(__always)
    static func low62(_ value: Int128) -> Int64 {
        Int64(bitPattern: UInt64(truncatingIfNeeded: value) & Limbs.mask)
    }

    /// ±d brought into [0, p), for d in (−2p, p) with limbs 0 to 3 normalized.
    @inlinable
    static func normalized(_ d: Limbs, negate: Bool, modulus p: Limbs, modulusWords: UInt256) -> UInt256 {
        var value = d
        if negate { value = combination(value, -1, p, 0) }  // −d in (−p, 2p)
        while value.l4 < 0 { value = combination(value, 1, p, 1) }  // at most twice
        // Now in [0, 2p), below 2^256.
        let (reduced, borrow) = value.words.subtractingReportingOverflow(modulusWords)
        return borrow ? value.words : reduced
    }

    /// a·x + b·y with normalized limbs, for small a, b.
    @inlinable
    static func combination(_ x: Limbs, _ a: Int64, _ y: Limbs, _ b: Int64) -> Limbs {
        let (a, b) = (Int128(a), Int128(b))
        var carry: Int128 = 0
        var out = Limbs(0, 0, 0, 0, 0)
        carry += a * Int128(x.l0) + b * Int128(y.l0); out.l0 = low62(carry); carry >>= 62
        carry += a * Int128(x.l1) + b * Int128(y.l1); out.l1 = low62(carry); carry >>= 62
        carry += a * Int128(x.l2) + b * Int128(y.l2); out.l2 = low62(carry); carry >>= 62
        carry += a * Int128(x.l3) + b * Int128(y.l3); out.l3 = low62(carry); carry >>= 62
        carry += a * Int128(x.l4) + b * Int128(y.l4); out.l4 = Int64(truncatingIfNeeded: carry)
        return out
    }
}
