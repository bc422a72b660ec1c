public import Pasta

/// Why a domain could not be made.
public enum DomainError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The requested size is 0 or needs more than 2^32 points (the fields' two-adicity).
    case unsupportedSize(Int)

    /// A sentence for people.
    public var description: String {
        switch self {
        case .unsupportedSize(let size): return "domain size \(size) is not in 1...2^32"
        }
    }
}

/// The multiplicative subgroup {1, ω, ω², …, ω^(n−1)} of a scalar field, with
/// n a power of two, exactly as arkworks' `Radix2EvaluationDomain`: the
/// requested size rounds up to a power of two and ω = (5^t)^(2^(32−k)).
///
/// The order of the elements decides the order of Lagrange bases, so it must
/// be arkworks' order.
public struct EvaluationDomain<Field: PrimeField>: Sendable, Equatable {
    /// n, a power of two.
    public let size: Int
    /// log₂ n.
    public let logSize: Int
    /// ω, a primitive n-th root of unity.
    public let generator: Field
    /// ω⁻¹.
    public let generatorInverse: Field
    /// 1/n.
    public let sizeInverse: Field

    /// The largest supported size, 2^32.
    public static var maximumSize: Int { 1 << Field.twoAdicity }

    /// The size a domain for `requestedSize` points has, without building
    /// it: callers that only need a cache key skip the root of unity and the
    /// two inversions (about twenty microseconds), which dominated cheap
    /// bindings calls on a cached basis.
    ///
    /// - Parameter requestedSize: the number of points wanted.
    /// - Returns: the smallest power of two at least `requestedSize`.
    /// - Throws: `DomainError.unsupportedSize` outside 1…2^twoAdicity.
    public static func size(for requestedSize: Int) throws(DomainError) -> Int {
        guard requestedSize >= 1, requestedSize <= maximumSize else { throw .unsupportedSize(requestedSize) }
        var logSize = 0
        while (1 << logSize) < requestedSize { logSize += 1 }
        return 1 << logSize
    }

    /// The domain for at least `requestedSize` points.
    ///
    /// - Parameter requestedSize: rounded up to the next power of two.
    /// - Throws: `DomainError.unsupportedSize` for 0 or above 2^32.
    public init(size requestedSize: Int) throws(DomainError) {
        let size = try Self.size(for: requestedSize)
        let logSize = size.trailingZeroBitCount
        self.logSize = logSize
        self.size = size
        var root = Field(montgomeryValue: Field.generatorToTrace)
        for _ in logSize..<Field.twoAdicity { root = root.squared }
        generator = root
        generatorInverse = root.inverse!
        sizeInverse = Field(UInt64(size)).inverse!
    }

    /// ωⁱ.
    ///
    /// - Parameter index: any integer; taken modulo n.
    public func element(_ index: Int) -> Field {
        generator.power(UInt256(UInt64(((index % size) + size) % size)))
    }

    /// All n elements in order: 1, ω, ω², ….
    public var elements: [Field] {
        powers(of: generator, count: size)
    }

    /// Z(x) = xⁿ − 1, which vanishes exactly on the domain.
    public func evaluateVanishingPolynomial(at x: Field) -> Field {
        var power = x
        for _ in 0..<logSize { power = power.squared }
        return power - .one
    }

    /// 1, x, x², …, x^(count−1).
    func powers(of x: Field, count: Int) -> [Field] {
        var out = [Field]()
        out.reserveCapacity(count)
        var current = Field.one
        for _ in 0..<count {
            out.append(current)
            current *= x
        }
        return out
    }
}
