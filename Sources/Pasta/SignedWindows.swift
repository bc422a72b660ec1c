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
        let mask = (1 << c) - 1
        let half = 1 << (c - 1)
        var carry = 0
        // Shifted down by c each window: a fixed shift of a 128-bit value is
        // two word shifts, where one by window · c was a branchy general shift.
        var remaining = magnitude
        for window in 0..<count(windowBits: c) {
            let chunk = Int(truncatingIfNeeded: UInt64(truncatingIfNeeded: remaining)) & mask
            remaining >>= UInt128(c)
            var digit = chunk + carry
            if digit > half {
                digit -= 1 << c
                carry = 1
            } else {
                carry = 0
            }
            body(window, digit)
        }
        precondition(carry == 0, "the windows cover 128 bits with room for the last carry")
    }
}
