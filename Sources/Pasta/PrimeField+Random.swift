extension PrimeField {
    /// A uniformly random element: 255 random bits, redrawn while not below
    /// the modulus (both moduli exceed 2^254, so fewer than two draws on average).
    ///
    /// - Parameter generator: the randomness; pass `SystemRandomNumberGenerator`
    ///   (the operating system's CSPRNG) for anything secret.
    /// - Returns: the element.
    public static func random(using generator: inout some RandomNumberGenerator) -> Self {
        while true {
            let value = UInt256(generator.next(), generator.next(), generator.next(), generator.next() >> 1)
            if let element = Self(canonical: value) { return element }
        }
    }
}
