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
    /// The Legendre symbol, by Euler's criterion.
    @inlinable
    public var legendreSymbol: LegendreSymbol {
        if isZero { return .zero }
        return power(Self.modulusMinusOneOverTwo).isOne ? .quadraticResidue : .quadraticNonResidue
    }

    /// A square root, the same one ark-ff returns.
    ///
    /// A field element has two roots, r and −r, and kimchi's SRS files store
    /// whichever arkworks' Tonelli–Shanks lands on (it then encodes the sign in
    /// the flag byte). To reproduce those files the algorithm must take the
    /// same steps: start from z = 5^t, w = a^((t−1)/2), x = a·w, b = x·w, and
    /// repeat the standard reduction until b = 1.
    ///
    /// - Returns: the root, or nil when the element is not a square.
    @inlinable
    public var squareRoot: Self? {
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
