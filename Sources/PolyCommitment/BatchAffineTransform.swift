import Pasta

/// The radix-2 transform over curve points, a layer at a time in affine
/// coordinates: the fast path behind Lagrange-basis commitments.
///
/// `Radix2Transform` works on one element at a time, so every butterfly
/// pays Jacobian formulas. Here each layer of n/2 butterflies is cut into
/// runs spread over the executor; within a run the twiddle products are one
/// `BatchAffine.multiply` (GLV, signed windows, tables built with shared
/// inversions) and the sums and differences one `sumsAndDifferences` (one
/// inverted element per butterfly). Twiddles equal to one are skipped, and
/// the overall scale rides on the twiddles of the even-most block of every
/// layer as in `Radix2Transform`, so 1/n costs about log₂ n multiplications
/// instead of n.
struct BatchAffineTransform<Curve: PastaCurve> {
    typealias Point = AffinePoint<Curve>
    typealias Scalar = Curve.ScalarField

    /// wⁱ for i < n/2.
    let twiddles: [Scalar]
    let size: Int

    /// - Parameters:
    ///   - root: a primitive n-th root of unity (its inverse for an inverse transform).
    ///   - size: n, a power of two.
    init(root: Scalar, size: Int) {
        precondition(size > 0 && size & (size - 1) == 0, "a radix-2 transform needs a power-of-two size")
        self.size = size
        twiddles = TransformTables.twiddles(root: root, size: size)
    }

    /// out[k] = s · Σⱼ input[j]·w^(jk).
    ///
    /// - Parameters:
    ///   - input: exactly n points; the identity is allowed (padding).
    ///   - scale: s, or nil for one.
    ///   - executor: where the runs of each layer go.
    /// - Returns: the n transformed points.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    func apply(_ input: [Point], scale: Scalar?, executor: any ParallelExecutor) -> [Point] {
        precondition(input.count == size, "transform input must fill the domain")
        let n = size
        var logN = 0
        while (1 << logN) < n { logN += 1 }
        var values = [Point](repeating: .infinity, count: n)
        for i in 0..<n { values[TransformTables.reverseBits(i, width: logN)] = input[i] }
        if let scale, !scale.isOne {
            values[0] = BatchAffine.multiply([values[0]], by: [scale])[0]
        }
        let butterflies = n / 2
        let runLength = max(64, min(1024, butterflies / max(1, executor.parallelism)))
        let runs = (butterflies + runLength - 1) / runLength
        var half = 1
        while half < n {
            let step = n / (2 * half)
            let current = values
            let twiddles = self.twiddles
            let layerHalf = half
            let results: [(sums: [Point], differences: [Point])] = executor.map(runs) { run in
                let range = run * runLength..<min(butterflies, (run + 1) * runLength)
                var evens = [Point](), odds = [Point]()
                evens.reserveCapacity(range.count)
                odds.reserveCapacity(range.count)
                var scaled = [Int](), factors = [Scalar]()
                for (offset, butterfly) in range.enumerated() {
                    let block = butterfly / layerHalf, k = butterfly % layerHalf
                    let i = block * 2 * layerHalf + k
                    evens.append(current[i])
                    let odd = current[i + layerHalf]
                    odds.append(odd)
                    let twiddle = twiddles[step * k]
                    let factor = block == 0 ? scale.map { $0 * twiddle } ?? twiddle : twiddle
                    if !factor.isOne && !odd.isInfinity {
                        scaled.append(offset)
                        factors.append(factor)
                    }
                }
                if !scaled.isEmpty {
                    let products = BatchAffine.multiply(scaled.map { odds[$0] }, by: factors)
                    for (position, offset) in scaled.enumerated() { odds[offset] = products[position] }
                }
                return BatchAffine.sumsAndDifferences(evens, odds)
            }
            for run in 0..<runs {
                let start = run * runLength
                for (offset, sum) in results[run].sums.enumerated() {
                    let butterfly = start + offset
                    let i = (butterfly / half) * 2 * half + butterfly % half
                    values[i] = sum
                    values[i + half] = results[run].differences[offset]
                }
            }
            half *= 2
        }
        return values
    }
}
