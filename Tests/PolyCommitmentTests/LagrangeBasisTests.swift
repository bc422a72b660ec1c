import Dispatch
import Pasta
import PolyCommitment
import Locking
import Testing

/// The SRS of depth 16: by the prefix tests, kimchi's vesta.srs truncated.
let realVesta16 = try! SRS<Vesta>.create(depth: 16)

@Suite("Lagrange bases on kimchi's SRS")
struct LagrangeBasisTests {
    func sum(_ points: [Vesta.Point]) -> Vesta.Projective {
        points.reduce(Vesta.Projective.infinity) { $0 + $1 }
    }

    @Test("within the SRS: Σ Lᵢ = g₀ and Σ ωⁱ·Lᵢ = g₁", arguments: [1, 2, 8, 16])
    func identities(domainSize: Int) throws {
        let srs = try SRS<Vesta>.create(depth: 16)
        let basis = try srs.lagrangeBasis(domainSize: domainSize)
        #expect(basis.count == domainSize)
        #expect(basis.allSatisfy { $0.chunks.count == 1 })
        #expect(sum(basis.map { $0.chunks[0] }).affine == srs.g[0])
        if domainSize > 1 {
            let domain = try EvaluationDomain<Fp>(size: domainSize)
            let weighted = try PolyComm.multiScalarMultiply(basis, domain.elements)
            #expect(weighted.chunks == [srs.g[1]])
        }
    }

    @Test("chunked bases for domains 2×, 4× and 8× the SRS: chunk 0 sums to g₀, the others to zero", arguments: [8, 16, 32])
    func chunked(domainSize: Int) throws {
        // kimchi's SRS cut to 4 points keeps debug-mode scalar multiplications few.
        let srs = SRS(g: Array(realVesta16.g.prefix(4)), h: realVesta16.h)
        let basis = try srs.lagrangeBasis(domainSize: domainSize)
        let chunks = domainSize / 4
        #expect(basis.allSatisfy { $0.chunks.count == chunks })
        #expect(sum(basis.map { $0.chunks[0] }).affine == srs.g[0])
        for chunk in 1..<chunks {
            #expect(sum(basis.map { $0.chunks[chunk] }).isInfinity, "chunk \(chunk)")
        }
        let domain = try EvaluationDomain<Fp>(size: domainSize)
        let x = try PolyComm.multiScalarMultiply(basis, domain.elements)
        #expect(x.chunks == [srs.g[1]] + Array(repeating: .infinity, count: chunks - 1), "Σ ωⁱ·Lᵢ commits to the polynomial x")
    }

    @Test("the basis is the transform computed by the plain definition")
    func againstDefinition() throws {
        // commit(Lᵢ) = Σⱼ cᵢⱼ·gⱼ where Lᵢ = Σⱼ cᵢⱼ xʲ is the interpolant of the i-th unit vector.
        let domain = try EvaluationDomain<Fp>(size: 8)
        let basis = try realVesta16.lagrangeBasis(domain: domain)
        for i in 0..<8 {
            var unit = [Fp](repeating: .zero, count: 8)
            unit[i] = .one
            let coefficients = try domain.ifft(unit)
            let expected = MultiScalarMultiplication.reference(Array(realVesta16.g.prefix(8)), coefficients).affine
            #expect(basis[i].chunks == [expected], "L\(i)")
        }
    }

    @Test("the GLV transform equals the double-and-add reference, within the SRS and chunked", arguments: [(16, 8), (16, 16), (4, 16)])
    func againstReference(srsSize: Int, domainSize: Int) throws {
        let srs = SRS(g: Array(realVesta16.g.prefix(srsSize)), h: realVesta16.h)
        let domain = try EvaluationDomain<Fp>(size: domainSize)
        #expect(srs.computeLagrangeBasis(domain: domain) == srs.computeLagrangeBasisReference(domain: domain))
        let pallas = try SRS<Pallas>.create(depth: srsSize)
        let pallasDomain = try EvaluationDomain<Fq>(size: domainSize)
        #expect(pallas.computeLagrangeBasis(domain: pallasDomain) == pallas.computeLagrangeBasisReference(domain: pallasDomain))
    }

    @Test("commitEvaluationsNonHiding of the i-th unit vector is Lᵢ, and evaluations commit like coefficients")
    func evaluationsCommitLikeCoefficients() throws {
        let domain = try EvaluationDomain<Fp>(size: 16)
        let basis = try realVesta16.lagrangeBasis(domain: domain)
        for i in [0, 5, 15] {
            var unit = [Fp](repeating: .zero, count: 16)
            unit[i] = .one
            let commitment = try realVesta16.commitEvaluationsNonHiding(domain: domain, evaluations: Evaluations(values: unit, domain: domain))
            #expect(commitment == basis[i])
        }
        let values = (0..<16).map { Fp(UInt64($0) &* 0x1234_5678 &+ 99) }
        let evaluations = try Evaluations(values: values, domain: domain)
        let viaBasis = try realVesta16.commitEvaluationsNonHiding(domain: domain, evaluations: evaluations)
        let viaCoefficients = realVesta16.commitNonHiding(evaluations.interpolate(), numChunks: 1)
        #expect(viaBasis == viaCoefficients)
        // Evaluations on a larger domain are subsampled to the commitment's domain.
        let big = try EvaluationDomain<Fp>(size: 64)
        let bigEvaluations = try evaluations.interpolate().evaluations(over: big)
        #expect(try realVesta16.commitEvaluationsNonHiding(domain: domain, evaluations: bigEvaluations) == viaBasis)
        #expect(throws: CommitmentError.domainLargerThanEvaluations(commitmentDomain: 64, evaluationDomain: 16)) {
            try realVesta16.commitEvaluationsNonHiding(domain: big, evaluations: evaluations)
        }
    }

    @Test("8 threads asking for the same new domain compute it once and get identical bases")
    func concurrentFirstUse() throws {
        let srs = try SRS<Vesta>.create(depth: 16)
        let results = Locked<[[PolyComm<Vesta>]]>([])
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let basis = try! srs.lagrangeBasis(domainSize: 32, executor: SerialExecutor())
            results.withLock { $0.append(basis) }
        }
        let all = results.withLock { $0 }
        #expect(all.count == 8)
        #expect(all.allSatisfy { $0 == all[0] })
        #expect(srs.lagrangeBasisComputationCount == 1)
        _ = try srs.lagrangeBasis(domainSize: 17)  // rounds up to 32: cached
        #expect(srs.lagrangeBasisComputationCount == 1)
        #expect(srs.cachedLagrangeDomainSizes == [32])
    }

    @Test("maybeLagrangeBasis never computes; setLagrangeBasis is set-once and checks the shape")
    func maybeAndSet() throws {
        let srs = try SRS<Vesta>.create(depth: 16)
        #expect(srs.maybeLagrangeBasis(domainSize: 8) == nil)
        #expect(srs.lagrangeBasisComputationCount == 0)
        let basis = try realVesta16.lagrangeBasis(domainSize: 8)
        #expect(try srs.setLagrangeBasis(domainSize: 8, basis))
        #expect(srs.maybeLagrangeBasis(domainSize: 8) == basis)
        let other = Array(basis.reversed())
        #expect(try srs.setLagrangeBasis(domainSize: 8, other) == false)
        #expect(srs.maybeLagrangeBasis(domainSize: 8) == basis, "the first basis stays")
        #expect(try srs.lagrangeBasis(domainSize: 8) == basis)
        #expect(srs.lagrangeBasisComputationCount == 0)
        #expect(throws: CommitmentError.basisShapeMismatch("7 commitments for a domain of 8")) {
            try srs.setLagrangeBasis(domainSize: 8, Array(basis.prefix(7)))
        }
        let twoChunks = basis.map { PolyComm(chunks: $0.chunks + $0.chunks) }
        #expect(throws: CommitmentError.basisShapeMismatch("commitment 0 has 2 chunks, expected 1")) {
            try srs.setLagrangeBasis(domainSize: 8, twoChunks)
        }
        #expect(srs.maybeLagrangeBasis(domainSize: 0) == nil)
    }

    @Test("bad sizes and indices are typed errors")
    func errors() throws {
        #expect(throws: CommitmentError.domain(.unsupportedSize(0))) { try realVesta16.lagrangeBasis(domainSize: 0) }
        #expect(throws: CommitmentError.domain(.unsupportedSize((1 << 32) + 1))) { try realVesta16.lagrangeBasis(domainSize: (1 << 32) + 1) }
        #expect(throws: CommitmentError.indexOutOfRange(8, count: 8)) { try realVesta16.lagrangeCommitment(domainSize: 8, index: 8) }
        #expect(throws: CommitmentError.indexOutOfRange(-1, count: 8)) { try realVesta16.lagrangeCommitment(domainSize: 8, index: -1) }
        #expect(try realVesta16.lagrangeCommitment(domainSize: 8, index: 3) == realVesta16.lagrangeBasis(domainSize: 8)[3])
        let empty = SRS<Vesta>(g: [], h: Vesta.generator)
        #expect(throws: CommitmentError.self) { try empty.lagrangeBasis(domainSize: 4) }
    }
}
