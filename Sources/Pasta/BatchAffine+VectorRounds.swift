/// The batch-affine rounds through the eight-lane kernels (see
/// `VectorArithmetic`): each sorts its elements into those the affine
/// formulas apply to, which go to the kernels, and the exceptions, done
/// here one at a time with the exact formulas.
extension BatchAffine {
    /// One round of `bucketSums` with the eight-lane kernels.
    ///
    /// While no bucket has been emptied (`emptiedBuckets` is zero), every
    /// bucket and point of the round is finite, so the round goes to the
    /// kernels as it is, with no look at the points here: the only
    /// exceptions left are P + P and P + (−P), whose zero denominator the
    /// kernels report before writing anything. Such a round, and every
    /// round once some bucket has been emptied, is sorted here instead: the
    /// additions the chord formula does not apply to (an empty bucket, P + P,
    /// P + (−P)) one at a time with the exact formulas, the rest in one
    /// vector round.
    ///
    /// - Parameters:
    ///   - round: the additions, no two into the same bucket; lent to the
    ///     kernels by swapping it into the scratch and back, not copied.
    ///   - emptiedBuckets: how many buckets an exact sum has left at the
    ///     identity; this round adds the ones it empties and takes off
    ///     the ones it refills.
    static func addVectorRound(
        _ points: [Point],
        _ round: inout [BucketAddition],
        into buckets: inout [Point],
        emptiedBuckets: inout Int,
        scratch: inout VectorScratch
    ) {
        if emptiedBuckets == 0 {
            swap(&round, &scratch.chords)
            let added = unsafeVectorChordRound(points, into: &buckets, scratch: &scratch)
            swap(&round, &scratch.chords)
            if added { return }
        }
        scratch.chords.removeAll(keepingCapacity: true)
        for addition in round {
            let target = Int(addition.bucket), p = buckets[target], q = points[Int(addition.point)]
            if isGeneric(p, q) {
                scratch.chords.append(addition)
            } else {
                let sum = exceptionalSum(p, q.negated(if: addition.negated != 0))
                if sum.isInfinity && !p.isInfinity { emptiedBuckets += 1 }
                if p.isInfinity && !sum.isInfinity { emptiedBuckets -= 1 }
                buckets[target] = sum
            }
        }
        let added = unsafeVectorChordRound(points, into: &buckets, scratch: &scratch)
        precondition(added, "the chords were sorted from the exceptions")
    }

    /// `add(_:into:scratch:)` through the eight-lane kernels: the chord's
    /// exceptions one at a time here, the rest in one vector round.
    static func addVectorized(_ addends: [Point], into accumulators: inout [Point], scratch: inout Scratch) {
        precondition(accumulators.count <= Int(Int32.max), "indices the kernels can take")
        scratch.vector.chords.removeAll(keepingCapacity: true)
        for i in accumulators.indices {
            let p = accumulators[i], q = addends[i]
            if isGeneric(p, q) {
                scratch.vector.chords.append(BucketAddition(point: Int32(i), bucket: Int32(i), negated: 0))
            } else {
                accumulators[i] = exceptionalSum(p, q)
            }
        }
        let added = unsafeVectorChordRound(addends, into: &accumulators, scratch: &scratch.vector)
        precondition(added, "the chords were sorted from the exceptions")
    }

    /// `butterflies(_:_:scratch:)` through the eight-lane kernels: the
    /// pairs the chord does not apply to one at a time here, the rest in
    /// one vector round.
    static func butterfliesVectorized(_ evens: inout [Point], _ odds: inout [Point], scratch: inout Scratch) {
        precondition(evens.count <= Int(Int32.max), "indices the kernels can take")
        scratch.vector.chords.removeAll(keepingCapacity: true)
        scratch.vector.chords.reserveCapacity(evens.count)  // one allocation, not one per doubling of the list
        for i in evens.indices {
            let p = evens[i], q = odds[i]
            if isGeneric(p, q) {
                scratch.vector.chords.append(BucketAddition(point: Int32(i), bucket: Int32(i), negated: 0))
            } else {
                (evens[i], odds[i]) = (exceptionalSum(p, q), exceptionalSum(p, -q))
            }
        }
        unsafeVectorButterflyRound(&evens, &odds, scratch: &scratch.vector)
    }

    /// `double(_:scratch:)` through the eight-lane kernels: the identity
    /// stays, and a point with y = 0 (of order 2, which Pasta's prime-order
    /// curves do not have) would be doubled here by the exact formulas.
    static func doubleVectorized(_ points: inout [Point], scratch: inout Scratch) {
        precondition(points.count <= Int(Int32.max), "indices the kernels can take")
        scratch.vector.chords.removeAll(keepingCapacity: true)
        for i in points.indices where !points[i].isInfinity {
            if points[i].y.isZero {
                points[i] = points[i].projective.doubled.affine
            } else {
                scratch.vector.chords.append(BucketAddition(point: Int32(i), bucket: Int32(i), negated: 0))
            }
        }
        unsafeVectorTangentRound(&points, scratch: &scratch.vector)
    }
}
