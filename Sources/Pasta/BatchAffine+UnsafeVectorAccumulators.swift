import CPastaVector

/// `combinations` and its tables of multiples through the eight-lane
/// kernels, with the accumulators kept in the kernels' own layout from the
/// first round to the last (see `pasta_vector_accumulator_words`).
/// Everything unsafe about that path is in this file.
extension BatchAffine {
    /// The affine rounds of `combinations(of:terms:width:accumulators:vectorized:)`
    /// on the kernels: per window four doubling rounds, the fifth doubling
    /// fused with half 0's addition (2P + Q in two rounds), then one
    /// addition round per other GLV half, each round around one shared
    /// inversion. The kernels read every addend straight from the table by
    /// the digits, so nothing here touches an accumulator but the rare
    /// P + P, P + (−P) and 2P + Q = O, which the kernels hand back and
    /// which are finished here with the exact formulas.
    ///
    /// The caller guarantees: `VectorArithmetic.isAvailable`; `digits` as
    /// `combinations` lays them out, `windows` a half; the table's (16
    /// entries a point) and the batch's indices within `Int32`.
    ///
    /// - Returns: one point per combination.
    static func unsafeVectorCombinations(
        points: [Point], terms: [Term], width: Int, digits: [Int8], windows: Int, scratch: VectorScratch
    ) -> [Point] {
        let count = terms.count / width
        let halves = 2 * width
        let entriesPerPoint = 1 << (windowBits - 1)
        precondition(points.count * entriesPerPoint <= Int(Int32.max), "a table the kernels can index")
        let table = unsafeVectorTable(points, scratch: scratch)
        defer { table.deallocate() }
        var buffers = AccumulatorBuffers(count: count, indices: terms.count, scratch: scratch)
        defer { buffers.deallocate() }
        // Each term's point, or −1 where the term adds nothing whatever its digits.
        for (index, term) in terms.enumerated() {
            buffers.points[index] = term.scalar.isZero || points[term.point].isInfinity ? -1 : Int32(term.point)
        }
        let beta = Curve.endomorphismCoefficient
        let tableBytes = UnsafeRawBufferPointer(table.memory)
        // What combination c adds for one window of one half, for the
        // exceptions the kernels hand back.
        func addend(window: Int, half: Int, combination c: Int) -> Point {
            let digit = Int(digits[digitRow(window: window, half: half, halves: halves, count: count) + c])
            let entry = table.entry(terms[c * width + half / 2].point * entriesPerPoint + abs(digit) - 1)
            return BatchAffine.addend(entry, negated: digit < 0, xi: half & 1 == 1 ? beta : nil)
        }
        digits.withUnsafeBufferPointer { digits in
            // The entries one window of one half adds, for the kernels.
            func selection(window: Int, half: Int) -> pasta_entry_selection {
                pasta_entry_selection(
                    digits: digits.baseAddress! + digitRow(window: window, half: half, halves: halves, count: count), digit_stride: 1,
                    points: UnsafePointer(buffers.points.baseAddress! + half / 2), point_stride: width,
                    entries_per_point: entriesPerPoint)
            }
            for window in stride(from: windows - 1, through: 0, by: -1) {
                var firstHalf = 0
                if window != windows - 1 {
                    for _ in 0..<windowBits - 1 {
                        if buffers.doublingRound() == 0 { break }
                    }
                    // The last doubling and half 0's entry as one 2P + Q.
                    buffers.doubleAddRound(from: tableBytes, layout: VectorTable.layout, selection(window: window, half: 0)) {
                        addend(window: window, half: 0, combination: $0)
                    }
                    firstHalf = 1
                }
                for half in firstHalf..<halves {
                    // P + P and P + (−P): the kernels left these accumulators as they were.
                    buffers.additionRound(
                        from: tableBytes, layout: VectorTable.layout, selection(window: window, half: half), endomorphism: half & 1 == 1
                    ) {
                        addend(window: window, half: half, combination: $0)
                    }
                }
            }
        }
        return (0..<count).map { buffers.isLive($0) ? buffers.accumulator($0) : .infinity }
    }

    /// `unsafeVectorTable`'s entries as points, for the tests that hold the
    /// kernels' table against `multiples`.
    ///
    /// The caller guarantees `VectorArithmetic.isAvailable` and at most
    /// `Int32.max` points.
    ///
    /// - Returns: j·P at 16·i + j − 1 for point i; the identity's entries
    ///   are the identity.
    static func unsafeVectorMultiples(_ base: [Point], scratch: VectorScratch) -> [Point] {
        let tableSize = 1 << (windowBits - 1)
        let table = unsafeVectorTable(base, scratch: scratch)
        defer { table.deallocate() }
        return (0..<base.count * tableSize).map { base[$0 / tableSize].isInfinity ? .infinity : table.entry($0) }
    }

    /// The multiples 1·P … 16·P of every point, made on the kernels: the
    /// running multiple of every point stays in the kernels' layout,
    /// doubled once and then added to its point fourteen times, each round
    /// around one shared inversion, and each multiple is stored into the
    /// table as it is made.
    ///
    /// The caller guarantees `VectorArithmetic.isAvailable` and at most
    /// `Int32.max` points, and deallocates the table.
    ///
    /// - Returns: j·P at entry 16·i + j − 1 for point i; the identity's
    ///   entries are zeros, which the kernels may load for lanes that add
    ///   nothing but never use.
    static func unsafeVectorTable(_ base: [Point], scratch: VectorScratch) -> VectorTable {
        let count = base.count
        let tableSize = 1 << (windowBits - 1)
        precondition(count <= Int(Int32.max), "indices the kernels can take")
        let table = VectorTable(
            entries: count * tableSize, identities: base.indices.filter { base[$0].isInfinity }, entriesPerPoint: tableSize)
        if count == 0 { return table }
        var buffers = AccumulatorBuffers(count: count, indices: count, scratch: scratch)
        defer { buffers.deallocate() }
        for i in 0..<count { buffers.points[i] = base[i].isInfinity ? -1 : Int32(i) }
        // Every accumulator adds its own point, digit 1, in every round.
        let one: Int8 = 1
        withUnsafePointer(to: one) { one in
            let selection = pasta_entry_selection(
                digits: one, digit_stride: 0, points: UnsafePointer(buffers.points.baseAddress!), point_stride: 1, entries_per_point: 1)
            base.withUnsafeBytes { baseBytes in
                for multiple in 1...tableSize {
                    if multiple == 2 {
                        _ = buffers.doublingRound()
                    } else {
                        // Multiple 1 takes each point into its empty lane.
                        buffers.additionRound(from: baseBytes, layout: buffers.layout, selection, endomorphism: false) { base[$0] }
                    }
                    pasta_vector_accumulators_store(
                        &buffers.field, buffers.accumulators.baseAddress, buffers.live.baseAddress, count, VectorTable.layout,
                        table.memory.baseAddress, multiple - 1, tableSize)
                }
            }
        }
        // jP = 0 for a finite P and j ≤ 16 would take a point of order at
        // most 16, which Pasta's prime-order curves do not have.
        precondition(base.indices.allSatisfy { base[$0].isInfinity || buffers.isLive($0) }, "no finite multiple is the identity")
        return table
    }

    /// A table of multiples in one 64-byte cache line an entry: x's four
    /// Montgomery words, then y's. As an array of points an entry took 72
    /// bytes, so seven in eight of them straddled two lines, and an
    /// addition round, whose entries are scattered over a table larger
    /// than a core's L2, fetched nearly twice the lines it needed.
    struct VectorTable {
        /// Where the kernels find an entry's coordinates.
        static var layout: pasta_point_layout { pasta_point_layout(stride: 8, x: 0, y: 4) }

        let memory: UnsafeMutableRawBufferPointer

        /// Room for `entries` entries, 64-byte aligned: the entries of the
        /// points in `identities` zeroed, every other left for the kernels
        /// to write (zeroing a run's whole table was 0.6% of a basis).
        ///
        /// - Parameters:
        ///   - entries: the number of entries.
        ///   - identities: the points whose entries no kernel writes.
        ///   - entriesPerPoint: entries a point.
        init(entries: Int, identities: [Int], entriesPerPoint: Int) {
            memory = UnsafeMutableRawBufferPointer.allocate(byteCount: max(1, entries) * 64, alignment: 64)
            for point in identities {
                let bytes = point * entriesPerPoint * 64..<(point + 1) * entriesPerPoint * 64
                UnsafeMutableRawBufferPointer(rebasing: memory[bytes]).initializeMemory(as: UInt8.self, repeating: 0)
            }
        }

        func deallocate() { memory.deallocate() }

        /// Entry `index`, which the caller knows to be a finite point.
        func entry(_ index: Int) -> Point {
            let words = UnsafeRawBufferPointer(rebasing: memory[index * 64..<(index + 1) * 64])
            func word(_ i: Int) -> UInt64 { words.loadUnaligned(fromByteOffset: 8 * i, as: UInt64.self) }
            return Point(
                unchecked: Field(montgomeryValue: UInt256(word(0), word(1), word(2), word(3))),
                Field(montgomeryValue: UInt256(word(4), word(5), word(6), word(7))))
        }
    }

    /// The kernels' buffers for the rounds over `count` accumulators, in
    /// one allocation: the accumulators in the kernels' layout, a round's
    /// scratch, the lanes' totals, the fused rounds' x3 and slopes, 16ξ and
    /// 384, the exceptions a round hands back,
    /// `indices` 32-bit point indices for the caller, and the live masks.
    private struct AccumulatorBuffers {
        let count: Int
        let memory: UnsafeMutableRawBufferPointer
        let accumulators: UnsafeMutableBufferPointer<UInt64>
        let roundWords: UnsafeMutableBufferPointer<UInt64>
        let lanes: UnsafeMutableBufferPointer<UInt64>
        let factor: UnsafeMutableBufferPointer<UInt64>
        let tangentFactor: UnsafeMutableBufferPointer<UInt64>
        let partial: UnsafeMutableBufferPointer<UInt64>
        let exceptions: UnsafeMutableBufferPointer<Int32>
        let points: UnsafeMutableBufferPointer<Int32>
        let live: UnsafeMutableBufferPointer<UInt8>
        var field: pasta_vector_field
        let layout: pasta_point_layout

        init(count: Int, indices: Int, scratch: VectorScratch) {
            self.count = count
            let accumulatorWords = pasta_vector_accumulator_words(count)
            let scratchWords = pasta_vector_accumulator_scratch_words(count)
            let words = 2 * accumulatorWords + scratchWords + 4 * Int(PASTA_VECTOR_LANES) + 8
            let slots = (count + Int(PASTA_VECTOR_LANES) - 1) / Int(PASTA_VECTOR_LANES)
            let indexBytes = 8 * words, liveBytes = indexBytes + 4 * (count + indices)
            memory = UnsafeMutableRawBufferPointer.allocate(byteCount: liveBytes + slots, alignment: 64)
            // Only the accumulators and the live masks are read before the
            // kernels or this type write them; the rest stays as it comes.
            UnsafeMutableRawBufferPointer(rebasing: memory[0..<8 * accumulatorWords]).initializeMemory(as: UInt8.self, repeating: 0)
            UnsafeMutableRawBufferPointer(rebasing: memory[liveBytes...]).initializeMemory(as: UInt8.self, repeating: 0)
            let wordBuffer = memory[0..<indexBytes].bindMemory(to: UInt64.self)
            accumulators = UnsafeMutableBufferPointer(rebasing: wordBuffer[0..<accumulatorWords])
            roundWords = UnsafeMutableBufferPointer(rebasing: wordBuffer[accumulatorWords..<accumulatorWords + scratchWords])
            let lanesStart = accumulatorWords + scratchWords, lanesEnd = lanesStart + 4 * Int(PASTA_VECTOR_LANES)
            lanes = UnsafeMutableBufferPointer(rebasing: wordBuffer[lanesStart..<lanesEnd])
            partial = UnsafeMutableBufferPointer(rebasing: wordBuffer[lanesEnd..<words - 8])
            factor = UnsafeMutableBufferPointer(rebasing: wordBuffer[(words - 8)..<words - 4])
            tangentFactor = UnsafeMutableBufferPointer(rebasing: wordBuffer[(words - 4)...])
            let xi = scratch.endomorphismFactor, t = scratch.tangentFactor
            (factor[0], factor[1], factor[2], factor[3]) = (xi.0, xi.1, xi.2, xi.3)
            (tangentFactor[0], tangentFactor[1], tangentFactor[2], tangentFactor[3]) = (t.0, t.1, t.2, t.3)
            let indexBuffer = memory[indexBytes..<liveBytes].bindMemory(to: Int32.self)
            exceptions = UnsafeMutableBufferPointer(rebasing: indexBuffer[0..<count])
            points = UnsafeMutableBufferPointer(rebasing: indexBuffer[count...])
            live = memory[liveBytes...].bindMemory(to: UInt8.self)
            field = scratch.field
            layout = scratch.layout
        }

        func deallocate() { memory.deallocate() }

        func isLive(_ c: Int) -> Bool { live[c / 8] & (UInt8(1) << (c % 8)) != 0 }

        /// Doubles every live accumulator.
        ///
        /// - Returns: how many were live.
        mutating func doublingRound() -> Int {
            let doubled = pasta_vector_accumulators_double_forward(
                &field, accumulators.baseAddress, live.baseAddress, count, roundWords.baseAddress, lanes.baseAddress)
            if doubled == 0 { return 0 }
            BatchAffine.scaledLaneInverses(lanes, factor: 1536)
            pasta_vector_accumulators_double_backward(
                &field, accumulators.baseAddress, live.baseAddress, count, roundWords.baseAddress, lanes.baseAddress)
            return doubled
        }

        /// Adds to each accumulator its entry of `table` as `selection`
        /// chooses it, read as φ of the entry when `endomorphism`; those the
        /// chord cannot add are added here with the exact formulas, to the
        /// point `addend` gives for their index.
        mutating func additionRound(
            from table: UnsafeRawBufferPointer, layout tableLayout: pasta_point_layout, _ selection: pasta_entry_selection,
            endomorphism: Bool, addend: (Int) -> Point
        ) {
            var excepted = 0
            let chords = addForward(from: table, layout: tableLayout, selection, endomorphism: endomorphism, excepted: &excepted)
            if chords > 0 {
                BatchAffine.scaledLaneInverses(lanes, factor: 64)
                pasta_vector_accumulators_add_backward(&field, accumulators.baseAddress, count, roundWords.baseAddress, lanes.baseAddress)
            }
            finishExceptions(excepted) { c in (accumulator(c).projective + addend(c)).affine }
        }

        /// Doubles every live accumulator and adds its entry as `selection`
        /// chooses it, as one 2P + Q where there is an entry (the fused
        /// rounds, see `pasta_vector_accumulators_double_add_first_backward`);
        /// an accumulator at the identity takes its entry. Those the chords
        /// cannot add (Q = ±P, or P + Q = −P) are finished here with the
        /// exact formulas, with the point `addend` gives for their index.
        mutating func doubleAddRound(
            from table: UnsafeRawBufferPointer, layout tableLayout: pasta_point_layout, _ selection: pasta_entry_selection,
            addend: (Int) -> Point
        ) {
            var firstExcepted = 0, secondExcepted = 0
            let chords = addForward(from: table, layout: tableLayout, selection, endomorphism: false, excepted: &firstExcepted)
            if chords > 0 {
                BatchAffine.scaledLaneInverses(lanes, factor: 64)
                pasta_vector_accumulators_double_add_first_backward(
                    &field, accumulators.baseAddress, count, roundWords.baseAddress, lanes.baseAddress, partial.baseAddress)
            }
            // The second pass's exceptions go after the first's: no lane is in both.
            let changed = pasta_vector_accumulators_double_add_second_forward(
                &field, accumulators.baseAddress, count, roundWords.baseAddress, partial.baseAddress, tangentFactor.baseAddress,
                lanes.baseAddress, exceptions.baseAddress! + firstExcepted, &secondExcepted)
            if changed > 0 {
                BatchAffine.scaledLaneInverses(lanes, factor: 64)
                pasta_vector_accumulators_double_add_second_backward(
                    &field, accumulators.baseAddress, count, roundWords.baseAddress, partial.baseAddress, lanes.baseAddress)
            }
            // Both kinds of exception left P as it was.
            finishExceptions(firstExcepted + secondExcepted) { c in (accumulator(c).projective.doubled + addend(c)).affine }
        }

        /// The addition round's first pass (`pasta_vector_accumulators_add_forward`),
        /// which both kinds of round begin with.
        ///
        /// - Returns: the lanes the chord adds; their exceptions' number in `excepted`.
        private mutating func addForward(
            from table: UnsafeRawBufferPointer, layout tableLayout: pasta_point_layout, _ selection: pasta_entry_selection,
            endomorphism: Bool, excepted: inout Int
        ) -> Int {
            pasta_vector_accumulators_add_forward(
                &field, tableLayout, table.baseAddress, selection, count, endomorphism ? UnsafePointer(factor.baseAddress) : nil,
                accumulators.baseAddress, live.baseAddress, roundWords.baseAddress, lanes.baseAddress,
                exceptions.baseAddress, &excepted)
        }

        /// Sets each of the first `excepted` accumulators in `exceptions` to
        /// `result` of its index, the identity by clearing its live bit.
        private func finishExceptions(_ excepted: Int, _ result: (Int) -> Point) {
            for e in 0..<excepted {
                let c = Int(exceptions[e])
                let sum = result(c)
                if sum.isInfinity {
                    live[c / 8] &= ~(UInt8(1) << (c % 8))
                } else {
                    setAccumulator(c, to: sum)
                }
            }
        }

        /// Accumulator `index`, which the caller knows to be live.
        func accumulator(_ index: Int) -> Point {
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 8) { w in
                withUnsafePointer(to: field) { pasta_vector_accumulator_read($0, accumulators.baseAddress, index, w.baseAddress) }
                return Point(
                    unchecked: Field(montgomeryValue: UInt256(w[0], w[1], w[2], w[3])),
                    Field(montgomeryValue: UInt256(w[4], w[5], w[6], w[7])))
            }
        }

        /// Sets accumulator `index` to a finite point.
        func setAccumulator(_ index: Int, to point: Point) {
            let x = point.x.montgomeryValue, y = point.y.montgomeryValue
            withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 8) { w in
                (w[0], w[1], w[2], w[3]) = (x.w0, x.w1, x.w2, x.w3)
                (w[4], w[5], w[6], w[7]) = (y.w0, y.w1, y.w2, y.w3)
                pasta_vector_accumulator_write(accumulators.baseAddress, index, w.baseAddress)
            }
        }
    }
}
