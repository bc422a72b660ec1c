/// Signed base-2^c digits of a 128-bit magnitude (a GLV half): the recoding
/// that batch scalar multiplication and Pippenger's buckets both read.
///
/// A window whose value exceeds 2^(c−1) borrows one from the next window
/// and becomes negative, so every digit lies in [−2^(c−1), 2^(c−1)] and a
/// table (or a set of buckets) of 2^(c−1) multiples serves them all: a
/// negative digit uses the negated point, which costs nothing.
public enum SignedWindows {
    /// How many windows hold the digits of any 128-bit magnitude, the last
    /// carry included: (128 + c) / c covers at least 129 bits, so the top
    /// window's chunk stays below 2^(c−1) and absorbs a carry.
    ///
    /// - Parameter c: the window width in bits, 2 to 16.
    @inlinable
    public static func count(windowBits c: Int) -> Int { (128 + c) / c }

    /// Calls `body(window, digit)` for every window, least significant first.
    ///
    /// - Parameters:
    ///   - magnitude: the value to recode.
    ///   - c: the window width in bits, 2 to 16.
    ///   - body: receives each window's index and its digit.
    @inlinable @inline(__always)
    public static func forEach(of magnitude: UInt128, windowBits c: Int, _ body: (_ window: Int, _ digit: Int) -> Void) {
        precondition(c >= 2 && c <= 16, "windows of 2 to 16 bits")
        let mask = UInt64(1) << c - 1
        let half = 1 << (c - 1)
        var carry = 0
        // The magnitude as two words shifted down by c each window: a shift
        // by a width known to be below 64 needs no test for crossing a word,
        // where a UInt128 shift by a variable amount branched on it. The
        // borrow is branch-free too: digits are as often above half as not,
        // and a branch on it mispredicted every other window (the recoding
        // was most of the MSM's preparation in perf).
        var low = UInt64(truncatingIfNeeded: magnitude), high = UInt64(truncatingIfNeeded: magnitude >> 64)
        let complement = UInt64(64 - c)
        for window in 0..<count(windowBits: c) {
            var digit = Int(low & mask) + carry
            low = low &>> UInt64(c) | high &<< complement
            high &>>= UInt64(c)
            carry = (half &- digit) >> (Int.bitWidth - 1) & 1  // 1 exactly when digit > half
            digit -= carry << c
            body(window, digit)
        }
        precondition(carry == 0, "the windows cover 128 bits with room for the last carry")
    }
}
