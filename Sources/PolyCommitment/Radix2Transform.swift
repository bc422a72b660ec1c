import Pasta

/// The discrete Fourier transform over a power-of-two domain, for any
/// `FFTElement`: out[k] = s · Σⱼ vⱼ·w^(jk), for a root of unity w and an
/// optional overall scale s.
///
/// Decimation in time. The top levels split the input into P interleaved
/// subsequences transformed in parallel on the executor, then P − 1
/// combine stages whose butterflies are also spread over the executor; below
/// that an in-place iterative transform runs on one thread.
///
/// The scale s (1/n for an inverse transform) is not a last pass over all n
/// outputs: s·DFT(v) = s·DFT(even) + (s·wᵏ)·DFT(odd), so the odd half takes
/// s into twiddles it multiplies by anyway and only the even-most chain of
/// subproblems carries it, costing about log₂ n extra multiplications
/// instead of n. Twiddles equal to one are skipped.
struct Radix2Transform<Scalar: PrimeField> {
    /// wⁱ for i < n/2, for the full transform size n.
    let twiddles: [Scalar]
    let size: Int

    init(root: Scalar, size: Int) {
        self.size = size
        twiddles = TransformTables.twiddles(root: root, size: size)
    }

    func apply<E: FFTElement>(_ input: [E], scale: Scalar?, executor: some ParallelExecutor) -> [E] where E.Scalar == Scalar {
        precondition(input.count == size, "transform input must fill the domain")
        if size == 1 { return [scale.map { input[0].scaled(by: $0) } ?? input[0]] }
        var groupCount = 1
        while groupCount < 2 * executor.parallelism, groupCount < size / 16 { groupCount *= 2 }
        let groups = groupCount
        if groups == 1 { return serial(input, stride: 1, scale: scale) }

        // P sub-transforms of the residues r mod P, each with root w^P.
        var level: [[E]] = executor.map(groups) { residue in
            let subsequence = Array(stride(from: residue, to: size, by: groups).map { input[$0] })
            return serial(subsequence, stride: groups, scale: residue == 0 ? scale : nil)
        }
        // Combine residues r and r + Q/2 mod Q into r mod Q/2, until one is left.
        var modulus = groups
        while modulus > 1 {
            let half = modulus / 2
            let length = size / modulus
            let pieces = max(1, (2 * executor.parallelism) / half)
            let pieceLength = (length + pieces - 1) / pieces
            let current = level
            let parts: [(low: [E], high: [E])] = executor.map(half * pieces) { item in
                let residue = item / pieces
                let range = (item % pieces) * pieceLength..<min(length, (item % pieces + 1) * pieceLength)
                let even = current[residue], odd = current[residue + half]
                var low = [E](), high = [E]()
                low.reserveCapacity(range.count)
                high.reserveCapacity(range.count)
                for k in range {
                    let twiddle = twiddles[half * k]
                    let factor = residue == 0 ? scale.map { $0 * twiddle } ?? twiddle : twiddle
                    let product = odd[k].scaled(by: factor)
                    low.append(even[k] + product)
                    high.append(even[k] - product)
                }
                return (low, high)
            }
            level = (0..<half).map { residue in
                let slices = parts[residue * pieces..<(residue + 1) * pieces]
                return slices.flatMap { $0.low } + slices.flatMap { $0.high }
            }
            modulus = half
        }
        return level[0]
    }

    /// In-place iterative transform of `input` with root w^stride; the scale
    /// rides on block 0 of every stage (the even-most chain).
    func serial<E: FFTElement>(_ input: [E], stride: Int, scale: Scalar?) -> [E] where E.Scalar == Scalar {
        let n = input.count
        var values = input
        var logN = 0
        while (1 << logN) < n { logN += 1 }
        for i in 0..<n {
            let j = TransformTables.reverseBits(i, width: logN)
            if i < j { values.swapAt(i, j) }
        }
        if let scale { values[0] = values[0].scaled(by: scale) }
        var half = 1
        while half < n {
            let step = stride * (n / (2 * half))
            var start = 0
            while start < n {
                for k in 0..<half {
                    let odd = values[start + half + k]
                    if odd.isFFTZero {  // padding: the butterfly only copies
                        values[start + half + k] = values[start + k]
                        continue
                    }
                    let twiddle = twiddles[step * k]
                    let factor = start == 0 ? scale.map { $0 * twiddle } ?? twiddle : twiddle
                    let product = odd.scaled(by: factor)
                    let even = values[start + k]
                    values[start + k] = even + product
                    values[start + half + k] = even - product
                }
                start += 2 * half
            }
            half *= 2
        }
        return values
    }

}

extension EvaluationDomain {
    /// Evaluations of a polynomial at the domain's points, from its coefficients.
    ///
    /// - Parameters:
    ///   - coefficients: at most n coefficients, lowest degree first; padded with zeros.
    ///   - executor: where to run.
    /// - Returns: n values, the i-th at ωⁱ.
    /// - Throws: `TransformError.tooManyValues` beyond n.
    public func fft<E: FFTElement>(_ coefficients: [E], executor: some ParallelExecutor = SerialExecutor()) throws(TransformError) -> [E] where E.Scalar == Field {
        try Radix2Transform(root: generator, size: size).apply(padded(coefficients), scale: nil, executor: executor)
    }

    /// Coefficients of the polynomial that takes the given values at the
    /// domain's points: the inverse transform, with the 1/n folded in.
    ///
    /// - Parameters:
    ///   - evaluations: at most n values, the i-th at ωⁱ; padded with zeros.
    ///   - executor: where to run.
    /// - Returns: n coefficients.
    /// - Throws: `TransformError.tooManyValues` beyond n.
    public func ifft<E: FFTElement>(_ evaluations: [E], executor: some ParallelExecutor = SerialExecutor()) throws(TransformError) -> [E] where E.Scalar == Field {
        try Radix2Transform(root: generatorInverse, size: size).apply(padded(evaluations), scale: sizeInverse, executor: executor)
    }

    /// The FFT of field coefficients: their values at ω⁰ … ω^(n−1).
    ///
    /// - Parameters:
    ///   - coefficients: at most n, lowest degree first.
    ///   - executor: where to run.
    /// - Throws: `TransformError.tooManyValues` beyond n.
    public func fft(_ coefficients: [Field], executor: some ParallelExecutor = SerialExecutor()) throws(TransformError) -> [Field] {
        try fft(coefficients.map { FieldElement(value: $0) }, executor: executor).map { $0.value }
    }

    /// The inverse FFT of field values: the coefficients that take them.
    ///
    /// - Parameters:
    ///   - evaluations: at most n, the i-th at ωⁱ.
    ///   - executor: where to run.
    /// - Throws: `TransformError.tooManyValues` beyond n.
    public func ifft(_ evaluations: [Field], executor: some ParallelExecutor = SerialExecutor()) throws(TransformError) -> [Field] {
        try ifft(evaluations.map { FieldElement(value: $0) }, executor: executor).map { $0.value }
    }

    private func padded<E: FFTElement>(_ values: [E]) throws(TransformError) -> [E] {
        guard values.count <= size else { throw .tooManyValues(values.count, domainSize: size) }
        return values + [E](repeating: .fftZero, count: size - values.count)
    }
}

/// Why a transform was refused.
public enum TransformError: Error, Sendable, Equatable, CustomStringConvertible {
    /// More values than the domain has points.
    case tooManyValues(Int, domainSize: Int)

    /// A sentence for people.
    public var description: String {
        switch self {
        case .tooManyValues(let count, let size): return "\(count) values do not fit a domain of \(size)"
        }
    }
}
