/// A scalar split for GLV multiplication: k = k₁ + k₂·λ (mod r) with
/// |k₁|, |k₂| < 2^128, each half a sign and a magnitude.
public struct GLVScalar: Sendable, Hashable {
    /// Whether k₁ is negative.
    public var firstIsNegative: Bool
    /// |k₁|, below 2^128.
    public var first: UInt128
    /// Whether k₂ is negative.
    public var secondIsNegative: Bool
    /// |k₂|, below 2^128.
    public var second: UInt128

    @usableFromInline
    init(firstIsNegative: Bool, first: UInt128, secondIsNegative: Bool, second: UInt128) {
        self.firstIsNegative = firstIsNegative
        self.first = first
        self.secondIsNegative = secondIsNegative
        self.second = second
    }
}

/// A short basis (a₁, b₁), (a₂, b₂) of the lattice {(a, b) : a + b·λ ≡ 0 mod r}
/// where λ is the scalar of the curve's endomorphism φ(x, y) = (ξx, y), and
/// the rounding constants that turn a scalar into its two halves.
///
/// The Pasta curves have j-invariant 0, so φ is one field multiplication and
/// [k]P = [k₁]P + [k₂]φ(P) needs half the doublings of [k]P. The basis comes
/// from the extended Euclidean algorithm on (r, λ) stopped at √r (Gallant,
/// Lambert and Vanstone, 2001); `Tests/tools/glv_basis.py` derives the
/// constants below and the tests check them against λ.
public struct GLVBasis<Field: PrimeField>: Sendable {
    /// a₁ mod r.
    public let a1: Field
    /// b₁ mod r.
    public let b1: Field
    /// a₂ mod r.
    public let a2: Field
    /// b₂ mod r.
    public let b2: Field
    /// round(b₂·2^256 / r).
    public let g1: UInt256
    /// round(−b₁·2^256 / r).
    public let g2: UInt256

    /// - Parameters:
    ///   - a1: a₁ mod r; the others likewise.
    ///   - b1: b₁ mod r.
    ///   - a2: a₂ mod r.
    ///   - b2: b₂ mod r.
    ///   - g1: round(b₂·2^256 / r).
    ///   - g2: round(−b₁·2^256 / r).
    public init(a1: Field, b1: Field, a2: Field, b2: Field, g1: UInt256, g2: UInt256) {
        self.a1 = a1
        self.b1 = b1
        self.a2 = a2
        self.b2 = b2
        self.g1 = g1
        self.g2 = g2
        (a1Negative, a1Magnitude) = Self.signed(a1)
        (b1Negative, b1Magnitude) = Self.signed(b1)
        (a2Negative, a2Magnitude) = Self.signed(a2)
        (b2Negative, b2Magnitude) = Self.signed(b2)
    }

    // The basis as the small signed integers it is (|aᵢ|, |bᵢ| < 2^128),
    // for `decompose`'s integer arithmetic.
    @usableFromInline let a1Negative: Bool, a1Magnitude: UInt128
    @usableFromInline let b1Negative: Bool, b1Magnitude: UInt128
    @usableFromInline let a2Negative: Bool, a2Magnitude: UInt128
    @usableFromInline let b2Negative: Bool, b2Magnitude: UInt128

    /// Splits a scalar: c₁ = ⌊k·g₁ / 2^256⌋, c₂ = ⌊k·g₂ / 2^256⌋,
    /// k₁ = k − c₁a₁ − c₂a₂, k₂ = −c₁b₁ − c₂b₂ (both below 2^128 in size).
    ///
    /// k₁ and k₂ are worked out as integers modulo 2^256, where values that
    /// small come out exact, in two's complement: field arithmetic took
    /// four Montgomery multiplications and five conversions, and this split
    /// runs once per term of every MSM.
    ///
    /// - Parameter scalar: k.
    /// - Returns: k₁ and k₂ as signs and magnitudes.
    @inlinable
    public func decompose(_ scalar: Field) -> GLVScalar {
        let k = scalar.canonical
        let c1 = k.multipliedHigh(by: g1)
        let c2 = k.multipliedHigh(by: g2)
        let zero = UInt256(0)
        let k1 = k
            .subtractingReportingOverflow(Self.product(c1, a1Magnitude, negated: a1Negative)).partialValue
            .subtractingReportingOverflow(Self.product(c2, a2Magnitude, negated: a2Negative)).partialValue
        let k2 = zero
            .subtractingReportingOverflow(Self.product(c1, b1Magnitude, negated: b1Negative)).partialValue
            .subtractingReportingOverflow(Self.product(c2, b2Magnitude, negated: b2Negative)).partialValue
        let (n1, m1) = Self.signed(twosComplement: k1)
        let (n2, m2) = Self.signed(twosComplement: k2)
        return GLVScalar(firstIsNegative: n1, first: m1, secondIsNegative: n2, second: m2)
    }

    /// ±c·m modulo 2^256.
    @inlinable @inline(__always)
    static func product(_ c: UInt256, _ m: UInt128, negated: Bool) -> UInt256 {
        let low = c.multipliedFullWidth(by: UInt64(truncatingIfNeeded: m), adding: 0).low
        let high = c.multipliedFullWidth(by: UInt64(truncatingIfNeeded: m >> 64), adding: 0).low
        let sum = low.addingReportingOverflow(UInt256(0, high.w0, high.w1, high.w2)).partialValue
        return negated ? UInt256(0).subtractingReportingOverflow(sum).partialValue : sum
    }

    /// A 256-bit two's complement value known to be ±m with m < 2^128, as
    /// (negative, m).
    @inlinable
    static func signed(twosComplement v: UInt256) -> (Bool, UInt128) {
        let negative = v.w3 >> 63 == 1
        let m = negative ? UInt256(0).subtractingReportingOverflow(v).partialValue : v
        precondition(m.w2 == 0 && m.w3 == 0, "a GLV half is below 2^128 by construction")
        return (negative, UInt128(m.w1) << 64 | UInt128(m.w0))
    }

    /// A field element known to be ±m with m < 2^128, as (negative, m).
    @inlinable
    static func signed(_ value: Field) -> (Bool, UInt128) {
        let v = value.canonical
        if v.w2 == 0 && v.w3 == 0 { return (false, UInt128(v.w1) << 64 | UInt128(v.w0)) }
        let m = Field.modulus.subtractingReportingOverflow(v).partialValue
        precondition(m.w2 == 0 && m.w3 == 0, "a GLV half is below 2^128 by construction")
        return (true, UInt128(m.w1) << 64 | UInt128(m.w0))
    }
}

extension UInt256 {
    /// Bits 256…511 of the 512-bit product, for the GLV rounding (once per
    /// scalar multiplication, so schoolbook on locals, no arrays).
    ///
    /// - Parameter other: the other factor.
    /// - Returns: ⌊self·other / 2^256⌋.
    @inlinable
    public func multipliedHigh(by other: UInt256) -> UInt256 {
        // Row i adds self.w_i · other into words i … i+4 of the product.
        var p0: UInt64 = 0, p1: UInt64 = 0, p2: UInt64 = 0, p3: UInt64 = 0
        var p4: UInt64 = 0, p5: UInt64 = 0, p6: UInt64 = 0, p7: UInt64 = 0
        var carry: UInt64
        (carry, p0) = multiplyAdd(w0, other.w0, p0, 0)
        (carry, p1) = multiplyAdd(w0, other.w1, p1, carry)
        (carry, p2) = multiplyAdd(w0, other.w2, p2, carry)
        (p4, p3) = multiplyAdd(w0, other.w3, p3, carry)
        (carry, p1) = multiplyAdd(w1, other.w0, p1, 0)
        (carry, p2) = multiplyAdd(w1, other.w1, p2, carry)
        (carry, p3) = multiplyAdd(w1, other.w2, p3, carry)
        (p5, p4) = multiplyAdd(w1, other.w3, p4, carry)
        (carry, p2) = multiplyAdd(w2, other.w0, p2, 0)
        (carry, p3) = multiplyAdd(w2, other.w1, p3, carry)
        (carry, p4) = multiplyAdd(w2, other.w2, p4, carry)
        (p6, p5) = multiplyAdd(w2, other.w3, p5, carry)
        (carry, p3) = multiplyAdd(w3, other.w0, p3, 0)
        (carry, p4) = multiplyAdd(w3, other.w1, p4, carry)
        (carry, p5) = multiplyAdd(w3, other.w2, p5, carry)
        (p7, p6) = multiplyAdd(w3, other.w3, p6, carry)
        _ = (p0, p1, p2)
        return UInt256(p4, p5, p6, p7)
    }
}
