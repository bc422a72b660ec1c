extension BatchAffine {
    /// Reusable storage for the running products of a round's shared
    /// inversion, so that a loop of rounds allocates once, not per round.
    public struct Scratch: Sendable {
        @usableFromInline
        var products: [Field]
        /// Whether the rounds run through the eight-lane kernels.
        let vectorized: Bool
        /// The kernels' storage.
        var vector = VectorScratch()

        /// Empty storage; it grows to the largest round it serves. Rounds
        /// run eight lanes at a time where `VectorArithmetic.isAvailable`.
        public init() { self.init(vectorized: VectorArithmetic.isAvailable) }

        /// Empty storage for rounds through the kernels or not (tests reach
        /// both on the same inputs).
        init(vectorized: Bool) {
            precondition(!vectorized || VectorArithmetic.isAvailable, "vector arithmetic on this machine")
            products = []
            self.vectorized = vectorized
        }

        /// Makes room for a round of `count` elements.
        @inlinable @inline(__always)
        mutating func reserve(_ count: Int) {
            if products.count < count { products = [Field](repeating: .zero, count: count) }
        }
    }

    /// accumulators[i] += addends[i] for every i, in place, in one round
    /// sharing one inversion.
    ///
    /// The round makes two passes and writes nothing but the accumulators
    /// and the scratch: the forward pass records the running product of
    /// the chord denominators x_b − x_a, the backward pass peels one
    /// inverse off it per element and applies the chord formula at once.
    /// This is the inner loop of batched scalar multiplication, of MSM
    /// buckets and of the group FFT, so it avoids the intermediate arrays
    /// a functional form would allocate and re-read.
    ///
    /// - Parameters:
    ///   - addends: the right operands; the identity leaves an accumulator
    ///     unchanged.
    ///   - accumulators: the left operands, replaced by the sums; as many as
    ///     `addends`.
    ///   - scratch: storage reused across rounds.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public static func add(_ addends: [Point], into accumulators: inout [Point], scratch: inout Scratch) {
        precondition(addends.count == accumulators.count, "one addend per accumulator")
        if scratch.vectorized {
            addVectorized(addends, into: &accumulators, scratch: &scratch)
            return
        }
        let count = accumulators.count
        var inverse = invertNonzero(chordDenominatorProducts(accumulators, addends, scratch: &scratch))
        for i in stride(from: count - 1, through: 0, by: -1) {
            accumulators[i] = roundSum(accumulators[i], addends[i], inverse: &inverse, before: scratch.products[i])
        }
    }

    /// points[i] = 2·points[i] for every i, in place, in one round sharing
    /// one inversion (the two passes of `add(_:into:scratch:)`, over the
    /// y coordinates: the tangent's slope 3x²/(2y) is taken as (3x²/2)·(1/y),
    /// which spares the doubling of y in both passes).
    ///
    /// - Parameters:
    ///   - points: the points, replaced by their doubles; the identity stays.
    ///   - scratch: storage reused across rounds.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public static func double(_ points: inout [Point], scratch: inout Scratch) {
        if scratch.vectorized {
            doubleVectorized(&points, scratch: &scratch)
            return
        }
        let count = points.count
        scratch.reserve(count)
        var product = Field.one
        for i in 0..<count {
            let p = points[i]
            // y = 0 would be a point of order 2, which no Pasta curve has
            // (their orders are prime); it is excluded, not trusted.
            if !p.isInfinity && !p.y.isZero {
                scratch.products[i] = product
                product *= p.y
            }
        }
        var inverse = invertNonzero(product)
        for i in stride(from: count - 1, through: 0, by: -1) {
            let p = points[i]
            if p.isInfinity { continue }
            if p.y.isZero {
                points[i] = p.projective.doubled.affine
                continue
            }
            let elementInverse = inverse * scratch.products[i]
            inverse *= p.y
            let xx = p.x.squared
            let slope = (xx + xx.halved) * elementInverse
            let x3 = slope.squared - p.x.doubled
            points[i] = Point(unchecked: x3, slope * (p.x - x3) - p.y)
        }
    }

    /// evens[i] + odds[i] and evens[i] − odds[i] for every i, in place (the
    /// sums replace `evens`, the differences `odds`), in one round: the two
    /// chords share their denominator, so a butterfly of a group FFT costs
    /// one inverted element.
    ///
    /// - Parameters:
    ///   - evens: the left operands, replaced by the sums.
    ///   - odds: the right operands, as many, replaced by the differences.
    ///   - scratch: storage reused across rounds.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public static func butterflies(_ evens: inout [Point], _ odds: inout [Point], scratch: inout Scratch) {
        precondition(evens.count == odds.count, "one right operand per left operand")
        if scratch.vectorized {
            butterfliesVectorized(&evens, &odds, scratch: &scratch)
            return
        }
        let count = evens.count
        var inverse = invertNonzero(chordDenominatorProducts(evens, odds, scratch: &scratch))
        for i in stride(from: count - 1, through: 0, by: -1) {
            let p = evens[i], q = odds[i]
            if isGeneric(p, q) {
                let elementInverse = inverse * scratch.products[i]
                inverse *= q.x - p.x
                evens[i] = chord(p, q.x, q.y, inverse: elementInverse)
                odds[i] = chord(p, q.x, -q.y, inverse: elementInverse)
            } else {
                let jacobian = p.projective
                evens[i] = (jacobian + q).affine
                odds[i] = (jacobian + (-q)).affine
            }
        }
    }

    /// The forward pass of a chord round: scratch[i] holds the product of
    /// the denominators x_b − x_a before pair i, for every pair the chord
    /// formula applies to.
    ///
    /// - Returns: the product of all of them (one when there are none).
    @inlinable @inline(__always)
    static func chordDenominatorProducts(_ left: [Point], _ right: [Point], scratch: inout Scratch) -> Field {
        scratch.reserve(left.count)
        var product = Field.one
        for i in left.indices {
            let p = left[i], q = right[i]
            if isGeneric(p, q) {
                scratch.products[i] = product
                product *= q.x - p.x
            }
        }
        return product
    }

    /// 1/x for a product of nonzero elements (one when the round had none).
    @inlinable @inline(__always)
    static func invertNonzero(_ product: Field) -> Field {
        if product.isOne { return product }
        guard let inverse = product.inverse else {
            preconditionFailure("a product of nonzero field elements is nonzero")
        }
        return inverse
    }
}
