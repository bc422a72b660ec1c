/// Whether an element is a square.
public enum LegendreSymbol: Int, Sendable {
    /// The element is zero.
    case zero = 0
    /// The element is a nonzero square.
    case quadraticResidue = 1
    /// The element is not a square.
    case quadraticNonResidue = -1
}

extension PrimeField {
    /// The Legendre symbol by Euler's criterion, a^((p−1)/2): the plain
    /// reference `legendreSymbol` is tested against.
    @inlinable
    public var legendreSymbolByEulerCriterion: LegendreSymbol {
        if isZero { return .zero }
        return power(Self.modulusMinusOneOverTwo).isOne ? .quadraticResidue : .quadraticNonResidue
    }

    /// A square root, the same one ark-ff returns.
    ///
    /// A field element has two roots, r and −r, and kimchi's SRS files store
    /// whichever arkworks' Tonelli–Shanks lands on (it then encodes the sign in
    /// the flag byte), so any faster method must land on the same one. With
    /// x = a^((t+1)/2) and b = a^t, the loop returns x·z^E where each round
    /// multiplies in z^(2^(s−k−1)) for a distinct k ≥ 1, so E < 2^(s−1), and
    /// ends when b·z^(2E) = 1. That E is unique: if z^D = b (D even exactly
    /// for squares), E = ((2^s − D) mod 2^s) / 2. The discrete logarithm D
    /// comes from `TwoAdicDiscreteLog`'s tables instead of the loop.
    ///
    /// - Returns: the root, or nil when the element is not a square.
    @inlinable
    public var squareRoot: Self? {
        if isZero { return Self.zero }
        return squareRoot(fromPower: power(Self.traceMinusOneOverTwo))
    }

    /// Square roots of many elements, each the one `squareRoot` returns:
    /// where the eight-lane kernels run (see `VectorArithmetic`), the
    /// exponentiation every root starts with runs for eight elements at
    /// once, most of a root's cost and most of SRS creation's.
    ///
    /// - Parameter values: the elements.
    /// - Returns: each element's root, or nil where it is not a square.
    public static func squareRoots(of values: [Self]) -> [Self?] {
        let powers = VectorArithmetic.isAvailable
            ? VectorArithmetic.unsafePowers(of: values, exponent: traceMinusOneOverTwo)
            : values.map { $0.power(traceMinusOneOverTwo) }
        return zip(values, powers).map { value, power in value.isZero ? Self.zero : value.squareRoot(fromPower: power) }
    }

    /// The rest of `squareRoot` given w = self^((t−1)/2), self nonzero.
    @inlinable
    func squareRoot(fromPower w: Self) -> Self? {
        let x = w * self
        let b = x * w
        let tables = Self.twoAdicDiscreteLog
        guard let logarithm = tables.logarithm(b), logarithm & 1 == 0 else { return nil }
        let order = UInt64(1) << UInt64(Self.twoAdicity)
        let e = ((order &- logarithm) % order) / 2
        let root = x * tables.inversePower((order &- e) % order)  // z^e = z^(−(2^s − e))
        return root.squared == self ? root : nil
    }

    /// A square root by arkworks' Tonelli–Shanks loop itself: start from
    /// z = 5^t, w = a^((t−1)/2), x = a·w, b = x·w, and repeat the standard
    /// reduction until b = 1. The plain reference `squareRoot` is tested
    /// against.
    ///
    /// - Returns: the root, or nil when the element is not a square.
    @inlinable
    public var squareRootByTonelliShanks: Self? {
        if isZero { return Self.zero }
        var z = Self(montgomeryValue: Self.generatorToTrace)
        var w = power(Self.traceMinusOneOverTwo)
        var x = w * self
        var b = x * w
        var v = Self.twoAdicity
        while !b.isOne {
            var k = 0
            var b2k = b
            while !b2k.isOne {
                b2k = b2k.squared
                k += 1
                if k == Self.twoAdicity { return nil }
            }
            let j = v - k
            w = z
            if j > 1 {
                for _ in 1..<j { w = w.squared }
            }
            z = w.squared
            b *= z
            x *= w
            v = k
        }
        return x.squared == self ? x : nil
    }

    /// Inverts every nonzero element with a single field inversion
    /// (Montgomery's trick); zeros stay zero, as in arkworks.
    ///
    /// - Parameter elements: the elements to invert in place.
    @inlinable
    @_specialize(where Self == Fp)
    @_specialize(where Self == Fq)
    public static func batchInvert(_ elements: inout [Self]) {
        var prefix = [Self]()
        prefix.reserveCapacity(elements.count)
        var accumulator = Self.one
        for element in elements where !element.isZero {
            prefix.append(accumulator)
            accumulator *= element
        }
        guard var inverse = accumulator.inverse else { return }
        var slot = prefix.count
        for index in elements.indices.reversed() where !elements[index].isZero {
            slot -= 1
            let original = elements[index]
            elements[index] = inverse * prefix[slot]
            inverse *= original
        }
    }
}
