extension BatchAffine {
    /// α·P + β·Q for many pairs of points (P, Q), several coefficient pairs
    /// (α, β) per pair of points: Straus's interleaving, batched.
    ///
    /// A combination costs the doublings of one scalar multiplication, not
    /// two: both scalars are split by GLV and read in the same signed
    /// 5-bit windows, so four 128-bit halves share one accumulator and its
    /// 128 doublings. This is what makes a radix-4 step of a group FFT
    /// cheaper than two radix-2 layers: three doubling chains instead of
    /// four. The multiples of each P and Q are built once and serve every
    /// combination of that pair. Accumulators are affine, every doubling
    /// and addition a round across all combinations sharing one inversion.
    ///
    /// - Parameters:
    ///   - p: the first points; the identity is allowed.
    ///   - q: the second points, as many as `p`.
    ///   - coefficients: `perPair` coefficient pairs for each pair of
    ///     points, those of pair i at i·perPair …; zero is allowed.
    ///   - perPair: how many combinations each pair of points takes.
    /// - Returns: the combinations, in the order of `coefficients`, equal to
    ///   `(α·P + β·Q)` computed one multiplication at a time.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public static func combinations(
        _ p: [Point], _ q: [Point], coefficients: [(Curve.ScalarField, Curve.ScalarField)], perPair: Int
    ) -> [Point] {
        precondition(p.count == q.count, "one second point per first point")
        precondition(perPair > 0 && coefficients.count == p.count * perPair, "perPair coefficient pairs per pair of points")
        let pairs = p.count
        let count = coefficients.count
        if count == 0 { return [] }
        let w = windowBits
        let windows = SignedWindows.count(windowBits: w)
        let tableSize = 1 << (w - 1)

        // Digits of the four halves of combination c at (4c + h)·windows,
        // h: 0 = α on P, 1 = α on φ(P), 2 = β on Q, 3 = β on φ(Q); signs folded in.
        var digits = [Int8](repeating: 0, count: count * 4 * windows)
        for (combination, (alpha, beta)) in coefficients.enumerated() {
            let first = Curve.glvBasis.decompose(alpha), second = Curve.glvBasis.decompose(beta)
            let offset = 4 * combination * windows
            recode(first.first, into: &digits, at: offset, windows: windows, negated: first.firstIsNegative)
            recode(first.second, into: &digits, at: offset + windows, windows: windows, negated: first.secondIsNegative)
            recode(second.first, into: &digits, at: offset + 2 * windows, windows: windows, negated: second.firstIsNegative)
            recode(second.second, into: &digits, at: offset + 3 * windows, windows: windows, negated: second.secondIsNegative)
        }

        // The multiples 1…16 of every P (slots 0..<pairs) and every Q
        // (slots pairs..<2·pairs), one point's side by side.
        let base = p + q
        var table = [Point](repeating: .infinity, count: base.count * tableSize)
        var previous = base
        var scratch = Scratch()
        for multiple in 1...tableSize {
            if multiple == 2 {
                double(&previous, scratch: &scratch)
            } else if multiple > 2 {
                add(base, into: &previous, scratch: &scratch)
            }
            for slot in 0..<base.count { table[slot * tableSize + multiple - 1] = previous[slot] }
        }

        let beta = Curve.endomorphismCoefficient
        var accumulators = [Point](repeating: .infinity, count: count)
        var addends = [Point](repeating: .infinity, count: count)
        for window in stride(from: windows - 1, through: 0, by: -1) {
            if window != windows - 1 {
                for _ in 0..<w { double(&accumulators, scratch: &scratch) }
            }
            for half in 0..<4 {
                let slotOffset = half < 2 ? 0 : pairs
                let endomorphism = half & 1 == 1
                // First only the loads: the table is larger than a core's L2,
                // so nearly every read misses, and a loop this light keeps
                // many misses in flight where one doing a multiplication per
                // element kept two.
                var any = false
                for combination in 0..<count {
                    let digit = Int(digits[(4 * combination + half) * windows + window])
                    if digit == 0 {
                        addends[combination] = .infinity
                        continue
                    }
                    let slot = slotOffset + combination / perPair
                    addends[combination] = table[slot * tableSize + abs(digit) - 1]
                    any = true
                }
                if !any { continue }
                // Then signs and φ(x, y) = (ξx, y), one multiplication here
                // instead of a second table that would double the misses.
                for combination in 0..<count {
                    let entry = addends[combination]
                    if entry.isInfinity { continue }
                    let digit = digits[(4 * combination + half) * windows + window]
                    let x = endomorphism ? beta * entry.x : entry.x
                    addends[combination] = Point(unchecked: x, entry.y.negated(if: digit < 0))
                }
                add(addends, into: &accumulators, scratch: &scratch)
            }
        }
        return accumulators
    }
}
