public import Pasta

/// A polynomial by its coefficients, lowest degree first, with no trailing
/// zeros (so the zero polynomial has none), like arkworks' `DensePolynomial`.
public struct DensePolynomial<Field: PrimeField>: Sendable, Equatable {
    /// The coefficients, lowest degree first; the last is nonzero.
    public let coefficients: [Field]

    /// Creates a polynomial, dropping trailing zero coefficients.
    ///
    /// - Parameter coefficients: lowest degree first.
    public init(coefficients: [Field]) {
        var trimmed = coefficients
        while trimmed.last?.isZero == true { trimmed.removeLast() }
        self.coefficients = trimmed
    }

    /// Whether every coefficient is zero.
    public var isZero: Bool { coefficients.isEmpty }

    /// The number of coefficients kept (degree + 1, or 0 for zero).
    public var count: Int { coefficients.count }

    /// The value at a point, by Horner's rule.
    public func evaluate(at x: Field) -> Field {
        coefficients.reversed().reduce(Field.zero) { $0 * x + $1 }
    }
}

/// A polynomial by its values on a domain, like arkworks' `Evaluations`.
public struct Evaluations<Field: PrimeField>: Sendable, Equatable {
    /// The values, the i-th at ωⁱ.
    public let values: [Field]
    /// The domain they are taken on.
    public let domain: EvaluationDomain<Field>

    /// Pairs values with their domain.
    ///
    /// - Parameters:
    ///   - values: exactly one per domain point.
    ///   - domain: the domain.
    /// - Throws: `CommitmentError.wrongEvaluationCount` otherwise.
    public init(values: [Field], domain: EvaluationDomain<Field>) throws(CommitmentError) {
        guard values.count == domain.size else {
            throw .wrongEvaluationCount(values.count, domainSize: domain.size)
        }
        self.values = values
        self.domain = domain
    }

    /// The polynomial of degree below n with these values (inverse FFT).
    public func interpolate(executor: some ParallelExecutor = SerialExecutor()) -> DensePolynomial<Field> {
        DensePolynomial(coefficients: try! domain.ifft(values, executor: executor))  // n values fit n points
    }
}

extension DensePolynomial {
    /// The polynomial's values on a domain (FFT).
    ///
    /// - Throws: `TransformError.tooManyValues` when the degree is n or more.
    public func evaluations(over domain: EvaluationDomain<Field>, executor: some ParallelExecutor = SerialExecutor()) throws(TransformError) -> Evaluations<Field> {
        try! Evaluations(values: domain.fft(coefficients, executor: executor), domain: domain)
    }
}
