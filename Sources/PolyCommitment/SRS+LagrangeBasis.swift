public import Pasta

extension SRS {
    /// The commitments to the Lagrange polynomials L₀ … L_{n−1} of a domain,
    /// cached: kimchi's `get_lagrange_basis`.
    ///
    /// Lᵢ is 1 at ωⁱ and 0 at the other points, so committing to evaluations
    /// is an MSM against these. When the domain is larger than the SRS each
    /// commitment has ⌈n/|g|⌉ chunks.
    ///
    /// - Parameters:
    ///   - domainSize: the requested size, rounded up to a power of two.
    ///   - executor: where the transform runs if the basis must be computed.
    /// - Returns: n commitments.
    /// - Throws: `CommitmentError.domain` for an unsupported size, or
    ///   `.basisShapeMismatch` when the SRS has no points.
    public func lagrangeBasis(domainSize: Int, executor: some ParallelExecutor = DispatchExecutor()) throws(CommitmentError) -> [PolyComm<Curve>] {
        // A cached basis, the common case, through code specialized for the
        // curve (see `maybeLagrangeBasis`); the executor never matters then.
        if let cached = maybeLagrangeBasis(domainSize: domainSize) { return cached }
        let size: Int
        do { size = try EvaluationDomain<Curve.ScalarField>.size(for: domainSize) } catch { throw .domain(error) }
        guard !g.isEmpty else { throw .basisShapeMismatch("an SRS with no points has no Lagrange basis") }
        // The domain (a root of unity, two inversions) is built only on a miss.
        return lagrangeCache.basis(size: size) { computeLagrangeBasis(domain: try! EvaluationDomain(size: size), executor: executor) }
    }

    /// The cached Lagrange basis of a domain; see `lagrangeBasis(domainSize:executor:)`.
    public func lagrangeBasis(domain: EvaluationDomain<Curve.ScalarField>, executor: some ParallelExecutor = DispatchExecutor()) throws(CommitmentError) -> [PolyComm<Curve>] {
        guard !g.isEmpty else { throw .basisShapeMismatch("an SRS with no points has no Lagrange basis") }
        return lagrangeCache.basis(size: domain.size) { computeLagrangeBasis(domain: domain, executor: executor) }
    }

    /// One commitment of a domain's basis, computing the basis if needed
    /// (plonk-wasm's `lagrange_commitment`).
    ///
    /// - Throws: `CommitmentError.indexOutOfRange` beyond the domain.
    public func lagrangeCommitment(domainSize: Int, index: Int, executor: some ParallelExecutor = DispatchExecutor()) throws(CommitmentError) -> PolyComm<Curve> {
        let basis = try lagrangeBasis(domainSize: domainSize, executor: executor)
        guard basis.indices.contains(index) else { throw .indexOutOfRange(index, count: basis.count) }
        return basis[index]
    }

    /// The basis if it is already cached; never computes (plonk-wasm's
    /// `maybe_lagrange_commitment` checks this first).
    ///
    /// Specialized for both curves: the bindings call it (and
    /// `lagrangeBasis`, through it) from generic code in another module on
    /// every step, where unspecialized code looked up the metadata of each
    /// type built on `Curve`.
    ///
    /// - Parameter domainSize: the requested size, rounded up to a power of two.
    /// - Returns: nil when the size is unsupported or not cached yet.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public func maybeLagrangeBasis(domainSize: Int) -> [PolyComm<Curve>]? {
        guard let size = try? EvaluationDomain<Curve.ScalarField>.size(for: domainSize) else { return nil }
        return lagrangeCache.ready(size: size)
    }

    /// Stores a basis computed elsewhere (an o1js or kimchi cache file), with
    /// kimchi's set-once semantics: a basis already cached stays.
    ///
    /// - Parameters:
    ///   - domainSize: the requested size, rounded up to a power of two.
    ///   - basis: n commitments of ⌈n/|g|⌉ chunks each.
    /// - Returns: whether the basis was stored (false if one was there).
    /// - Throws: `CommitmentError` for an unsupported size or a basis whose
    ///   shape does not fit this SRS, so a wrong file cannot poison the cache.
    @discardableResult
    public func setLagrangeBasis(domainSize: Int, _ basis: [PolyComm<Curve>]) throws(CommitmentError) -> Bool {
        let size: Int
        do { size = try EvaluationDomain<Curve.ScalarField>.size(for: domainSize) } catch { throw .domain(error) }
        try checkShape(basis, domainSize: size)
        return lagrangeCache.setOnce(size: size, basis)
    }

    /// How many Lagrange bases this SRS has computed (not set) so far.
    public var lagrangeBasisComputationCount: Int { lagrangeCache.computations }

    /// The domain sizes whose bases are cached.
    public var cachedLagrangeDomainSizes: [Int] { lagrangeCache.readySizes }

    /// The number of chunks each commitment of a domain's basis has.
    public func chunkCount(domainSize: Int) -> Int {
        g.isEmpty ? 0 : (domainSize + g.count - 1) / g.count
    }

    /// Checks that a basis fits a domain of this SRS.
    func checkShape(_ basis: [PolyComm<Curve>], domainSize: Int) throws(CommitmentError) {
        guard basis.count == domainSize else {
            throw .basisShapeMismatch("\(basis.count) commitments for a domain of \(domainSize)")
        }
        let chunks = chunkCount(domainSize: domainSize)
        if let index = basis.firstIndex(where: { $0.chunks.count != chunks }) {
            throw .basisShapeMismatch("commitment \(index) has \(basis[index].chunks.count) chunks, expected \(chunks)")
        }
    }

    /// kimchi's `SRS::lagrange_basis`, uncached: the inverse FFT of the
    /// vector (g₀, …, g_{n−1}) is (commit(L₀), …, commit(L_{n−1})), because
    /// the IFFT maps the monomials 1, x, …, x^(n−1) to the Lagrange
    /// polynomials and committing is linear. When n exceeds |g| = s, chunk i
    /// transforms the vector holding g₀ … g_{s−1} at positions i·s … and
    /// zeros elsewhere.
    ///
    /// - Parameters:
    ///   - domain: the domain.
    ///   - executor: where the transform runs.
    /// - Returns: n commitments of ⌈n/s⌉ chunks.
    public func computeLagrangeBasis(domain: EvaluationDomain<Curve.ScalarField>, executor: some ParallelExecutor = DispatchExecutor()) -> [PolyComm<Curve>] {
        let transform = BatchAffineTransform<Curve>(root: domain.generatorInverse, size: domain.size)
        return transformedBasis(domain: domain) { input in
            transform.apply(input, scale: domain.sizeInverse, executor: executor)
        }
    }

    /// The same basis the way arkworks' `Radix2EvaluationDomain` computes it
    /// over projective points: every butterfly a plain double-and-add
    /// scalar multiplication. The reference the tests and `leakcheck bench`
    /// hold `computeLagrangeBasis` against; never faster.
    ///
    /// - Parameters:
    ///   - domain: the domain.
    ///   - executor: where the transform runs.
    /// - Returns: the same commitments as `computeLagrangeBasis`.
    public func computeLagrangeBasisReference(domain: EvaluationDomain<Curve.ScalarField>, executor: some ParallelExecutor = DispatchExecutor()) -> [PolyComm<Curve>] {
        transformedBasis(domain: domain) { input in
            let transformed = try! domain.ifft(input.map { DoubleAndAddPoint(point: $0.projective) }, executor: executor)  // exactly n values
            return JacobianPoint.batchNormalize(transformed.map(\.point))
        }
    }

    /// Runs `transform` (an inverse FFT of n points) on each chunk's input
    /// and gathers the chunks into commitments.
    ///
    /// Specialized: unspecialized, the gathering looked up the generic
    /// array and commitment types' metadata for every one of n commitments,
    /// 50 ms of a 2¹⁶ basis on one thread while the other waited.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    private func transformedBasis(
        domain: EvaluationDomain<Curve.ScalarField>, transform: ([AffinePoint<Curve>]) -> [AffinePoint<Curve>]
    ) -> [PolyComm<Curve>] {
        let n = domain.size
        let s = g.count
        precondition(s > 0, "callers check for an empty SRS")
        let chunkCount = (n + s - 1) / s
        var chunks = [[AffinePoint<Curve>]]()
        chunks.reserveCapacity(chunkCount)
        for chunk in 0..<chunkCount {
            var input = [AffinePoint<Curve>](repeating: .infinity, count: n)
            let start = chunk * s
            for j in 0..<(min(start + s, n) - start) {
                input[start + j] = g[j]
            }
            chunks.append(transform(input))
        }
        return (0..<n).map { i in PolyComm(chunks: chunks.map { $0[i] }) }
    }
}

/// A point whose butterflies use plain double-and-add: the reference
/// transform element.
struct DoubleAndAddPoint<Curve: PastaCurve>: FFTElement {
    typealias Scalar = Curve.ScalarField
    var point: JacobianPoint<Curve>
    static var fftZero: DoubleAndAddPoint { DoubleAndAddPoint(point: .infinity) }
    var isFFTZero: Bool { point.isInfinity }
    static func + (lhs: DoubleAndAddPoint, rhs: DoubleAndAddPoint) -> DoubleAndAddPoint { DoubleAndAddPoint(point: lhs.point + rhs.point) }
    static func - (lhs: DoubleAndAddPoint, rhs: DoubleAndAddPoint) -> DoubleAndAddPoint { DoubleAndAddPoint(point: lhs.point - rhs.point) }
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    func scaled(by scalar: Curve.ScalarField) -> DoubleAndAddPoint {
        point.isInfinity || scalar.isOne ? self : DoubleAndAddPoint(point: point.multiplied(by: scalar))
    }
}
