import CPastaVector

/// The pointer-level calls into the eight-lane kernels (CPastaVector).
/// Everything unsafe about the vector path is in this file.
extension BatchAffine {
    /// Scratch space of the vector rounds, kept across rounds, and what the
    /// kernels are told of the field and the points, worked out once.
    struct VectorScratch: Sendable {
        /// The field, as the kernels take it.
        let field = VectorArithmetic.parameters(of: Field.self)
        /// Where a point's coordinates are.
        let layout = VectorArithmetic.layout(of: Curve.self)
        /// The Montgomery words of 16ξ, which makes the addition kernel read
        /// every entry as φ(x, y) = (ξx, y): its 2²⁶⁰ multiplication takes
        /// the 16 back out.
        let endomorphismFactor: (UInt64, UInt64, UInt64, UInt64) = {
            let words = (Curve.endomorphismCoefficient * Field(16)).montgomeryValue
            return (words.w0, words.w1, words.w2, words.w3)
        }()
        /// The Montgomery words of 384, which puts the tangent's numerator
        /// into the chord's scale in the fused rounds (see
        /// `pasta_vector_accumulators_double_add_second_forward`).
        let tangentFactor: (UInt64, UInt64, UInt64, UInt64) = {
            let words = Field(384).montgomeryValue
            return (words.w0, words.w1, words.w2, words.w3)
        }()
        /// The kernels' per-slot values between their two passes.
        var words: [UInt64] = []
        /// Each lane's product of denominators, then its scaled inverse.
        var lanes: [UInt64] = []
        /// The round's additions (or doublings) the kernels do.
        var chords: [BucketAddition] = []

        /// Makes room for a round of `count` elements.
        mutating func reserve(_ count: Int) {
            let needed = pasta_vector_round_scratch_words(count)
            if words.count < needed { words = [UInt64](repeating: 0, count: needed) }
            if lanes.isEmpty { lanes = [UInt64](repeating: 0, count: 4 * Int(PASTA_VECTOR_LANES)) }
        }
    }

    /// Adds `scratch.chords` into their buckets by the chord formula, eight
    /// lanes at a time, with one inversion for the round; or, when two of
    /// the round's x coordinates agree (P + P or P + (−P), which the chord
    /// cannot add), leaves every bucket as it was and says so.
    ///
    /// The caller guarantees: `VectorArithmetic.isAvailable`; every
    /// addition's point and bucket index is within `points` and `buckets`;
    /// no two additions share a bucket; each bucket and each point is finite.
    ///
    /// - Returns: false when some addition had equal x coordinates and
    ///   nothing was written.
    static func unsafeVectorChordRound(_ points: [Point], into buckets: inout [Point], scratch: inout VectorScratch) -> Bool {
        unsafeVectorRound(into: &buckets, scaledBy: 64, scratch: &scratch) { buckets, field, layout, chords, count, words, lanes in
            points.withUnsafeBytes { points in
                pasta_vector_chord_forward(field, layout, points.baseAddress, buckets, chords, count, words, lanes)
            }
        }
    }

    /// evens[i] + odds[i] into evens[i] and evens[i] − odds[i] into
    /// odds[i] for every i of `scratch.chords` (each listed as point i,
    /// bucket i, not negated), eight lanes at a time, with one inversion.
    ///
    /// The caller guarantees: `VectorArithmetic.isAvailable`; the indices
    /// distinct and within both arrays; every pair finite with distinct x.
    static func unsafeVectorButterflyRound(_ evens: inout [Point], _ odds: inout [Point], scratch: inout VectorScratch) {
        let count = scratch.chords.count
        guard count > 0 else { return }
        scratch.reserve(count)
        let layout = scratch.layout
        withUnsafePointer(to: scratch.field) { field in
            evens.withUnsafeBytes { evens in
                odds.withUnsafeBytes { odds in
                    withKernelBuffers(&scratch) { chords, words, lanes in
                        pasta_vector_chord_forward(field, layout, odds.baseAddress, evens.baseAddress, chords, count, words, lanes)
                    }
                }
            }
            scaledLaneInverses(&scratch.lanes, factor: 64)
            evens.withUnsafeMutableBytes { evens in
                odds.withUnsafeMutableBytes { odds in
                    withKernelBuffers(&scratch) { chords, words, lanes in
                        pasta_vector_butterfly_backward(
                            field, layout, evens.baseAddress, odds.baseAddress, chords, count, words, lanes)
                    }
                }
            }
        }
    }

    /// Doubles `points[d.bucket]` for every d in `scratch.chords`, eight
    /// lanes at a time, with one inversion for the round.
    ///
    /// The caller guarantees: `VectorArithmetic.isAvailable`; the indices
    /// are distinct and within `points`; each of those points is finite
    /// with y ≠ 0.
    static func unsafeVectorTangentRound(_ points: inout [Point], scratch: inout VectorScratch) {
        // 1536 = 64 · 24: the tangent's 3/2 and the 2²⁶⁰ product of x·x
        // (see pasta_vector_tangent_forward) ride on the inverse. No y is
        // zero, so no lane's total is.
        let doubled = unsafeVectorRound(into: &points, scaledBy: 1536, scratch: &scratch) { points, field, layout, doublings, count, words, lanes in
            pasta_vector_tangent_forward(field, layout, points, doublings, count, words, lanes)
        }
        precondition(doubled, "finite points of a prime-order curve have y ≠ 0")
    }

    /// The kernels' first pass over `scratch.chords`, as `forward` calls
    /// it (given the buckets' bytes, the field, the layout, the index list,
    /// its length, the slot words and the lane words), the lanes' shared
    /// inverse scaled by `factor`, and the second pass, which writes the
    /// buckets; or, when a lane's product of denominators is zero, nothing
    /// more and false. The caller guarantees what the kernels require (see
    /// the chord and tangent rounds).
    private static func unsafeVectorRound(
        into buckets: inout [Point],
        scaledBy factor: UInt64,
        scratch: inout VectorScratch,
        forward: (
            UnsafeRawPointer?, UnsafePointer<pasta_vector_field>, pasta_point_layout, UnsafePointer<BucketAddition>?, Int,
            UnsafeMutablePointer<UInt64>?, UnsafeMutablePointer<UInt64>?
        ) -> Void
    ) -> Bool {
        let count = scratch.chords.count
        guard count > 0 else { return true }
        scratch.reserve(count)
        let layout = scratch.layout
        return withUnsafePointer(to: scratch.field) { field in
            buckets.withUnsafeBytes { buckets in
                withKernelBuffers(&scratch) { chords, words, lanes in
                    forward(buckets.baseAddress, field, layout, chords, count, words, lanes)
                }
            }
            // A zero total: some denominator was zero, and nothing has been written.
            for w in stride(from: 0, to: 4 * Int(PASTA_VECTOR_LANES), by: 4)
            where scratch.lanes[w] | scratch.lanes[w + 1] | scratch.lanes[w + 2] | scratch.lanes[w + 3] == 0 {
                return false
            }
            scaledLaneInverses(&scratch.lanes, factor: factor)
            buckets.withUnsafeMutableBytes { buckets in
                withKernelBuffers(&scratch) { chords, words, lanes in
                    pasta_vector_chord_backward(field, layout, buckets.baseAddress, chords, count, words, lanes)
                }
            }
            return true
        }
    }

    /// Calls `body` with the scratch's index list, slot words and lane
    /// words, valid only during the call.
    private static func withKernelBuffers(
        _ scratch: inout VectorScratch,
        _ body: (UnsafePointer<BucketAddition>?, UnsafeMutablePointer<UInt64>?, UnsafeMutablePointer<UInt64>?) -> Void
    ) {
        scratch.chords.withUnsafeBufferPointer { chords in
            scratch.words.withUnsafeMutableBufferPointer { words in
                scratch.lanes.withUnsafeMutableBufferPointer { lanes in
                    body(chords.baseAddress, words.baseAddress, lanes.baseAddress)
                }
            }
        }
    }

    /// Replaces each lane's product T (four Montgomery words, as the
    /// forward pass wrote it) by factor·R²/T, R = 2²⁵⁶: the inverse the
    /// backward pass's 2²⁶⁰ multiplications turn into slopes in the stored
    /// form.
    ///
    /// In field terms T is t·R, and factor·R²/T is (factor/t)·R: the
    /// Montgomery words of factor/t. One inversion serves all eight lanes.
    static func scaledLaneInverses(_ lanes: inout [UInt64], factor: UInt64) {
        lanes.withUnsafeMutableBufferPointer { scaledLaneInverses($0, factor: factor) }
    }

    /// `scaledLaneInverses(_:factor:)` on the kernels' lane words where
    /// they are.
    ///
    /// The caller guarantees `lanes` holds 32 words, no lane's total zero.
    static func scaledLaneInverses(_ lanes: UnsafeMutableBufferPointer<UInt64>, factor: UInt64) {
        let laneCount = Int(PASTA_VECTOR_LANES)
        var totals = InlineArray<8, Field>(repeating: .one), before = InlineArray<8, Field>(repeating: .one)
        precondition(laneCount == totals.count)
        for lane in 0..<laneCount {
            let w = 4 * lane
            totals[lane] = Field(montgomeryValue: UInt256(lanes[w], lanes[w + 1], lanes[w + 2], lanes[w + 3]))
        }
        var product = Field.one
        for lane in 0..<laneCount {
            before[lane] = product
            product *= totals[lane]
        }
        var inverse = invertNonzero(product) * Field(factor)
        for lane in stride(from: laneCount - 1, through: 0, by: -1) {
            let value = (inverse * before[lane]).montgomeryValue
            inverse *= totals[lane]
            let w = 4 * lane
            lanes[w] = value.w0
            lanes[w + 1] = value.w1
            lanes[w + 2] = value.w2
            lanes[w + 3] = value.w3
        }
    }
}

extension VectorArithmetic {
    /// Eight products a · b / 2²⁶⁰ of Montgomery words, lane by lane, as the
    /// kernels multiply: in field terms a·b/16. For tests of the kernels'
    /// multiplication on its own.
    ///
    /// - Parameters:
    ///   - a: eight Montgomery values below 2²⁵⁶, reduced or not.
    ///   - b: eight more.
    ///   - field: the field they belong to.
    /// - Returns: the eight elements whose Montgomery words the kernel wrote.
    static func laneProducts<F: PrimeField>(_ a: [UInt256], _ b: [UInt256], in field: F.Type) -> [F] {
        precondition(b.count == a.count)
        let right = words(b)
        return lanes(a, in: field) { field, left, out in
            right.withUnsafeBufferPointer { right in pasta_vector_multiply(field, left, right.baseAddress, out) }
        }
    }

    /// Eight squares a² / 2²⁶⁰ through the kernels' squaring: a²/16 in
    /// field terms.
    ///
    /// - Parameters:
    ///   - a: eight Montgomery values below 2²⁵⁶, reduced or not.
    ///   - field: the field they belong to.
    /// - Returns: the eight elements whose Montgomery words the kernel wrote.
    static func laneSquares<F: PrimeField>(_ a: [UInt256], in field: F.Type) -> [F] {
        lanes(a, in: field) { field, a, out in pasta_vector_square(field, a, out) }
    }

    /// Eight values v + k·p (k < 7) through the kernels' reduction of sums
    /// below 7p by their estimated quotient. For tests of that reduction
    /// on its own.
    ///
    /// - Parameters:
    ///   - values: eight elements, whose Montgomery values are v.
    ///   - multiples: k for each, 0 through 6.
    ///   - spread: whether to hand the kernel limbs that are not normalized
    ///     (moved by up to 2⁵³ against the limb above, either way), as the
    ///     sums that skip their carry pass make them.
    ///   - canonical: whether the result must be below p rather than 2p.
    /// - Returns: the eight results' Montgomery words as the kernel wrote them.
    static func laneReductions<F: PrimeField>(
        _ values: [F], plusMultiples multiples: [Int], spread: Bool, canonical: Bool, in field: F.Type
    ) -> [UInt256] {
        let lanes = Int(PASTA_VECTOR_LANES)
        precondition(isAvailable && values.count == lanes && multiples.count == lanes, "eight lanes, on a machine with the kernels")
        precondition(multiples.allSatisfy { (0..<7).contains($0) }, "below 7p")
        let mask: UInt64 = (1 << 52) - 1
        let modulus = limbs(of: F.modulus)
        var laneLimbs = [UInt64](repeating: 0, count: 5 * lanes)
        for lane in 0..<lanes {
            let own = limbs(of: values[lane].montgomeryValue)
            var sum = [Int64](repeating: 0, count: 5)
            var carry: UInt64 = 0
            for i in 0..<5 {
                let limb = own[i] + UInt64(multiples[lane]) * modulus[i] + carry
                sum[i] = Int64(i == 4 ? limb : limb & mask)
                carry = limb >> 52
            }
            if spread {
                // The value stays the same. Lanes 0, 3, 6: limbs 0–2 up by 2⁵³
                // and the limb above down by 2 (limb 3 goes negative). Lanes
                // 1, 4, 7: limbs 0–3 down by 2⁵³ and the limb above up by 2 (the
                // estimate can come out one too many). Lanes 2, 5: limb 4 down
                // by one where it can be, limb 3 up by 2⁵² (one too few).
                switch lane % 3 {
                case 0, 1:
                    let shift: Int64 = lane % 3 == 0 ? 2 : -2
                    for i in 0..<(lane % 3 == 0 ? 3 : 4) {
                        sum[i] += shift << 52
                        sum[i + 1] -= shift
                    }
                default:
                    if sum[4] > 0 {
                        sum[4] -= 1
                        sum[3] += 1 << 52
                    }
                }
            }
            for i in 0..<5 { laneLimbs[i * lanes + lane] = UInt64(bitPattern: sum[i]) }
        }
        var parameters = parameters(of: F.self)
        var out = [UInt64](repeating: 0, count: 4 * lanes)
        out.withUnsafeMutableBufferPointer { out in
            laneLimbs.withUnsafeBufferPointer { limbs in
                pasta_vector_reduce(&parameters, limbs.baseAddress, canonical ? 1 : 0, out.baseAddress)
            }
        }
        return (0..<lanes).map { UInt256(out[4 * $0], out[4 * $0 + 1], out[4 * $0 + 2], out[4 * $0 + 3]) }
    }

    private static func words(_ values: [UInt256]) -> [UInt64] { values.flatMap { [$0.w0, $0.w1, $0.w2, $0.w3] } }

    private static func lanes<F: PrimeField>(
        _ a: [UInt256], in _: F.Type,
        _ kernel: (UnsafePointer<pasta_vector_field>, UnsafePointer<UInt64>?, UnsafeMutablePointer<UInt64>?) -> Void
    ) -> [F] {
        let lanes = Int(PASTA_VECTOR_LANES)
        precondition(isAvailable && a.count == lanes, "eight lanes, on a machine with the kernels")
        let left = words(a)
        var out = [UInt64](repeating: 0, count: 4 * lanes)
        var field = parameters(of: F.self)
        out.withUnsafeMutableBufferPointer { out in
            left.withUnsafeBufferPointer { left in kernel(&field, left.baseAddress, out.baseAddress) }
        }
        return (0..<lanes).map { F(montgomeryValue: UInt256(out[4 * $0], out[4 * $0 + 1], out[4 * $0 + 2], out[4 * $0 + 3])) }
    }
}
