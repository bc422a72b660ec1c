import Pasta
import PolyCommitment
import PropertyBased
import Testing

@Suite("Multi-scalar multiplication")
struct MSMTests {
    @Test("Pippenger equals the plain reference on random inputs, under every executor")
    func random() async {
        await propertyCheck(count: 4, input: elements(Fp.self).array(of: 0...36)) { scalars in
            let bases = scalars.indices.map { Vesta.generator.projective.multiplied(byInteger: UInt256(UInt64($0 * 7 + 1))).affine }
            let expected = MultiScalarMultiplication.reference(bases, scalars)
            for executor in testExecutors {
                #expect(MultiScalarMultiplication.pippenger(bases, scalars, executor: executor) == expected)
            }
        }
    }

    @Test("empty input, zero and −1 scalars, repeated points and infinity bases")
    func edgeCases() {
        let g = Pallas.generator
        #expect(MultiScalarMultiplication.pippenger([Pallas.Point](), [Fq]()).isInfinity)
        let bases = [g, g, .infinity, g, -g, g]
        let scalars: [Fq] = [.zero, -Fq.one, Fq(5), Fq(2), Fq(2), Fq(1)]
        // 0 − g + 0 + 2g − 2g + g = 0
        #expect(MultiScalarMultiplication.pippenger(bases, scalars).isInfinity)
        #expect(MultiScalarMultiplication.reference(bases, scalars).isInfinity)
        let repeated = [Pallas.Point](repeating: g, count: 50)
        let ones = [Fq](repeating: -Fq.one, count: 50)
        #expect(MultiScalarMultiplication.pippenger(repeated, ones) == g.projective.multiplied(by: -Fq(50)))
        // extra bases or scalars beyond the shorter list are ignored, as in arkworks
        #expect(MultiScalarMultiplication.pippenger([g, g], [Fq(3)]) == g.projective.multiplied(by: Fq(3)))
    }
}
