public import Pasta

extension PolyComm {
    /// Σ sᵢ·Cᵢ chunk by chunk (kimchi's `PolyComm::multi_scalar_mul`): chunk j
    /// of the result sums chunk j of every commitment that has one. No
    /// commitments give the single zero chunk.
    ///
    /// - Parameters:
    ///   - commitments: the commitments.
    ///   - scalars: one per commitment.
    ///   - executor: where the MSMs run.
    /// - Throws: `CommitmentError.wrongEvaluationCount` when the counts differ.
    public static func multiScalarMultiply(
        _ commitments: [PolyComm], _ scalars: [Curve.ScalarField], executor: some ParallelExecutor = SerialExecutor()
    ) throws(CommitmentError) -> PolyComm {
        guard commitments.count == scalars.count else {
            throw .wrongEvaluationCount(scalars.count, domainSize: commitments.count)
        }
        if commitments.isEmpty { return PolyComm(chunks: [.infinity]) }
        let chunkCount = commitments.map(\.chunks.count).max() ?? 0
        let chunks = (0..<chunkCount).map { chunk in
            var bases = [AffinePoint<Curve>]()
            var factors = [Curve.ScalarField]()
            for (commitment, scalar) in zip(commitments, scalars) where chunk < commitment.chunks.count {
                bases.append(commitment.chunks[chunk])
                factors.append(scalar)
            }
            return MultiScalarMultiplication.pippenger(bases, factors, executor: executor).affine
        }
        return PolyComm(chunks: chunks)
    }
}

extension SRS {
    /// Commits to a polynomial without blinding (kimchi's `commit_non_hiding`).
    ///
    /// The zero polynomial commits to one zero point; a polynomial longer
    /// than the SRS gets one commitment per |g|-sized chunk of coefficients;
    /// the result is padded with zero points up to `numChunks`.
    ///
    /// - Parameters:
    ///   - polynomial: the polynomial.
    ///   - numChunks: the least number of chunks to return.
    ///   - executor: where the MSMs run.
    /// - Returns: the commitment.
    public func commitNonHiding(
        _ polynomial: DensePolynomial<Curve.ScalarField>, numChunks: Int, executor: some ParallelExecutor = DispatchExecutor()
    ) -> PolyComm<Curve> {
        var chunks: [AffinePoint<Curve>]
        let coefficients = polynomial.coefficients
        if polynomial.isZero || g.isEmpty {
            chunks = [.infinity]
        } else {
            chunks = stride(from: 0, to: coefficients.count, by: g.count).map { start in
                let piece = Array(coefficients[start..<min(coefficients.count, start + g.count)])
                return MultiScalarMultiplication.pippenger(g, piece, executor: executor).affine
            }
        }
        while chunks.count < numChunks { chunks.append(.infinity) }
        return PolyComm(chunks: chunks)
    }

    /// Adds bᵢ·h to each chunk (kimchi's `mask_custom`).
    ///
    /// - Parameters:
    ///   - commitment: a non-hiding commitment.
    ///   - blinders: one per chunk.
    /// - Throws: `CommitmentError.blindersDoNotMatch` when the counts differ.
    public func maskCustom(_ commitment: PolyComm<Curve>, blinders: Blinders<Curve.ScalarField>) throws(CommitmentError) -> BlindedCommitment<Curve> {
        guard commitment.chunks.count == blinders.chunks.count else {
            throw .blindersDoNotMatch(blinders: blinders.chunks.count, chunks: commitment.chunks.count)
        }
        let hProjective = h.projective
        let masked = zip(commitment.chunks, blinders.chunks).map { point, blinder in
            (hProjective.multiplied(by: blinder) + point).affine
        }
        return BlindedCommitment(commitment: PolyComm(chunks: masked), blinders: blinders)
    }

    /// `commitNonHiding` then `maskCustom` (kimchi's `commit_custom`).
    public func commitCustom(
        _ polynomial: DensePolynomial<Curve.ScalarField>, numChunks: Int, blinders: Blinders<Curve.ScalarField>,
        executor: some ParallelExecutor = DispatchExecutor()
    ) throws(CommitmentError) -> BlindedCommitment<Curve> {
        try maskCustom(commitNonHiding(polynomial, numChunks: numChunks, executor: executor), blinders: blinders)
    }

    /// Commits to a polynomial given by evaluations, through the Lagrange
    /// basis of `domain` (kimchi's `commit_evaluations_non_hiding`).
    ///
    /// When the evaluations live on a larger domain, every (m/n)-th value is
    /// taken, as kimchi does: those are the values on the smaller domain.
    ///
    /// - Parameters:
    ///   - domain: the commitment's domain.
    ///   - evaluations: values on a domain at least as large.
    ///   - executor: where the basis and MSM run.
    /// - Throws: `CommitmentError.domainLargerThanEvaluations`.
    public func commitEvaluationsNonHiding(
        domain: EvaluationDomain<Curve.ScalarField>, evaluations: Evaluations<Curve.ScalarField>,
        executor: some ParallelExecutor = DispatchExecutor()
    ) throws(CommitmentError) -> PolyComm<Curve> {
        guard domain.size <= evaluations.domain.size else {
            throw .domainLargerThanEvaluations(commitmentDomain: domain.size, evaluationDomain: evaluations.domain.size)
        }
        let step = evaluations.domain.size / domain.size
        let values = step == 1 ? evaluations.values : stride(from: 0, to: evaluations.values.count, by: step).map { evaluations.values[$0] }
        let basis = try lagrangeBasis(domain: domain, executor: executor)
        return try PolyComm.multiScalarMultiply(basis, values, executor: executor)
    }
}
