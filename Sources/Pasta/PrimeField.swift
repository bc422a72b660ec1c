/// An element of one of the two Pasta prime fields, kept in Montgomery form.
///
/// `Fp` and `Fq` conform; everything else (arithmetic, square roots,
/// encodings) is written once in extensions of this protocol and specialized
/// for each field by the compiler, so an element is four words on the stack
/// and no operation allocates.
///
/// A conforming type supplies only its constants. They are computed
/// properties returning literals rather than stored statics, so the hot paths
/// never pay for lazy global initialization.
public protocol PrimeField: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The element's value times 2^256, reduced modulo the field's prime.
    ///
    /// Always fully reduced, so two elements are equal exactly when these are.
    var montgomeryValue: UInt256 { get }

    /// Wraps a value that is already in Montgomery form and below the modulus.
    ///
    /// - Parameter montgomeryValue: a·2^256 mod p for the element a.
    init(montgomeryValue: UInt256)

    /// The prime p.
    static var modulus: UInt256 { get }
    /// 2^256 mod p: the Montgomery form of one.
    static var montgomeryOne: UInt256 { get }
    /// 2^512 mod p: multiplying by it moves a canonical value into Montgomery form.
    static var montgomeryRSquared: UInt256 { get }
    /// −p⁻¹ mod 2^64, the reduction constant.
    static var montgomeryInverse: UInt64 { get }
    /// s in p − 1 = 2^s · t with t odd.
    static var twoAdicity: Int { get }
    /// (t − 1) / 2, the exponent ark-ff's Tonelli–Shanks starts from.
    static var traceMinusOneOverTwo: UInt256 { get }
    /// 5^t in Montgomery form: the generator raised to the odd part of p − 1.
    /// It is a primitive 2^s-th root of unity and the `z` that Tonelli–Shanks starts with.
    static var generatorToTrace: UInt256 { get }
    /// (p − 1) / 2, the Legendre symbol's exponent.
    static var modulusMinusOneOverTwo: UInt256 { get }
    /// A short name for messages: "Fp" or "Fq".
    static var name: String { get }
    /// The tables `squareRoot` reads discrete logarithms from; built once
    /// per field, on first use.
    static var twoAdicDiscreteLog: TwoAdicDiscreteLog<Self> { get }
}

extension PrimeField {
    /// The additive identity.
    @inlinable
    public static var zero: Self { Self(montgomeryValue: .zero) }

    /// The multiplicative identity.
    @inlinable
    public static var one: Self { Self(montgomeryValue: montgomeryOne) }

    /// The multiplicative generator 5 that arkworks declares for both fields.
    @inlinable
    public static var generator: Self { Self(5) }

    /// Whether this is zero.
    @inlinable
    public var isZero: Bool { montgomeryValue.isZero }

    /// Whether this is one.
    @inlinable
    public var isOne: Bool { montgomeryValue == Self.montgomeryOne }

    /// Creates the element equal to a small integer.
    ///
    /// - Parameter value: any 64-bit value; it is below both moduli.
    @inlinable
    public init(_ value: UInt64) {
        self.init(montgomeryValue: montgomeryMultiply(UInt256(value), Self.montgomeryRSquared, Self.modulus, Self.montgomeryInverse))
    }

    /// Creates the element with a canonical value.
    ///
    /// - Parameter canonical: the integer, which must be below the modulus.
    /// - Returns: nil when `canonical` is not below the modulus.
    @inlinable
    public init?(canonical: UInt256) {
        guard canonical < Self.modulus else { return nil }
        self.init(montgomeryValue: montgomeryMultiply(canonical, Self.montgomeryRSquared, Self.modulus, Self.montgomeryInverse))
    }

    /// Creates the element congruent to any 256-bit integer.
    ///
    /// Both moduli exceed 2^254, so at most three subtractions reduce any value.
    ///
    /// - Parameter value: the integer to reduce modulo p.
    @inlinable
    public init(reducing value: UInt256) {
        var v = value
        while v >= Self.modulus {
            v = v.subtractingReportingOverflow(Self.modulus).partialValue
        }
        self.init(canonical: v)!
    }

    /// The element's value as an integer below the modulus.
    @inlinable
    public var canonical: UInt256 {
        montgomeryMultiply(montgomeryValue, UInt256(1), Self.modulus, Self.montgomeryInverse)
    }

    /// The canonical value in decimal.
    public var description: String { canonical.decimalString }

    /// Orders elements by their canonical values, as arkworks does; the sign
    /// flag of a compressed point depends on this order.
    @inlinable
    public static func < (lhs: Self, rhs: Self) -> Bool {
        lhs.canonical < rhs.canonical
    }

    /// Compares elements.
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.montgomeryValue == rhs.montgomeryValue
    }

    /// Hashes the element.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(montgomeryValue)
    }
}

// MARK: - Arithmetic

extension PrimeField {
    /// The sum modulo p.
    @inlinable @inline(__always)
    public static func + (lhs: Self, rhs: Self) -> Self {
        // Both are below p < 2^255, so the sum fits in 256 bits.
        let sum = lhs.montgomeryValue.addingReportingOverflow(rhs.montgomeryValue).partialValue
        return Self(montgomeryValue: reduceOnce(sum, modulus))
    }

    /// The difference modulo p.
    @inlinable @inline(__always)
    public static func - (lhs: Self, rhs: Self) -> Self {
        // Adds back p masked by the borrow rather than branching on it: in
        // point arithmetic the borrow is a coin flip, and a mispredicted
        // branch costs more than the four ands and the addition.
        let (difference, borrow) = lhs.montgomeryValue.subtractingReportingOverflow(rhs.montgomeryValue)
        let mask = 0 &- UInt64(borrow ? 1 : 0)
        let p = modulus
        let correction = UInt256(p.w0 & mask, p.w1 & mask, p.w2 & mask, p.w3 & mask)
        return Self(montgomeryValue: difference.addingReportingOverflow(correction).partialValue)
    }

    /// The additive inverse.
    @inlinable @inline(__always)
    public static prefix func - (value: Self) -> Self {
        if value.isZero { return value }
        return Self(montgomeryValue: modulus.subtractingReportingOverflow(value.montgomeryValue).partialValue)
    }

    /// The additive inverse when `condition` holds, else the value itself.
    ///
    /// Selects with a mask rather than a branch: batched scalar
    /// multiplication negates table entries by the sign of a signed digit,
    /// a coin flip that a branch would mispredict half the time.
    ///
    /// - Parameter condition: whether to negate.
    /// - Returns: −self or self.
    @inlinable @inline(__always)
    public func negated(if condition: Bool) -> Self {
        let value = montgomeryValue
        let negation = Self.modulus.subtractingReportingOverflow(value).partialValue
        // Zero must stay zero (p − 0 = p is not reduced).
        let nonzero = UInt64((value.w0 | value.w1 | value.w2 | value.w3) != 0 ? 1 : 0)
        let take = 0 &- (UInt64(condition ? 1 : 0) & nonzero)
        return Self(montgomeryValue: UInt256(
            (negation.w0 & take) | (value.w0 & ~take), (negation.w1 & take) | (value.w1 & ~take),
            (negation.w2 & take) | (value.w2 & ~take), (negation.w3 & take) | (value.w3 & ~take)
        ))
    }

    /// The product modulo p.
    @inlinable @inline(__always)
    public static func * (lhs: Self, rhs: Self) -> Self {
        Self(montgomeryValue: montgomeryMultiply(lhs.montgomeryValue, rhs.montgomeryValue, modulus, montgomeryInverse))
    }

    /// Adds in place.
    @inlinable @inline(__always)
    public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }

    /// Subtracts in place.
    @inlinable @inline(__always)
    public static func -= (lhs: inout Self, rhs: Self) { lhs = lhs - rhs }

    /// Multiplies in place.
    @inlinable @inline(__always)
    public static func *= (lhs: inout Self, rhs: Self) { lhs = lhs * rhs }

    /// The element times two.
    @inlinable @inline(__always)
    public var doubled: Self { self + self }

    /// The element divided by two, without a multiplication: the Montgomery
    /// form of a/2 is the Montgomery form of a halved modulo p, which is
    /// v/2 for even v and (v + p)/2 for odd v. A batch-affine doubling uses
    /// it to fold the tangent's factor 1/2 into 3x², so its shared inversion
    /// runs over y rather than 2y. Valid for moduli below 2^255 (v + p must
    /// fit in 256 bits), as both Pasta fields are.
    @inlinable @inline(__always)
    public var halved: Self {
        let v = montgomeryValue, p = Self.modulus
        let odd = 0 &- (v.w0 & 1)
        let s = v.addingReportingOverflow(UInt256(p.w0 & odd, p.w1 & odd, p.w2 & odd, p.w3 & odd)).partialValue
        return Self(montgomeryValue: UInt256(
            s.w0 >> 1 | s.w1 << 63, s.w1 >> 1 | s.w2 << 63, s.w2 >> 1 | s.w3 << 63, s.w3 >> 1
        ))
    }

    /// The element squared, by the dedicated Montgomery squaring (ten
    /// word products instead of sixteen): square roots, inversions and point
    /// doublings are mostly squarings.
    @inlinable @inline(__always)
    public var squared: Self {
        Self(montgomeryValue: montgomerySquare(montgomeryValue, Self.modulus, Self.montgomeryInverse))
    }

    /// The element raised to a power given as an integer.
    ///
    /// - Parameter exponent: any 256-bit integer; 0 gives one.
    /// - Returns: self^exponent.
    @inlinable
    @_specialize(where Self == Fp)
    @_specialize(where Self == Fq)
    public func power(_ exponent: UInt256) -> Self {
        // Sliding windows of up to 5 bits over odd digits: one multiplication
        // per window of about 6 bits (runs of zeros cost squarings only),
        // after a table of the 16 odd powers self^1 … self^31. For the
        // square root's 222-bit exponent that is about 37 multiplications
        // plus 16 for the table, where fixed 4-bit windows took about 67.
        // Every inversion, Legendre fallback and square root comes here.
        let bits = exponent.bitWidth
        if bits <= 16 { return powerBitByBit(exponent) }
        var oddPowers = InlineArray<16, Self>(repeating: self)
        let square = self.squared
        for i in 1..<16 { oddPowers[i] = oddPowers[i - 1] * square }
        var result = Self.one
        var started = false
        var top = bits - 1
        while top >= 0 {
            if !exponent.bit(top) {
                result = result.squared
                top -= 1
                continue
            }
            // The window ends at the lowest set bit among the next five.
            var bottom = Swift.max(top - 4, 0)
            while !exponent.bit(bottom) { bottom += 1 }
            let width = top - bottom + 1
            let digit = exponent.bits(from: bottom, count: width)  // odd, below 32
            if started {
                for _ in 0..<width { result = result.squared }
                result *= oddPowers[digit >> 1]
            } else {
                result = oddPowers[digit >> 1]
                started = true
            }
            top = bottom - 1
        }
        return result
    }

    /// self^exponent bit by bit, for short exponents where a window table
    /// costs more than it saves.
    @inlinable
    func powerBitByBit(_ exponent: UInt256) -> Self {
        var result = Self.one
        var i = exponent.bitWidth - 1
        while i >= 0 {
            result = result.squared
            if exponent.bit(i) { result *= self }
            i -= 1
        }
        return result
    }

    /// The multiplicative inverse, by divsteps (`InverseDivsteps`): about
    /// a sixth of Fermat's exponentiation, and every batch-affine round
    /// pays one.
    ///
    /// The stored value is a·R (R = 2^256), whose integer inverse is
    /// 1/(a·R); one Montgomery multiplication by R³ turns that into
    /// (1/a)·R.
    ///
    /// - Returns: nil for zero, which has none.
    @inlinable
    public var inverse: Self? {
        if isZero { return nil }
        guard let integer = InverseDivsteps.inverse(
            of: montgomeryValue, modulus: Self.modulus, modulusInverse: 0 &- Self.montgomeryInverse)
        else { return inverseByFermat }  // not reached for 255-bit moduli; kept total
        let rSquared = Self.montgomeryRSquared, p = Self.modulus, m = Self.montgomeryInverse
        let rCubed = montgomeryMultiply(rSquared, rSquared, p, m)
        return Self(montgomeryValue: montgomeryMultiply(integer, rCubed, p, m))
    }

    /// The multiplicative inverse by Fermat's little theorem, a^(p−2): the
    /// plain reference `inverse` is tested against.
    ///
    /// - Returns: nil for zero, which has none.
    @inlinable
    public var inverseByFermat: Self? {
        if isZero { return nil }
        return power(Self.modulus.subtractingReportingOverflow(UInt256(2)).partialValue)
    }
}

/// Subtracts the modulus once when the value is not below it.
@inlinable @inline(__always)
func reduceOnce(_ value: UInt256, _ modulus: UInt256) -> UInt256 {
    let (reduced, borrow) = value.subtractingReportingOverflow(modulus)
    // A mask instead of a branch: which of the two is kept depends on the
    // data, and a mispredicted branch costs more than four ands.
    let keep = 0 &- UInt64(borrow ? 1 : 0)
    return UInt256(
        (value.w0 & keep) | (reduced.w0 & ~keep), (value.w1 & keep) | (reduced.w1 & ~keep),
        (value.w2 & keep) | (reduced.w2 & ~keep), (value.w3 & keep) | (reduced.w3 & ~keep)
    )
}

/// a·b + c + d as a 128-bit result split into words; it cannot overflow.
@inlinable @inline(__always)
func multiplyAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (high: UInt64, low: UInt64) {
    // The product of two zero-extended words is one 64×64→128 instruction
    // to LLVM, and written this way the whole expression stays one 128-bit
    // value it allocates registers for as C's unsigned __int128 does; going
    // through multipliedFullWidth's (high, low) pair cost 10–15% per
    // Montgomery multiplication (fp-mul, A/B of two builds).
    let sum = UInt128(a) &* UInt128(b) &+ UInt128(c) &+ UInt128(d)
    return (UInt64(truncatingIfNeeded: sum >> 64), UInt64(truncatingIfNeeded: sum))
}

/// Montgomery multiplication: a·b·2^−256 mod p for a, b < p.
///
/// This is the "no-carry" CIOS form: with p's top word below 2^63 − 1 (both
/// Pasta moduli start 0x4000…), the running value never needs a fifth word.
@inlinable @inline(__always)
func montgomeryMultiply(_ a: UInt256, _ b: UInt256, _ p: UInt256, _ inv: UInt64) -> UInt256 {
    var t = UInt256.zero
    montgomeryRound(&t, a, b.w0, p, inv)
    montgomeryRound(&t, a, b.w1, p, inv)
    montgomeryRound(&t, a, b.w2, p, inv)
    montgomeryRound(&t, a, b.w3, p, inv)
    return reduceOnce(t, p)
}

/// One outer iteration of no-carry CIOS: t ← (t + a·bᵢ + m·p) / 2^64.
@inlinable @inline(__always)
func montgomeryRound(_ t: inout UInt256, _ a: UInt256, _ bi: UInt64, _ p: UInt256, _ inv: UInt64) {
    var carryA: UInt64, carryM: UInt64, low: UInt64
    (carryA, low) = multiplyAdd(a.w0, bi, t.w0, 0)
    let m = low &* inv
    carryM = multiplyAdd(m, p.w0, low, 0).high
    (carryA, low) = multiplyAdd(a.w1, bi, t.w1, carryA)
    (carryM, t.w0) = multiplyAdd(m, p.w1, low, carryM)
    (carryA, low) = multiplyAdd(a.w2, bi, t.w2, carryA)
    (carryM, t.w1) = multiplyAdd(m, p.w2, low, carryM)
    (carryA, low) = multiplyAdd(a.w3, bi, t.w3, carryA)
    (carryM, t.w2) = multiplyAdd(m, p.w3, low, carryM)
    t.w3 = carryM &+ carryA
}
