/// A 256-bit unsigned integer, four 64-bit words, least significant first.
///
/// Field elements keep their values in Montgomery form; this type is what they
/// convert to and from when a value has to be seen as an ordinary integer:
/// encodings, comparisons that arkworks makes on canonical values, decimal
/// text in o1js's JSON, and exponents.
public struct UInt256: Sendable, Hashable {
    /// The least significant word.
    public var w0: UInt64
    /// The second word.
    public var w1: UInt64
    /// The third word.
    public var w2: UInt64
    /// The most significant word.
    public var w3: UInt64

    /// Creates an integer from its words, least significant first.
    ///
    /// - Parameters:
    ///   - w0: bits 0 to 63.
    ///   - w1: bits 64 to 127.
    ///   - w2: bits 128 to 191.
    ///   - w3: bits 192 to 255.
    @inlinable @inline(__always)
    public init(_ w0: UInt64, _ w1: UInt64, _ w2: UInt64, _ w3: UInt64) {
        self.w0 = w0
        self.w1 = w1
        self.w2 = w2
        self.w3 = w3
    }

    /// Creates an integer equal to a single word.
    ///
    /// - Parameter value: the value.
    @inlinable
    public init(_ value: UInt64) {
        self.init(value, 0, 0, 0)
    }

    /// Zero.
    ///
    /// Computed, not stored: a stored static is a lazily initialized global
    /// the optimizer cannot see through, and every Montgomery multiplication
    /// starts its accumulator from this value, so a stored one cost each
    /// multiplication a guarded load and four additions of words it could
    /// not prove zero.
    @inlinable @inline(__always)
    public static var zero: UInt256 { UInt256(0, 0, 0, 0) }

    /// Whether the value is zero.
    @inlinable
    public var isZero: Bool { (w0 | w1 | w2 | w3) == 0 }

    /// The number of bits needed to write the value (0 for zero).
    @inlinable
    public var bitWidth: Int {
        if w3 != 0 { return 256 - w3.leadingZeroBitCount }
        if w2 != 0 { return 192 - w2.leadingZeroBitCount }
        if w1 != 0 { return 128 - w1.leadingZeroBitCount }
        return 64 - w0.leadingZeroBitCount
    }

    /// The word at a position, least significant first.
    ///
    /// - Parameter index: 0 to 3.
    @inlinable
    public subscript(word index: Int) -> UInt64 {
        switch index {
        case 0: return w0
        case 1: return w1
        case 2: return w2
        default: return w3
        }
    }

    /// Bit `index` of the value, counting from the least significant.
    ///
    /// - Parameter index: 0 to 255.
    /// - Returns: whether that bit is set.
    @inlinable
    public func bit(_ index: Int) -> Bool {
        (self[word: index >> 6] >> UInt64(index & 63)) & 1 == 1
    }

    /// `count` bits starting at bit `start`, as a small integer.
    ///
    /// - Parameters:
    ///   - start: 0 to 255.
    ///   - count: 1 to 63, with start + count ≤ 256.
    /// - Returns: bits start…start + count − 1, bit `start` lowest.
    @inlinable
    public func bits(from start: Int, count: Int) -> Int {
        let word = start >> 6, offset = UInt64(start & 63)
        var value = self[word: word] >> offset
        if offset + UInt64(count) > 64 && word < 3 { value |= self[word: word + 1] << (64 - offset) }
        return Int(truncatingIfNeeded: value & ((1 << UInt64(count)) - 1))
    }

    /// Adds, reporting whether the sum overflowed 256 bits.
    @inlinable @inline(__always)
    public func addingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        // Carries ride in the top half of a UInt128 sum: no branches and no
        // `b ? 1 : 0`, which the optimizer does not always turn into adc.
        var sum = UInt128(w0) &+ UInt128(other.w0)
        let r0 = UInt64(truncatingIfNeeded: sum)
        sum = UInt128(w1) &+ UInt128(other.w1) &+ (sum >> 64)
        let r1 = UInt64(truncatingIfNeeded: sum)
        sum = UInt128(w2) &+ UInt128(other.w2) &+ (sum >> 64)
        let r2 = UInt64(truncatingIfNeeded: sum)
        sum = UInt128(w3) &+ UInt128(other.w3) &+ (sum >> 64)
        return (UInt256(r0, r1, r2, UInt64(truncatingIfNeeded: sum)), sum >> 64 != 0)
    }

    /// Subtracts, reporting whether the difference borrowed past zero.
    @inlinable @inline(__always)
    public func subtractingReportingOverflow(_ other: UInt256) -> (partialValue: UInt256, overflow: Bool) {
        // A borrow shows as the top half of the UInt128 difference wrapping
        // to all ones; `& 1` takes it as 0 or 1.
        var difference = UInt128(w0) &- UInt128(other.w0)
        let r0 = UInt64(truncatingIfNeeded: difference)
        difference = UInt128(w1) &- UInt128(other.w1) &- ((difference >> 64) & 1)
        let r1 = UInt64(truncatingIfNeeded: difference)
        difference = UInt128(w2) &- UInt128(other.w2) &- ((difference >> 64) & 1)
        let r2 = UInt64(truncatingIfNeeded: difference)
        difference = UInt128(w3) &- UInt128(other.w3) &- ((difference >> 64) & 1)
        return (UInt256(r0, r1, r2, UInt64(truncatingIfNeeded: difference)), (difference >> 64) & 1 != 0)
    }

    /// The value shifted right by one bit.
    @inlinable
    public var halved: UInt256 {
        UInt256(
            (w0 >> 1) | (w1 << 63),
            (w1 >> 1) | (w2 << 63),
            (w2 >> 1) | (w3 << 63),
            w3 >> 1
        )
    }

    /// Multiplies by a word and adds a word, reporting the word that overflowed.
    ///
    /// - Parameters:
    ///   - factor: the multiplier.
    ///   - addend: added after the multiplication.
    /// - Returns: the low 256 bits and the overflow word.
    @inlinable
    public func multipliedFullWidth(by factor: UInt64, adding addend: UInt64) -> (high: UInt64, low: UInt256) {
        var carry = addend
        var out = UInt256.zero
        for i in 0..<4 {
            let product = UInt128(self[word: i]) &* UInt128(factor) &+ UInt128(carry)
            let low = UInt64(truncatingIfNeeded: product)
            switch i {
            case 0: out.w0 = low
            case 1: out.w1 = low
            case 2: out.w2 = low
            default: out.w3 = low
            }
            carry = UInt64(truncatingIfNeeded: product >> 64)
        }
        return (carry, out)
    }

    /// Divides by a nonzero word.
    ///
    /// - Parameter divisor: the divisor; must not be zero.
    /// - Returns: the quotient and the remainder.
    @inlinable
    public func quotientAndRemainder(dividingBy divisor: UInt64) -> (quotient: UInt256, remainder: UInt64) {
        precondition(divisor != 0, "division by zero")
        var remainder: UInt64 = 0
        var q3: UInt64 = 0, q2: UInt64 = 0, q1: UInt64 = 0, q0: UInt64 = 0
        (q3, remainder) = divisor.dividingFullWidth((remainder, w3))
        (q2, remainder) = divisor.dividingFullWidth((remainder, w2))
        (q1, remainder) = divisor.dividingFullWidth((remainder, w1))
        (q0, remainder) = divisor.dividingFullWidth((remainder, w0))
        return (UInt256(q0, q1, q2, q3), remainder)
    }
}

extension UInt256: Comparable {
    /// Orders values as unsigned integers.
    @inlinable
    public static func < (lhs: UInt256, rhs: UInt256) -> Bool {
        if lhs.w3 != rhs.w3 { return lhs.w3 < rhs.w3 }
        if lhs.w2 != rhs.w2 { return lhs.w2 < rhs.w2 }
        if lhs.w1 != rhs.w1 { return lhs.w1 < rhs.w1 }
        return lhs.w0 < rhs.w0
    }
}

extension UInt256 {
    /// Reads 32 little-endian bytes.
    ///
    /// - Parameter bytes: exactly 32 bytes, least significant first.
    /// - Returns: the integer, or nil when there are not exactly 32 bytes.
    public init?(littleEndianBytes bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        var words: [UInt64] = [0, 0, 0, 0]
        for (i, byte) in bytes.enumerated() {
            words[i >> 3] |= UInt64(byte) << UInt64(8 * (i & 7))
        }
        self.init(words[0], words[1], words[2], words[3])
    }

    /// The value as 32 little-endian bytes.
    public var littleEndianBytes: [UInt8] {
        var out = [UInt8]()
        out.reserveCapacity(32)
        for i in 0..<4 {
            let word = self[word: i]
            for j in 0..<8 {
                out.append(UInt8(truncatingIfNeeded: word >> UInt64(8 * j)))
            }
        }
        return out
    }

    /// Reads a decimal numeral: ASCII digits only, no sign, no spaces.
    ///
    /// - Parameter text: the numeral.
    /// - Returns: the value, or nil when the text is empty, holds anything but
    ///   digits, or names a value of 2^256 or more.
    public init?(decimal text: some StringProtocol) {
        guard !text.isEmpty else { return nil }
        var value = UInt256.zero
        for byte in text.utf8 {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            let (high, low) = value.multipliedFullWidth(by: 10, adding: UInt64(byte - 0x30))
            guard high == 0 else { return nil }
            value = low
        }
        self = value
    }

    /// Reads a hexadecimal numeral, with or without a `0x` prefix.
    ///
    /// - Parameter text: the numeral.
    /// - Returns: the value, or nil when the text is not hexadecimal or is too large.
    public init?(hex text: some StringProtocol) {
        var digits = Substring(text)
        if digits.hasPrefix("0x") { digits = digits.dropFirst(2) }
        guard !digits.isEmpty else { return nil }
        var value = UInt256.zero
        for character in digits {
            guard let digit = character.hexDigitValue else { return nil }
            let (high, low) = value.multipliedFullWidth(by: 16, adding: UInt64(digit))
            guard high == 0 else { return nil }
            value = low
        }
        self = value
    }

    /// The value as a decimal numeral.
    public var decimalString: String {
        if isZero { return "0" }
        var digits = [UInt8]()
        var rest = self
        while !rest.isZero {
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: 10)
            digits.append(UInt8(remainder) + 0x30)
            rest = quotient
        }
        return String(decoding: digits.reversed(), as: UTF8.self)
    }

    /// The value as a 64-digit hexadecimal numeral with a `0x` prefix.
    public var hexString: String {
        let hex = (0..<4).reversed().map { i -> String in
            let digits = String(self[word: i], radix: 16)
            return String(repeating: "0", count: 16 - digits.count) + digits
        }
        return "0x" + hex.joined()
    }
}

extension UInt256: CustomStringConvertible {
    /// The decimal numeral.
    public var description: String { decimalString }
}
