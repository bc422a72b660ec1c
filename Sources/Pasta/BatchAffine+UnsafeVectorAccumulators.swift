import CPastaVector

/// `combinations` through the eight-lane kernels with its accumulators
/// kept in the kernels' own layout from the first window to the last (see
/// `pasta_vector_accumulator_words`). Everything unsafe about that path is
/// in this file.
extension BatchAffine {
    /// The affine rounds of `combinations(of:terms:width:accumulators:vectorized:)`
    /// on the kernels: per window five doubling rounds, then one addition
    /// round per GLV half, each around one shared inversion. The kernels
    /// read every addend straight from the table by the digits, so nothing
    /// here touches an accumulator but the rare P + P or P + (−P), which
    /// the kernels hand back and which are finished here with the exact
    /// formulas.
    ///
    /// The caller guarantees: `VectorArithmetic.isAvailable`; `table` is
    /// `multiples(points, …)`, 16 entries a point; `digits` as
    /// `combinations` lays them out, `windows` a half; the table's and the
    /// batch's indices within `Int32`.
    ///
    /// - Returns: one point per combination.
    static func unsafeVectorCombinations(
        points: [Point], table: [Point], terms: [Term], width: Int, digits: [Int8], windows: Int, scratch: VectorScratch
    ) -> [Point] {
        let count = terms.count / width
        let halves = 2 * width
        let entriesPerPoint = 1 << (windowBits - 1)
        precondition(table.count == points.count * entriesPerPoint && table.count <= Int(Int32.max), "a table the kernels can index")
        // One allocation for the kernels' buffers, cut into (in this order)
        // the accumulators, the round's scratch, the lanes' totals, 16ξ, the
        // exceptions, each term's point and the live masks.
        let accumulatorWords = pasta_vector_accumulator_words(count)
        let scratchWords = pasta_vector_accumulator_scratch_words(count)
        let laneWords = 4 * Int(PASTA_VECTOR_LANES)
        let words = accumulatorWords + scratchWords + laneWords + 4
        let slots = (count + Int(PASTA_VECTOR_LANES) - 1) / Int(PASTA_VECTOR_LANES)
        let bytes = 8 * words + 4 * (count + terms.count) + slots
        let memory = UnsafeMutableRawBufferPointer.allocate(byteCount: bytes, alignment: 64)
        defer { memory.deallocate() }
        memory.initializeMemory(as: UInt8.self, repeating: 0)
        let wordBuffer = memory[0..<8 * words].bindMemory(to: UInt64.self)
        let accumulators = UnsafeMutableBufferPointer(rebasing: wordBuffer[0..<accumulatorWords])
        let roundWords = UnsafeMutableBufferPointer(rebasing: wordBuffer[accumulatorWords..<accumulatorWords + scratchWords])
        let lanes = UnsafeMutableBufferPointer(rebasing: wordBuffer[accumulatorWords + scratchWords..<words - 4])
        let factor = UnsafeMutableBufferPointer(rebasing: wordBuffer[(words - 4)...])
        let xi = scratch.endomorphismFactor
        (factor[0], factor[1], factor[2], factor[3]) = (xi.0, xi.1, xi.2, xi.3)
        let indexBuffer = memory[8 * words..<8 * words + 4 * (count + terms.count)].bindMemory(to: Int32.self)
        let exceptions = UnsafeMutableBufferPointer(rebasing: indexBuffer[0..<count])
        // Each term's point, or −1 where the term adds nothing whatever its digits.
        let pointOf = UnsafeMutableBufferPointer(rebasing: indexBuffer[count...])
        for (index, term) in terms.enumerated() {
            pointOf[index] = term.scalar.isZero || points[term.point].isInfinity ? -1 : Int32(term.point)
        }
        let live = memory[(8 * words + 4 * (count + terms.count))...].bindMemory(to: UInt8.self)

        var field = scratch.field
        let layout = scratch.layout
        let beta = Curve.endomorphismCoefficient
        table.withUnsafeBytes { tableBytes in
            digits.withUnsafeBufferPointer { digits in
                for window in stride(from: windows - 1, through: 0, by: -1) {
                    if window != windows - 1 {
                        for _ in 0..<windowBits {
                            let doubled = pasta_vector_accumulators_double_forward(
                                &field, accumulators.baseAddress, live.baseAddress, count, roundWords.baseAddress, lanes.baseAddress)
                            if doubled == 0 { break }
                            scaledLaneInverses(lanes, factor: 1536)
                            pasta_vector_accumulators_double_backward(
                                &field, accumulators.baseAddress, live.baseAddress, count, roundWords.baseAddress, lanes.baseAddress)
                        }
                    }
                    for half in 0..<halves {
                        let endomorphism = half & 1 == 1
                        let selection = pasta_entry_selection(
                            digits: digits.baseAddress! + (half * windows + window), digit_stride: halves * windows,
                            points: pointOf.baseAddress! + half / 2, point_stride: width,
                            entries_per_point: entriesPerPoint)
                        var excepted = 0
                        let chords = pasta_vector_accumulators_add_forward(
                            &field, layout, tableBytes.baseAddress, selection, count,
                            endomorphism ? UnsafePointer(factor.baseAddress) : nil,
                            accumulators.baseAddress, live.baseAddress, roundWords.baseAddress, lanes.baseAddress,
                            exceptions.baseAddress, &excepted)
                        if chords > 0 {
                            scaledLaneInverses(lanes, factor: 64)
                            pasta_vector_accumulators_add_backward(
                                &field, accumulators.baseAddress, count, roundWords.baseAddress, lanes.baseAddress)
                        }
                        // P + P and P + (−P): the kernels left these accumulators as they were.
                        for e in 0..<excepted {
                            let c = Int(exceptions[e])
                            let digit = Int(digits[(halves * c + half) * windows + window])
                            let point = terms[c * width + half / 2].point
                            let entry = table[point * entriesPerPoint + abs(digit) - 1]
                            let q = addend(entry, negated: digit < 0, xi: endomorphism ? beta : nil)
                            let sum = (accumulator(accumulators, c).projective + q).affine
                            if sum.isInfinity {
                                live[c / 8] &= ~(UInt8(1) << (c % 8))
                            } else {
                                setAccumulator(accumulators, c, to: sum)
                            }
                        }
                    }
                }
            }
        }
        return (0..<count).map { c in live[c / 8] & (UInt8(1) << (c % 8)) == 0 ? .infinity : accumulator(accumulators, c) }
    }

    /// Accumulator `index`, which the caller knows to be live.
    private static func accumulator(_ accumulators: UnsafeMutableBufferPointer<UInt64>, _ index: Int) -> Point {
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 8) { w in
            pasta_vector_accumulator_read(accumulators.baseAddress, index, w.baseAddress)
            return Point(
                unchecked: Field(montgomeryValue: UInt256(w[0], w[1], w[2], w[3])),
                Field(montgomeryValue: UInt256(w[4], w[5], w[6], w[7])))
        }
    }

    /// Sets accumulator `index` to a finite point.
    private static func setAccumulator(_ accumulators: UnsafeMutableBufferPointer<UInt64>, _ index: Int, to point: Point) {
        let x = point.x.montgomeryValue, y = point.y.montgomeryValue
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 8) { w in
            (w[0], w[1], w[2], w[3]) = (x.w0, x.w1, x.w2, x.w3)
            (w[4], w[5], w[6], w[7]) = (y.w0, y.w1, y.w2, y.w3)
            pasta_vector_accumulator_write(accumulators.baseAddress, index, w.baseAddress)
        }
    }
}
