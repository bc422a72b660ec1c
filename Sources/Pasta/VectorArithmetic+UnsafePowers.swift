import CPastaVector

/// The pointer-level call into the eight-lane exponentiation kernel.
extension VectorArithmetic {
    /// Every base raised to the same exponent, eight at a time through the
    /// kernels: a square root's exponentiation is a chain of about 270
    /// dependent multiplications, and eight chains side by side cost little
    /// more than one.
    ///
    /// The caller guarantees `isAvailable`.
    ///
    /// - Parameters:
    ///   - bases: the bases, any number.
    ///   - exponent: the exponent they share.
    /// - Returns: bases[i]^exponent for every i, equal to `power(_:)`.
    static func unsafePowers<F: PrimeField>(of bases: [F], exponent: UInt256) -> [F] {
        precondition(isAvailable, "the kernels run on this machine")
        let lanes = Int(PASTA_VECTOR_LANES)
        let groups = (bases.count + lanes - 1) / lanes
        // Lanes past the end hold zero, whose power is computed and dropped.
        var input = [UInt64](repeating: 0, count: 4 * lanes * groups)
        for (i, base) in bases.enumerated() {
            let value = base.montgomeryValue
            input[4 * i] = value.w0
            input[4 * i + 1] = value.w1
            input[4 * i + 2] = value.w2
            input[4 * i + 3] = value.w3
        }
        let words = { (value: UInt256) in [value.w0, value.w1, value.w2, value.w3] }
        let exponentWords = words(exponent)
        let constants = words(F(256).montgomeryValue) + words(F.one.montgomeryValue) + words(F(16).montgomeryValue)
        var output = [UInt64](repeating: 0, count: input.count)
        var field = parameters(of: F.self)
        output.withUnsafeMutableBufferPointer { output in
            input.withUnsafeBufferPointer { input in
                exponentWords.withUnsafeBufferPointer { exponent in
                    constants.withUnsafeBufferPointer { constants in
                        for group in 0..<groups {
                            let offset = 4 * lanes * group
                            pasta_vector_power(
                                &field, input.baseAddress! + offset, exponent.baseAddress, constants.baseAddress,
                                output.baseAddress! + offset)
                        }
                    }
                }
            }
        }
        return bases.indices.map { i in
            F(montgomeryValue: UInt256(output[4 * i], output[4 * i + 1], output[4 * i + 2], output[4 * i + 3]))
        }
    }
}
