import Pasta
import PropertyBased
import Testing

/// The signed-window recoding that scalar multiplication and Pippenger's
/// buckets read, at every width it allows.
@Suite("Signed windows")
struct SignedWindowsTests {
    /// Σ dᵢ·2^(c·i) from the digits, exactly (as a 256-bit two's
    /// complement value in two halves, so a wrong top digit cannot vanish
    /// modulo 2^128), and whether every digit lies in [−2^(c−1), 2^(c−1)]
    /// with one digit per window.
    static func recombine(_ magnitude: UInt128, windowBits c: Int) -> (value: UInt128, overflow: UInt128, inRange: Bool) {
        var digits = [Int]()
        SignedWindows.forEach(of: magnitude, windowBits: c) { window, digit in
            #expect(window == digits.count, "windows in order")
            digits.append(digit)
        }
        var high: UInt128 = 0, low: UInt128 = 0
        for digit in digits.reversed() {
            high = high &<< UInt128(c) | low &>> UInt128(128 - c)
            low = low &<< UInt128(c)
            if digit < 0 {
                let (difference, borrow) = low.subtractingReportingOverflow(UInt128(-digit))
                low = difference
                if borrow { high = high &- 1 }
            } else {
                let (sum, carry) = low.addingReportingOverflow(UInt128(digit))
                low = sum
                if carry { high = high &+ 1 }
            }
        }
        let inRange = digits.count == SignedWindows.count(windowBits: c) && digits.allSatisfy { abs($0) <= 1 << (c - 1) }
        return (low, high, inRange)
    }

    @Test("digits recombine to the magnitude and stay within half a window, widths 2 to 16: edges and random magnitudes")
    func recoding() async {
        let edges: [UInt128] = [0, 1, 2, 3, 0x7fff, 0x8000, 0x8001, 0xffff, .max, .max - 1, UInt128(1) << 127, (UInt128(1) << 127) - 1, UInt128(UInt64.max)]
        for c in 2...16 {
            // Every digit at its extremes: all ones, and exactly half in each window.
            var halves: UInt128 = 0
            for window in 0..<(128 / c) { halves |= UInt128(1 << (c - 1)) << UInt128(window * c) }
            for magnitude in edges + [halves, halves &+ 1] {
                let (value, overflow, inRange) = Self.recombine(magnitude, windowBits: c)
                #expect(value == magnitude && overflow == 0, "c = \(c), \(magnitude)")
                #expect(inRange, "c = \(c), \(magnitude)")
            }
        }
        await propertyCheck(count: 40, input: Gen.uint64(), Gen.uint64(), Gen.int(in: 2...16)) { high, low, c in
            let magnitude = UInt128(high) << 64 | UInt128(low)
            let (value, overflow, inRange) = Self.recombine(magnitude, windowBits: c)
            #expect(value == magnitude && overflow == 0, "c = \(c)")
            #expect(inRange, "c = \(c)")
        }
    }
}
