import CPastaVector

extension BatchAffine {
    /// The bucket sums of Pippenger's method: bucket j holds Σ ±Pᵢ over the
    /// points whose digit d has |d| = j + 1, the sign of d choosing ±.
    ///
    /// The additions are done a round at a time, every round sharing one
    /// inversion, and each round adds into the buckets in place: a point is
    /// addressed by its index and a bucket by its digit, so nothing is
    /// copied into or out of per-round arrays. A round takes at most one
    /// addition per bucket (the chord formula reads a bucket before the
    /// round writes it); an addition whose bucket is already taken waits
    /// for a later round, and a point meeting an empty bucket fills it with
    /// no addition at all.
    ///
    /// - Parameters:
    ///   - points: the points; the identity adds nothing.
    ///   - digits: point i's digit is `digits[offset + i · stride]`; zero
    ///     leaves the point out, and |d| must not exceed `bucketCount`.
    ///   - offset: where point 0's digit is.
    ///   - stride: how far apart consecutive points' digits are.
    ///   - bucketCount: the number of buckets.
    ///   - roundSize: the most additions in one round.
    /// - Returns: the buckets, the identity where no point fell.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public static func bucketSums(
        of points: [Point],
        digits: [Int16],
        offset: Int,
        stride: Int,
        bucketCount: Int,
        roundSize: Int = 512
    ) -> [Point] {
        bucketSums(
            of: points, digits: digits, offset: offset, stride: stride, bucketCount: bucketCount,
            roundSize: roundSize, vectorized: VectorArithmetic.isAvailable, pointsAreFinite: false)
    }

    /// `bucketSums(of:digits:offset:stride:bucketCount:roundSize:)` for
    /// points the caller knows to be finite, as Pippenger's GLV terms are:
    /// each call then leaves the points alone until a round adds them,
    /// where checking for the identity streamed every point (72 bytes for
    /// one flag) through the cache once more per window.
    ///
    /// - Parameters:
    ///   - points: the points, none of them the identity (debug builds
    ///     check; in release an identity point makes the sums wrong).
    ///   - digits: point i's digit is `digits[offset + i · stride]`; zero
    ///     leaves the point out, and |d| must not exceed `bucketCount`.
    ///   - offset: where point 0's digit is.
    ///   - stride: how far apart consecutive points' digits are.
    ///   - bucketCount: the number of buckets.
    ///   - roundSize: the most additions in one round.
    /// - Returns: the buckets, the identity where no point fell.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public static func bucketSums(
        ofFinite points: [Point],
        digits: [Int16],
        offset: Int,
        stride: Int,
        bucketCount: Int,
        roundSize: Int = 512
    ) -> [Point] {
        assert(!points.contains { $0.isInfinity }, "finite points only")
        return bucketSums(
            of: points, digits: digits, offset: offset, stride: stride, bucketCount: bucketCount,
            roundSize: roundSize, vectorized: VectorArithmetic.isAvailable, pointsAreFinite: true)
    }

    /// `bucketSums(of:digits:offset:stride:bucketCount:roundSize:)`, its
    /// chord additions eight lanes at a time when `vectorized` (which needs
    /// `VectorArithmetic.isAvailable`), else one at a time.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    static func bucketSums(
        of points: [Point],
        digits: [Int16],
        offset: Int,
        stride: Int,
        bucketCount: Int,
        roundSize: Int,
        vectorized: Bool,
        pointsAreFinite: Bool = false
    ) -> [Point] {
        precondition(!vectorized || VectorArithmetic.isAvailable, "vector arithmetic on this machine")
        precondition(stride > 0 && offset >= 0 && roundSize > 0, "a valid digit layout")
        precondition(points.isEmpty || offset + (points.count - 1) * stride < digits.count, "one digit per point")
        var buckets = [Point](repeating: .infinity, count: bucketCount)
        // Per bucket: −2 while it is empty, −1 once it holds a point, then
        // the last round that took it. The first pass reads it rather than
        // the buckets themselves (72 bytes each, out of L1).
        var roundOf = [Int32](repeating: -2, count: bucketCount)
        var round = [BucketAddition](), deferred = [BucketAddition]()
        round.reserveCapacity(roundSize)
        deferred.reserveCapacity(points.count)  // a pass defers at most what it was given
        var roundNumber: Int32 = 0
        var emptiedBuckets = 0  // buckets an exact sum left at the identity (see addVectorRound)
        var scratch = Scratch()
        var vectorScratch = VectorScratch()
        if vectorized { vectorScratch.chords.reserveCapacity(min(roundSize, points.count)) }  // one allocation, not one per doubling
        // The first pass reads each digit once and fills rounds as it goes
        // (a list of every addition, written here and read back by the
        // rounds, was 1.5 MB a window at 2^17 terms): a point meeting an
        // empty bucket fills it, and an addition whose bucket the round
        // being filled already takes waits for a later pass.
        for i in points.indices {
            let digit = Int(digits[offset + i * stride])
            if digit == 0 || (!pointsAreFinite && points[i].isInfinity) { continue }
            precondition(abs(digit) <= bucketCount, "a digit within the buckets")
            let bucket = abs(digit) - 1
            if roundOf[bucket] == -2 {
                roundOf[bucket] = -1
                buckets[bucket] = points[i].negated(if: digit < 0)
                continue
            }
            let addition = BucketAddition(point: Int32(i), bucket: Int32(bucket), negated: digit < 0 ? 1 : 0)
            if roundOf[bucket] == roundNumber {
                deferred.append(addition)
                continue
            }
            roundOf[bucket] = roundNumber
            round.append(addition)
            if round.count == roundSize {
                runRound(points, &round, into: &buckets, emptiedBuckets: &emptiedBuckets, vectorized: vectorized, scratch: &scratch, vectorScratch: &vectorScratch)
                roundNumber += 1
            }
        }
        if !round.isEmpty {
            runRound(points, &round, into: &buckets, emptiedBuckets: &emptiedBuckets, vectorized: vectorized, scratch: &scratch, vectorScratch: &vectorScratch)
            roundNumber += 1
        }
        // Then the deferred additions, pass after pass.
        var pending = [BucketAddition]()
        swap(&pending, &deferred)
        deferred.reserveCapacity(pending.count)  // once, not a growth at a time
        while !pending.isEmpty {
            deferred.removeAll(keepingCapacity: true)
            var position = 0
            while position < pending.count {
                while position < pending.count, round.count < roundSize {
                    let addition = pending[position]
                    position += 1
                    if roundOf[Int(addition.bucket)] == roundNumber {
                        deferred.append(addition)
                    } else {
                        roundOf[Int(addition.bucket)] = roundNumber
                        round.append(addition)
                    }
                }
                runRound(points, &round, into: &buckets, emptiedBuckets: &emptiedBuckets, vectorized: vectorized, scratch: &scratch, vectorScratch: &vectorScratch)
                roundNumber += 1
            }
            swap(&pending, &deferred)
        }
        return buckets
    }

    /// One addition of `bucketSums`: a point, negated when `negated` is
    /// nonzero, into a bucket; the C type, so the vector kernels read it too.
    typealias BucketAddition = pasta_bucket_addition

    /// Runs one round of `bucketSums` by the arithmetic chosen (the kernels'
    /// `addVectorRound` or the Swift `addRound`) and empties the round's
    /// list for the next.
    @inline(__always)
    static func runRound(
        _ points: [Point], _ round: inout [BucketAddition], into buckets: inout [Point], emptiedBuckets: inout Int,
        vectorized: Bool, scratch: inout Scratch, vectorScratch: inout VectorScratch
    ) {
        if vectorized {
            addVectorRound(points, &round, into: &buckets, emptiedBuckets: &emptiedBuckets, scratch: &vectorScratch)
        } else {
            addRound(points, round, into: &buckets, scratch: &scratch)
        }
        round.removeAll(keepingCapacity: true)
    }

    /// One round of `bucketSums`: every addition's point added into its
    /// bucket, the buckets all distinct, in the two passes of
    /// `add(_:into:scratch:)`.
    @inline(__always)
    static func addRound(_ points: [Point], _ round: [BucketAddition], into buckets: inout [Point], scratch: inout Scratch) {
        scratch.reserve(round.count)
        var product = Field.one
        for k in round.indices {
            let p = buckets[Int(round[k].bucket)], q = points[Int(round[k].point)]
            if isGeneric(p, q) {  // the sign of q does not change its x
                scratch.products[k] = product
                product *= q.x - p.x
            }
        }
        var inverse = invertNonzero(product)
        for k in Swift.stride(from: round.count - 1, through: 0, by: -1) {
            let addition = round[k], target = Int(addition.bucket)
            let q = points[Int(addition.point)].negated(if: addition.negated != 0)
            buckets[target] = roundSum(buckets[target], q, inverse: &inverse, before: scratch.products[k])
        }
    }
}
