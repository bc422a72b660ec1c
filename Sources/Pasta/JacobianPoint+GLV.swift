extension JacobianPoint {
    /// φ(P) = (ξX, Y, Z), which is [λ]P: one field multiplication.
    @inlinable
    public var endomorphism: Self {
        Self(x: Curve.endomorphismCoefficient * x, y: y, z: z)
    }

    /// [k]P by GLV: k = k₁ + k₂·λ with 128-bit halves, then [k₁]P + [k₂]φ(P)
    /// with 4-bit windows over both at once, so 128 doublings instead of 255
    /// and about 64 additions instead of about 128.
    ///
    /// - Parameter scalar: k.
    /// - Returns: [k]P, equal to `multiplied(by:)`.
    @inlinable
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public func multipliedGLV(by scalar: Curve.ScalarField) -> Self {
        if isInfinity || scalar.isZero { return .infinity }
        let split = Curve.glvBasis.decompose(scalar)
        let first = split.firstIsNegative ? -self : self
        // tables[i] = [i]·(±P) and [i]·(±φ(P)); φ commutes with [i].
        var firstTable = [Self](repeating: .infinity, count: 16)
        firstTable[1] = first
        firstTable[2] = first.doubled
        for i in 3..<16 { firstTable[i] = firstTable[i - 1] + first }
        let flip = split.firstIsNegative != split.secondIsNegative
        let secondTable = firstTable.map { flip ? -$0.endomorphism : $0.endomorphism }
        var accumulator = Self.infinity
        var window = 31
        while window >= 0 {
            accumulator = accumulator.doubled.doubled.doubled.doubled
            let shift = UInt128(window * 4)
            let d1 = Int(truncatingIfNeeded: (split.first >> shift) & 0xf)
            let d2 = Int(truncatingIfNeeded: (split.second >> shift) & 0xf)
            if d1 != 0 { accumulator += firstTable[d1] }
            if d2 != 0 { accumulator += secondTable[d2] }
            window -= 1
        }
        return accumulator
    }
}
