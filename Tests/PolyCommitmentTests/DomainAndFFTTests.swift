import Pasta
import PolyCommitment
import PropertyBased
import Testing

@Suite("Evaluation domains")
struct DomainTests {
    @Test("sizes round up to powers of two; 0 and beyond 2^32 are refused")
    func sizes() throws {
        #expect(try EvaluationDomain<Fp>(size: 1).size == 1)
        #expect(try EvaluationDomain<Fp>(size: 5).size == 8)
        #expect(try EvaluationDomain<Fp>(size: 1024).size == 1024)
        #expect(try EvaluationDomain<Fq>(size: 1025).logSize == 11)
        #expect(try EvaluationDomain<Fp>(size: 1 << 32).logSize == 32)
        #expect(throws: DomainError.unsupportedSize(0)) { try EvaluationDomain<Fp>(size: 0) }
        #expect(throws: DomainError.unsupportedSize(-3)) { try EvaluationDomain<Fp>(size: -3) }
        #expect(throws: DomainError.unsupportedSize((1 << 32) + 1)) { try EvaluationDomain<Fp>(size: (1 << 32) + 1) }
    }

    @Test("the generator is arkworks': (5^t)^(2^(32−k)), of order exactly n", arguments: [0, 1, 3, 10, 32])
    func generator(logSize: Int) throws {
        let domain = try EvaluationDomain<Fq>(size: 1 << logSize)
        var expected = Fq.generator.power(Fq.traceMinusOneOverTwo.addingReportingOverflow(Fq.traceMinusOneOverTwo).partialValue.addingReportingOverflow(UInt256(1)).partialValue)
        for _ in logSize..<32 { expected = expected.squared }
        #expect(domain.generator == expected)
        #expect(domain.generator * domain.generatorInverse == .one)
        #expect(domain.sizeInverse * Fq(UInt64(domain.size)) == .one)
        var power = domain.generator
        for _ in 0..<logSize { power = power.squared }
        #expect(power == .one)
        if logSize > 0 {
            var half = domain.generator
            for _ in 0..<(logSize - 1) { half = half.squared }
            #expect(half == -Fq.one)
        }
    }

    @Test("elements are 1, ω, ω², … and the vanishing polynomial is zero exactly on them")
    func elements() throws {
        let domain = try EvaluationDomain<Fp>(size: 16)
        let elements = domain.elements
        #expect(elements.count == 16)
        #expect(elements[0] == .one)
        #expect(elements[1] == domain.generator)
        #expect(elements[5] == domain.element(5))
        #expect(Set(elements).count == 16)
        #expect(elements.allSatisfy { domain.evaluateVanishingPolynomial(at: $0).isZero })
        #expect(!domain.evaluateVanishingPolynomial(at: Fp(3)).isZero)
    }
}

@Suite("Radix-2 transforms")
struct FFTTests {
    /// The definition: out[k] = Σⱼ vⱼ ω^(jk).
    func naiveDFT(_ values: [Fp], domain: EvaluationDomain<Fp>) -> [Fp] {
        (0..<domain.size).map { k in
            let x = domain.element(k)
            return values.reversed().reduce(Fp.zero) { $0 * x + $1 }
        }
    }

    @Test("the FFT equals the definition, under every executor", arguments: [1, 2, 8, 64, 256])
    func matchesDefinition(size: Int) throws {
        let domain = try EvaluationDomain<Fp>(size: size)
        let values = (0..<size).map { Fp(UInt64($0 * $0 + 7)) }
        let expected = naiveDFT(values, domain: domain)
        for executor in testExecutors {
            #expect(try domain.fft(values, executor: executor) == expected, "\(type(of: executor))")
        }
    }

    @Test("IFFT undoes FFT and FFT undoes IFFT") func roundTrip() async throws {
        for size in [1, 4, 32, 512] {
            let domain = try EvaluationDomain<Fq>(size: size)
            await propertyCheck(count: 5, input: elements(Fq.self).array(of: size)) { values in
                for executor in testExecutors {
                    #expect((try? domain.ifft(domain.fft(values, executor: executor), executor: executor)) == values)
                    #expect((try? domain.fft(domain.ifft(values, executor: executor), executor: executor)) == values)
                }
            }
        }
    }

    @Test("short inputs are zero-padded; long inputs are refused")
    func padding() throws {
        let domain = try EvaluationDomain<Fp>(size: 8)
        #expect(try domain.fft([Fp(3)]) == Array(repeating: Fp(3), count: 8))
        #expect(throws: TransformError.tooManyValues(9, domainSize: 8)) { try domain.fft([Fp](repeating: .one, count: 9)) }
    }

    @Test("the group transform is the field transform in the exponent, under every executor")
    func groupTransform() throws {
        let domain = try EvaluationDomain<Fp>(size: 32)
        let exponents = (0..<32).map { Fp(UInt64(3 * $0 + 1)) }
        let points = exponents.map { Vesta.generator.projective.multiplied(by: $0) }
        let expected = try domain.ifft(exponents).map { Vesta.generator.projective.multiplied(by: $0) }
        for executor in testExecutors {
            #expect(try domain.ifft(points, executor: executor) == expected, "\(type(of: executor))")
        }
    }
}

@Suite("Polynomials")
struct PolynomialTests {
    @Test("evaluations on a domain agree with Horner, and interpolation inverts them")
    func evaluations() async throws {
        let domain = try EvaluationDomain<Fp>(size: 16)
        await propertyCheck(count: 10, input: elements(Fp.self).array(of: 0...16)) { coefficients in
            let polynomial = DensePolynomial(coefficients: coefficients)
            guard let evaluations = try? polynomial.evaluations(over: domain) else {
                Issue.record("16 coefficients fit a domain of 16")
                return
            }
            #expect(evaluations.values == domain.elements.map(polynomial.evaluate))
            #expect(evaluations.interpolate() == polynomial)
        }
    }

    @Test("trailing zeros are dropped and evaluations must fill the domain")
    func shape() throws {
        #expect(DensePolynomial(coefficients: [Fp.one, .zero, .zero]).count == 1)
        #expect(DensePolynomial<Fp>(coefficients: [.zero]).isZero)
        let domain = try EvaluationDomain<Fp>(size: 4)
        #expect(throws: CommitmentError.wrongEvaluationCount(3, domainSize: 4)) {
            try Evaluations(values: [Fp.one, .one, .one], domain: domain)
        }
    }
}
