@testable import Pasta
@testable import PolyCommitment
import Testing

/// The radix-4 batch-affine transform against the one-element-at-a-time
/// radix-2 transform over Jacobian points, on every shape of its layer
/// plan: odd and even log₂ n (a radix-2 layer first or not), runs of one
/// group, runs that split blocks, one run, with and without a scale, the
/// identity among the inputs.
@Suite("Batch-affine group transform")
struct BatchAffineTransformTests {
    /// Fixed pseudo-random points (a Weyl sequence), so a failure replays;
    /// every fifth is the identity, as padding is.
    static func inputs<C: PastaCurve>(_ count: Int, _: C.Type) -> [AffinePoint<C>] {
        (0..<count).map { i in
            if i % 5 == 3 { return .infinity }
            let a = UInt64(i + 1) &* 0x9e37_79b9_7f4a_7c15
            return (C.generator.projective.multiplied(by: C.ScalarField(reducing: UInt256(a, a ^ 0x1234, a >> 7, a >> 9)))).affine
        }
    }

    /// (n, run length, scaled): odd and even log₂ n, runs of one group,
    /// runs that split blocks, one run per step; runs of 4 and 2 groups
    /// over 64 and 128 points, whose first steps go chunk by chunk (in the
    /// first chunk, which carries the scale, and the others) before the
    /// rest go step by step; each shape once, since in a debug build every
    /// tiny affine round pays a whole inversion.
    static let shapes: [(Int, Int?, Bool)] = [
        (1, nil, true), (2, 1, true), (4, 1, false), (8, 3, true), (16, 3, false), (16, nil, true), (32, nil, false),
        (64, 4, true), (128, 2, true),
    ]

    @Test("equals the Jacobian radix-2 transform for n = 1 … 128, scaled and not, several run lengths", arguments: shapes)
    func againstRadix2(size: Int, runLength: Int?, scaled: Bool) throws {
        let domain = try EvaluationDomain<Fp>(size: size)
        let input = Self.inputs(size, Vesta.self)
        let scale = scaled ? domain.sizeInverse : nil
        let expected = JacobianPoint.batchNormalize(Radix2Transform<Fp>(root: domain.generatorInverse, size: size).apply(input.map(\.projective), scale: scale, executor: SerialExecutor()))
        let fast = BatchAffineTransform<Vesta>(root: domain.generatorInverse, size: size)
        #expect(fast.apply(input, scale: scale, executor: SerialExecutor(), runLength: runLength) == expected)
    }

    @Test("bit reversal turns the low width bits end for end, as reading them one at a time does, for widths 0 to 20 and 64")
    func bitReversal() {
        func byBits(_ value: Int, _ width: Int) -> Int {
            (0..<width).reduce(0) { result, bit in result << 1 | (value >> bit) & 1 }
        }
        for width in Array(0...20) + [64] {
            let span = width >= 12 ? 4096 : 1 << width
            for i in 0..<span {
                // Every value for small widths; for wide ones a spread of them,
                // with bits above the width set as well (they must not count).
                let value = width >= 12 ? i &* 0x7e37_79b9_7f4a_7c15 : i
                #expect(TransformTables.reverseBits(value, width: width) == byBits(value, width))
            }
        }
    }

    @Test("Pallas, several runs on several threads, equals the Jacobian transform")
    func pallasParallel() throws {
        let size = 16
        let domain = try EvaluationDomain<Fq>(size: size)
        let input = Self.inputs(size, Pallas.self)
        let expected = JacobianPoint.batchNormalize(Radix2Transform<Fq>(root: domain.generator, size: size).apply(input.map(\.projective), scale: nil, executor: SerialExecutor()))
        let fast = BatchAffineTransform<Pallas>(root: domain.generator, size: size)
        #expect(fast.apply(input, scale: nil, executor: DispatchExecutor(), runLength: 2) == expected)
    }
}
