/// Montgomery squaring: a²·2^−256 mod p, with the six cross products
/// a_i·a_j (i < j) computed once and doubled, then a separate word-by-word
/// reduction (SOS). Ten 64×64 products for the square instead of sixteen.
///
/// Valid for a < p with p below 2^255 (both Pasta moduli are): a² < p², so
/// the reduced value is below 2p and fits four words before the last
/// conditional subtraction.
@inlinable @inline(__always)
func montgomerySquare(_ a: UInt256, _ p: UInt256, _ inv: UInt64) -> UInt256 {
    // Cross products, each once.
    var c: UInt64
    var r1: UInt64, r2: UInt64, r3: UInt64, r4: UInt64, r5: UInt64, r6: UInt64
    (c, r1) = multiplyAdd(a.w0, a.w1, 0, 0)
    (c, r2) = multiplyAdd(a.w0, a.w2, 0, c)
    (c, r3) = multiplyAdd(a.w0, a.w3, 0, c)
    r4 = c
    (c, r3) = multiplyAdd(a.w1, a.w2, r3, 0)
    (c, r4) = multiplyAdd(a.w1, a.w3, r4, c)
    r5 = c
    (c, r5) = multiplyAdd(a.w2, a.w3, r5, 0)
    r6 = c
    // Doubled.
    var r7 = r6 >> 63
    r6 = r6 << 1 | r5 >> 63
    r5 = r5 << 1 | r4 >> 63
    r4 = r4 << 1 | r3 >> 63
    r3 = r3 << 1 | r2 >> 63
    r2 = r2 << 1 | r1 >> 63
    r1 <<= 1
    // Plus the squares on the diagonal.
    var r0: UInt64
    let d0 = UInt128(a.w0) &* UInt128(a.w0), d1 = UInt128(a.w1) &* UInt128(a.w1)
    let d2 = UInt128(a.w2) &* UInt128(a.w2), d3 = UInt128(a.w3) &* UInt128(a.w3)
    r0 = UInt64(truncatingIfNeeded: d0)
    var sum = UInt128(r1) &+ (d0 >> 64)
    r1 = UInt64(truncatingIfNeeded: sum)
    sum = UInt128(r2) &+ (d1 & UInt128(UInt64.max)) &+ (sum >> 64)
    r2 = UInt64(truncatingIfNeeded: sum)
    sum = UInt128(r3) &+ (d1 >> 64) &+ (sum >> 64)
    r3 = UInt64(truncatingIfNeeded: sum)
    sum = UInt128(r4) &+ (d2 & UInt128(UInt64.max)) &+ (sum >> 64)
    r4 = UInt64(truncatingIfNeeded: sum)
    sum = UInt128(r5) &+ (d2 >> 64) &+ (sum >> 64)
    r5 = UInt64(truncatingIfNeeded: sum)
    sum = UInt128(r6) &+ (d3 & UInt128(UInt64.max)) &+ (sum >> 64)
    r6 = UInt64(truncatingIfNeeded: sum)
    sum = UInt128(r7) &+ (d3 >> 64) &+ (sum >> 64)
    r7 = UInt64(truncatingIfNeeded: sum)
    // Four reduction rounds, each clearing the lowest word.
    var extra: UInt64 = 0
    montgomeryReduceStep(r0, &r1, &r2, &r3, &r4, &extra, p, inv)
    montgomeryReduceStep(r1, &r2, &r3, &r4, &r5, &extra, p, inv)
    montgomeryReduceStep(r2, &r3, &r4, &r5, &r6, &extra, p, inv)
    montgomeryReduceStep(r3, &r4, &r5, &r6, &r7, &extra, p, inv)
    return reduceOnce(UInt256(r4, r5, r6, r7), p)
}

/// Adds m·p to the five words x0 … x4 with m chosen to clear x0, carrying
/// the previous step's overflow in and this step's out through `extra`.
@inlinable @inline(__always)
func montgomeryReduceStep(
    _ x0: UInt64, _ x1: inout UInt64, _ x2: inout UInt64, _ x3: inout UInt64, _ x4: inout UInt64,
    _ extra: inout UInt64, _ p: UInt256, _ inv: UInt64
) {
    let m = x0 &* inv
    var c = multiplyAdd(m, p.w0, x0, 0).high
    (c, x1) = multiplyAdd(m, p.w1, x1, c)
    (c, x2) = multiplyAdd(m, p.w2, x2, c)
    (c, x3) = multiplyAdd(m, p.w3, x3, c)
    let sum = UInt128(x4) &+ UInt128(c) &+ UInt128(extra)
    x4 = UInt64(truncatingIfNeeded: sum)
    extra = UInt64(truncatingIfNeeded: sum >> 64)
}
