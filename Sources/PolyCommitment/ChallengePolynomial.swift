public import Pasta

/// The IPA challenge polynomial b(X) = Π_{i<k} (1 + u_{k−i}·X^(2^i)) for
/// challenges u₁ … u_k (kimchi's `b_poly` and `b_poly_coefficients`), whose
/// commitment is the accumulator Pickles defers.
public struct ChallengePolynomial<Field: PrimeField>: Sendable, Equatable {
    /// The challenges u₁ … u_k, in kimchi's order.
    public let challenges: [Field]

    /// Wraps challenges.
    public init(challenges: [Field]) { self.challenges = challenges }

    /// b(x) in O(k) multiplications.
    public func evaluate(at x: Field) -> Field {
        let k = challenges.count
        var powers = [Field]()
        powers.reserveCapacity(k)
        var current = x
        for _ in 0..<k {
            powers.append(current)
            current = current.squared
        }
        var product = Field.one
        for i in 0..<k { product *= .one + challenges[i] * powers[k - 1 - i] }
        return product
    }

    /// The 2^k coefficients of b: coefficient i is the product of u_{k−j}
    /// over the set bits j of i, built the way kimchi builds it.
    public var coefficients: [Field] {
        let rounds = challenges.count
        let length = 1 << rounds
        var s = [Field](repeating: .one, count: length)
        var k = 0
        var power = 1
        for i in 1..<max(1, length) {
            if i == power {
                k += 1
                power <<= 1
            }
            s[i] = s[i - (power >> 1)] * challenges[rounds - 1 - (k - 1)]
        }
        return s
    }
}

extension SRS {
    /// The commitment to b(X) (plonk-wasm's `b_poly_commitment`).
    public func bPolyCommitment(challenges: [Curve.ScalarField], executor: some ParallelExecutor = DispatchExecutor()) -> PolyComm<Curve> {
        commitNonHiding(DensePolynomial(coefficients: ChallengePolynomial(challenges: challenges).coefficients), numChunks: 1, executor: executor)
    }

    /// Checks many accumulators at once (kimchi's `batch_dlog_accumulator_check`):
    /// with random r, Σ rⁱ·Cᵢ must equal Σ rⁱ·⟨bᵢ, g⟩, one MSM in all.
    ///
    /// - Parameters:
    ///   - commitments: the accumulators C₀ … C_{m−1}.
    ///   - challenges: m·k challenges, k per accumulator, with 2^k = |g|.
    ///   - generator: randomness for r; the default is the system CSPRNG.
    ///   - executor: where the MSM runs.
    /// - Returns: whether every accumulator is the commitment to its b.
    /// - Throws: `CommitmentError` when the challenges do not split into
    ///   rounds or 2^k ≠ |g| (kimchi asserts and panics).
    public func batchDlogAccumulatorCheck(
        commitments: [AffinePoint<Curve>], challenges: [Curve.ScalarField],
        using generator: inout some RandomNumberGenerator, executor: some ParallelExecutor = DispatchExecutor()
    ) throws(CommitmentError) -> Bool {
        try batchDlogAccumulatorCheck(commitments: commitments, challenges: challenges, r: .random(using: &generator), executor: executor)
    }

    /// `batchDlogAccumulatorCheck` with the system CSPRNG.
    public func batchDlogAccumulatorCheck(
        commitments: [AffinePoint<Curve>], challenges: [Curve.ScalarField], executor: some ParallelExecutor = DispatchExecutor()
    ) throws(CommitmentError) -> Bool {
        // The system generator is drawn from here, in concrete code: passed on
        // `inout` as `some RandomNumberGenerator`, this zero-sized generator
        // reached ThreadSanitizer's access check with a bogus address in
        // Swift 6.3's optimized TSan build, and TSan crashed.
        var generator = SystemRandomNumberGenerator()
        let r = Curve.ScalarField.random(using: &generator)
        return try batchDlogAccumulatorCheck(commitments: commitments, challenges: challenges, r: r, executor: executor)
    }

    private func batchDlogAccumulatorCheck(
        commitments: [AffinePoint<Curve>], challenges: [Curve.ScalarField], r: Curve.ScalarField, executor: some ParallelExecutor
    ) throws(CommitmentError) -> Bool {
        let rounds = try roundCount(commitments: commitments.count, challenges: challenges.count)
        if commitments.isEmpty { return true }
        guard rounds < 63, 1 << rounds == g.count else { throw .roundsDoNotMatchSRS(rounds: rounds, srsSize: g.count) }
        var rs = [Curve.ScalarField.one]
        for _ in 1..<commitments.count { rs.append(rs.last! * r) }
        var scalars = [Curve.ScalarField](repeating: .zero, count: g.count)
        for (index, factor) in rs.enumerated() {
            let terms = ChallengePolynomial(challenges: Array(challenges[index * rounds..<(index + 1) * rounds])).coefficients
            for i in 0..<g.count { scalars[i] -= terms[i] * factor }
        }
        let sum = MultiScalarMultiplication.pippenger(g + commitments, scalars + rs, executor: executor)
        return sum.isInfinity
    }


    /// The accumulators for given challenges (kimchi's
    /// `batch_dlog_accumulator_generate`): ⟨b, g⟩ per group of k challenges.
    /// As in kimchi, only min(2^k, |g|) terms enter each MSM.
    ///
    /// - Parameters:
    ///   - count: the number of accumulators m.
    ///   - challenges: m·k challenges.
    ///   - executor: where the MSMs run.
    /// - Throws: `CommitmentError.challengeCountMismatch`.
    public func batchDlogAccumulatorGenerate(
        count: Int, challenges: [Curve.ScalarField], executor: some ParallelExecutor = DispatchExecutor()
    ) throws(CommitmentError) -> [AffinePoint<Curve>] {
        let rounds = try roundCount(commitments: count, challenges: challenges.count)
        guard rounds < 40 else { throw .roundsDoNotMatchSRS(rounds: rounds, srsSize: g.count) }
        return (0..<count).map { index in
            let coefficients = ChallengePolynomial(challenges: Array(challenges[index * rounds..<(index + 1) * rounds])).coefficients
            return MultiScalarMultiplication.pippenger(g, coefficients, executor: executor).affine
        }
    }

    private func roundCount(commitments: Int, challenges: Int) throws(CommitmentError) -> Int {
        if commitments == 0 {
            guard challenges == 0 else { throw .challengeCountMismatch(challenges: challenges, commitments: 0) }
            return 0
        }
        guard commitments > 0, challenges > 0, challenges % commitments == 0 else {
            throw .challengeCountMismatch(challenges: challenges, commitments: commitments)
        }
        return challenges / commitments
    }
}
