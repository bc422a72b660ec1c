extension BatchAffine {
    /// The width of the signed windows over each 128-bit GLV half: digits in
    /// [−16, 16], so a table of sixteen multiples and 26 windows, about 52
    /// additions and 128 doublings per point.
    @usableFromInline
    static var windowBits: Int { 5 }

    /// [kᵢ]Pᵢ for every i: many independent scalar multiplications at once.
    ///
    /// Each scalar is split by GLV into two signed 128-bit halves (so 128
    /// doublings, not 255) and each half is read in signed 5-bit windows
    /// (negating a point is free, so sixteen multiples serve digits −16…16).
    /// The multiples 1·P … 16·P of every point are built in affine, a round
    /// of additions across all points per multiple, each round sharing one
    /// inversion; φ of each multiple is one field multiplication. The
    /// accumulators are Jacobian, since a doubling there costs no more than
    /// an affine one, and adding an affine table entry is the cheaper mixed
    /// addition. One last shared inversion makes the results affine.
    ///
    /// - Parameters:
    ///   - points: the points; the identity is allowed and gives the identity.
    ///   - scalars: one scalar per point; zero gives the identity.
    /// - Returns: the products, in the same order, equal to
    ///   `points[i].projective.multiplied(by: scalars[i]).affine`.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public static func multiply(_ points: [Point], by scalars: [Curve.ScalarField]) -> [Point] {
        precondition(points.count == scalars.count, "one scalar per point")
        var out = [Point](repeating: .infinity, count: points.count)
        let active = points.indices.filter { !points[$0].isInfinity && !scalars[$0].isZero }
        if active.isEmpty { return out }
        let count = active.count
        let w = windowBits
        let windows = SignedWindows.count(windowBits: w)
        let tableSize = 1 << (w - 1)

        // Signed digits of both halves, and the halves' signs.
        var digits = [Int8](repeating: 0, count: count * 2 * windows)
        var negative = [Bool](repeating: false, count: count * 2)
        for (slot, index) in active.enumerated() {
            let split = Curve.glvBasis.decompose(scalars[index])
            negative[2 * slot] = split.firstIsNegative
            negative[2 * slot + 1] = split.secondIsNegative
            recode(split.first, into: &digits, at: (2 * slot) * windows, windows: windows)
            recode(split.second, into: &digits, at: (2 * slot + 1) * windows, windows: windows)
        }

        // table[slot·tableSize + j − 1] = j·P: one point's multiples side by
        // side, since the main loop below reads them at random, point by point.
        let base = active.map { points[$0] }
        var table = [Point](repeating: .infinity, count: count * tableSize)
        var previous = base
        for multiple in 1...tableSize {
            if multiple == 2 {
                previous = doubled(base)
            } else if multiple > 2 {
                previous = sums(previous, base)
            }
            for slot in 0..<count { table[slot * tableSize + multiple - 1] = previous[slot] }
        }
        let beta = Curve.endomorphismCoefficient
        let endomorphismTable = table.map { $0.isInfinity ? $0 : Point(unchecked: beta * $0.x, $0.y) }

        var accumulators = [JacobianPoint<Curve>](repeating: .infinity, count: count)
        for slot in 0..<count {
            var accumulator = JacobianPoint<Curve>.infinity
            let firstDigits = (2 * slot) * windows, secondDigits = (2 * slot + 1) * windows
            let firstNegative = negative[2 * slot], secondNegative = negative[2 * slot + 1]
            var window = windows - 1
            while window >= 0 {
                if !accumulator.isInfinity {
                    for _ in 0..<w { accumulator = accumulator.doubled }
                }
                let d1 = Int(digits[firstDigits + window])
                if d1 != 0 {
                    let entry = table[slot * tableSize + abs(d1) - 1]
                    accumulator += (d1 < 0) != firstNegative ? -entry : entry
                }
                let d2 = Int(digits[secondDigits + window])
                if d2 != 0 {
                    let entry = endomorphismTable[slot * tableSize + abs(d2) - 1]
                    accumulator += (d2 < 0) != secondNegative ? -entry : entry
                }
                window -= 1
            }
            accumulators[slot] = accumulator
        }
        let products = JacobianPoint.batchNormalize(accumulators)
        for (slot, index) in active.enumerated() { out[index] = products[slot] }
        return out
    }

    /// Writes the signed 5-bit digits of a 128-bit magnitude into
    /// `digits[offset…]`, least significant first (see `SignedWindows`).
    @usableFromInline
    static func recode(_ magnitude: UInt128, into digits: inout [Int8], at offset: Int, windows: Int) {
        precondition(windows == SignedWindows.count(windowBits: windowBits), "one digit per window")
        SignedWindows.forEach(of: magnitude, windowBits: windowBits) { window, digit in
            digits[offset + window] = Int8(digit)
        }
    }
}
