import Pasta
import PolyCommitment
import PropertyBased
import Testing

@Suite("Commitments")
struct CommitmentTests {
    @Test("commitNonHiding chunks by the SRS size and pads to numChunks")
    func chunking() throws {
        let srs = realVesta16
        #expect(srs.commitNonHiding(DensePolynomial(coefficients: []), numChunks: 0).chunks == [.infinity])
        #expect(srs.commitNonHiding(DensePolynomial(coefficients: []), numChunks: 3).chunks == [.infinity, .infinity, .infinity])
        let short = DensePolynomial(coefficients: [Fp(2), Fp(3)])
        let expectedShort = (srs.g[0].projective.multiplied(by: Fp(2)) + srs.g[1].projective.multiplied(by: Fp(3))).affine
        #expect(srs.commitNonHiding(short, numChunks: 1).chunks == [expectedShort])
        #expect(srs.commitNonHiding(short, numChunks: 2).chunks == [expectedShort, .infinity])
        let long = DensePolynomial(coefficients: (0..<40).map { Fp(UInt64($0 + 1)) })
        let commitment = srs.commitNonHiding(long, numChunks: 1)
        #expect(commitment.chunks.count == 3)
        for chunk in 0..<3 {
            let piece = Array(long.coefficients[(16 * chunk)..<min(40, 16 * chunk + 16)])
            #expect(commitment.chunks[chunk] == MultiScalarMultiplication.reference(srs.g, piece).affine)
        }
    }

    @Test("masking adds b·h per chunk and refuses mismatched blinders")
    func masking() throws {
        let srs = realVesta16
        let polynomial = DensePolynomial(coefficients: [Fp(7)])
        let blinded = try srs.commitCustom(polynomial, numChunks: 2, blinders: Blinders(chunks: [Fp(3), Fp(4)]))
        let plain = srs.commitNonHiding(polynomial, numChunks: 2)
        #expect(blinded.commitment.chunks[0] == plain.chunks[0] + Fp(3) * srs.h)
        #expect(blinded.commitment.chunks[1] == Fp(4) * srs.h)
        #expect(blinded.blinders == Blinders(chunks: [Fp(3), Fp(4)]))
        #expect(throws: CommitmentError.blindersDoNotMatch(blinders: 1, chunks: 2)) {
            try srs.maskCustom(plain, blinders: Blinders(chunks: [Fp(1)]))
        }
    }

    @Test("b(x) by the product formula equals its coefficients evaluated")
    func challengePolynomial() async {
        await propertyCheck(count: 10, input: elements(Fp.self).array(of: 0...6), elements(Fp.self)) { challenges, x in
            let b = ChallengePolynomial(challenges: challenges)
            #expect(b.coefficients.count == 1 << challenges.count)
            #expect(DensePolynomial(coefficients: b.coefficients).evaluate(at: x) == b.evaluate(at: x))
        }
    }

    @Test("bPolyCommitment commits to b's coefficients")
    func bPolyCommitment() {
        let challenges = [Fp(3), Fp(5), Fp(7)]
        let coefficients = ChallengePolynomial(challenges: challenges).coefficients
        #expect(realVesta16.bPolyCommitment(challenges: challenges).chunks == [MultiScalarMultiplication.reference(realVesta16.g, coefficients).affine])
    }

    @Test("the accumulator check accepts what generate produces and rejects a tampered commitment")
    func accumulators() throws {
        let srs = realVesta16
        let challenges = (0..<12).map { Fp(UInt64($0 * 31 + 2)) }  // 3 accumulators, 4 rounds, 2^4 = |g|
        let commitments = try srs.batchDlogAccumulatorGenerate(count: 3, challenges: challenges)
        #expect(commitments.count == 3)
        #expect(try srs.batchDlogAccumulatorCheck(commitments: commitments, challenges: challenges))
        var tampered = commitments
        tampered[1] = (tampered[1].projective + srs.g[0]).affine
        #expect(try srs.batchDlogAccumulatorCheck(commitments: tampered, challenges: challenges) == false)
        var swapped = challenges
        swapped.swapAt(0, 1)
        #expect(try srs.batchDlogAccumulatorCheck(commitments: commitments, challenges: swapped) == false)
        #expect(try srs.batchDlogAccumulatorCheck(commitments: [], challenges: []))
        #expect(try srs.batchDlogAccumulatorGenerate(count: 0, challenges: []).isEmpty)
    }

    @Test("malformed accumulator inputs are typed errors, where kimchi panics")
    func accumulatorErrors() {
        let srs = realVesta16
        let g = srs.g[0]
        #expect(throws: CommitmentError.challengeCountMismatch(challenges: 3, commitments: 2)) {
            try srs.batchDlogAccumulatorCheck(commitments: [g, g], challenges: [Fp(1), Fp(2), Fp(3)])
        }
        #expect(throws: CommitmentError.challengeCountMismatch(challenges: 0, commitments: 2)) {
            try srs.batchDlogAccumulatorGenerate(count: 2, challenges: [])
        }
        #expect(throws: CommitmentError.challengeCountMismatch(challenges: 2, commitments: 0)) {
            try srs.batchDlogAccumulatorCheck(commitments: [], challenges: [Fp(1), Fp(2)])
        }
        #expect(throws: CommitmentError.roundsDoNotMatchSRS(rounds: 3, srsSize: 16)) {
            try srs.batchDlogAccumulatorCheck(commitments: [g], challenges: [Fp(1), Fp(2), Fp(3)])
        }
    }
}
