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
        precondition(stride > 0 && offset >= 0 && roundSize > 0, "a valid digit layout")
        precondition(points.isEmpty || offset + (points.count - 1) * stride < digits.count, "one digit per point")
        var buckets = [Point](repeating: .infinity, count: bucketCount)
        // Pending additions as point index × 2 + (1 if the digit is negative).
        var pending = [Int32]()
        pending.reserveCapacity(points.count)
        for i in points.indices {
            let digit = Int(digits[offset + i * stride])
            if digit == 0 || points[i].isInfinity { continue }
            precondition(abs(digit) <= bucketCount, "a digit within the buckets")
            let bucket = abs(digit) - 1
            if buckets[bucket].isInfinity {
                buckets[bucket] = points[i].negated(if: digit < 0)
            } else {
                pending.append(Int32(i << 1 | (digit < 0 ? 1 : 0)))
            }
        }
        var round = [Int32](), deferred = [Int32]()
        round.reserveCapacity(roundSize)
        var roundOf = [Int32](repeating: -1, count: bucketCount)  // the last round that took a bucket
        var roundNumber: Int32 = 0
        var scratch = Scratch()
        while !pending.isEmpty {
            deferred.removeAll(keepingCapacity: true)
            var position = 0
            while position < pending.count {
                round.removeAll(keepingCapacity: true)
                while position < pending.count, round.count < roundSize {
                    let entry = pending[position]
                    position += 1
                    let bucket = abs(Int(digits[offset + Int(entry >> 1) * stride])) - 1
                    if roundOf[bucket] == roundNumber {
                        deferred.append(entry)
                    } else {
                        roundOf[bucket] = roundNumber
                        round.append(entry)
                    }
                }
                addRound(points, round, digits: digits, offset: offset, stride: stride, into: &buckets, scratch: &scratch)
                roundNumber += 1
            }
            swap(&pending, &deferred)
        }
        return buckets
    }

    /// One round of `bucketSums`: every entry's point (negated if its low
    /// bit says so) added into its bucket, the buckets all distinct, in the
    /// two passes of `add(_:into:scratch:)`.
    @inlinable @inline(__always)
    static func addRound(
        _ points: [Point], _ round: [Int32], digits: [Int16], offset: Int, stride: Int,
        into buckets: inout [Point], scratch: inout Scratch
    ) {
        @inline(__always) func bucket(_ entry: Int32) -> Int { abs(Int(digits[offset + Int(entry >> 1) * stride])) - 1 }
        scratch.reserve(round.count)
        var product = Field.one
        for k in round.indices {
            let entry = round[k]
            let p = buckets[bucket(entry)], q = points[Int(entry >> 1)]
            if isGeneric(p, q) {
                scratch.products[k] = product
                product *= q.x - p.x
            }
        }
        var inverse = invertNonzero(product)
        for k in Swift.stride(from: round.count - 1, through: 0, by: -1) {
            let entry = round[k]
            let target = bucket(entry)
            let p = buckets[target], q = points[Int(entry >> 1)].negated(if: entry & 1 == 1)
            if isGeneric(p, q) {
                let elementInverse = inverse * scratch.products[k]
                inverse *= q.x - p.x
                buckets[target] = chord(p, q.x, q.y, inverse: elementInverse)
            } else if p.isInfinity {
                buckets[target] = q  // a bucket emptied by P + (−P) earlier
            } else {
                buckets[target] = (p.projective + q).affine  // P + P or P + (−P)
            }
        }
    }
}
