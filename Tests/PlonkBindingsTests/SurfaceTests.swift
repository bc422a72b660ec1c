import Foundation
import Pasta
import PlonkBindings
import PolyCommitment
import Testing

/// Every call of the surface, on both fields, against the library's own results.
@Suite("The SRS surface on both fields")
struct SurfaceTests {
    @Test("SRS lifecycle calls agree with the library (fp)") func lifecycleFp() throws { try lifecycle(Vesta.self) }
    @Test("SRS lifecycle calls agree with the library (fq)") func lifecycleFq() throws { try lifecycle(Pallas.self) }

    func lifecycle<Curve: BindingsCurve>(_: Curve.Type) throws {
        let bindings = PlonkBindings()
        let calls = family(bindings, Curve.self)
        let expected = try SRS<Curve>.create(depth: 8)
        let created = try calls.create(depth: 8)
        #expect(created.srs == expected)
        #expect(try calls.createParallel(depth: 8).srs == expected)
        #expect(calls.h(created) == expected.h)
        let points = calls.get(created)
        #expect(points == [expected.h] + expected.g)
        #expect(try calls.set(points).srs == expected)
        #expect(calls.serialize(created) == KimchiSRSFormat.encode(expected))
        #expect(try calls.deserialize(calls.serialize(created)).srs == expected)

        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("srs").path
        try calls.write(created, path: path)
        try calls.write(try calls.create(depth: 2), append: true, path: path)
        #expect(try calls.read(path: path)?.srs == expected)
        #expect(try calls.read(offset: KimchiSRSFormat.encode(expected).count, path: path)?.srs == (try SRS<Curve>.create(depth: 2)))
        #expect(try calls.read(offset: 3, path: path) == nil, "bytes that are not an SRS read as nil, as kimchi")
        try calls.write(created, append: false, path: path)
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)).count == KimchiSRSFormat.encode(expected).count)
    }

    @Test("Lagrange and commitment calls agree with the library (fp)") func commitmentsFp() throws { try commitments(Vesta.self) }
    @Test("Lagrange and commitment calls agree with the library (fq)") func commitmentsFq() throws { try commitments(Pallas.self) }

    func commitments<Curve: BindingsCurve>(_: Curve.Type) throws {
        let bindings = PlonkBindings()
        let calls = family(bindings, Curve.self)
        let srs = try calls.create(depth: 8)
        let library = try SRS<Curve>.create(depth: 8)
        let basis = try library.lagrangeBasis(domainSize: 16)

        #expect(try calls.maybeLagrangeCommitment(srs, domainSize: 16, index: 0) == nil)
        try calls.addLagrangeBasis(srs, log2Size: 4)
        #expect(try calls.maybeLagrangeCommitment(srs, domainSize: 16, index: 3) == basis[3])
        #expect(try calls.lagrangeCommitment(srs, domainSize: 16, index: 15) == basis[15])
        #expect(try calls.getLagrangeBasis(srs, domainSize: 16) == basis)
        #expect(try calls.lagrangeCommitmentsWholeDomain(srs, domainSize: 16) == basis)

        let other = try calls.create(depth: 8)
        try calls.setLagrangeBasis(other, domainSize: 16, basis)
        #expect(try calls.maybeLagrangeCommitment(other, domainSize: 16, index: 7) == basis[7])
        #expect(other.srs.lagrangeBasisComputationCount == 0)

        let values = (0..<8).map { Curve.ScalarField(UInt64($0 * 3 + 1)) }
        let domain = try EvaluationDomain<Curve.ScalarField>(size: 8)
        let direct = library.commitNonHiding(try Evaluations(values: values, domain: domain).interpolate(), numChunks: 1)
        #expect(try calls.commitEvaluations(srs, domainSize: 8, evaluations: values) == direct)

        let challenges = (0..<3).map { Curve.ScalarField(UInt64($0 + 5)) }
        #expect(try calls.bPolyCommitment(srs, challenges: challenges) == library.bPolyCommitment(challenges: challenges))
        let accumulatorChallenges = (0..<6).map { Curve.ScalarField(UInt64($0 * 7 + 2)) }
        let accumulators = try calls.batchAccumulatorGenerate(srs, count: 2, challenges: accumulatorChallenges)
        #expect(accumulators == (try library.batchDlogAccumulatorGenerate(count: 2, challenges: accumulatorChallenges)))
        #expect(try calls.batchAccumulatorCheck(srs, commitments: accumulators, challenges: accumulatorChallenges))
        #expect(try calls.batchAccumulatorCheck(srs, commitments: accumulators.reversed(), challenges: accumulatorChallenges) == false)
    }

    @Test("bad input is a typed error, never a trap")
    func badInput() throws {
        let bindings = PlonkBindings()
        #expect(throws: BindingsError.invalidDepth(-1)) { try bindings.fp.create(depth: -1) }
        #expect(throws: BindingsError.invalidDepth((1 << 24) + 1)) { try bindings.fq.createParallel(depth: (1 << 24) + 1) }
        let srs = try bindings.fp.create(depth: 4)
        #expect(throws: BindingsError.invalidDomainSize(0)) { try bindings.fp.getLagrangeBasis(srs, domainSize: 0) }
        #expect(throws: BindingsError.invalidDomainSize(-8)) { try bindings.fp.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: -8) }
        #expect(throws: BindingsError.invalidDomainSize(1 << 40)) { try bindings.fp.lagrangeCommitmentsWholeDomain(srs, domainSize: 1 << 40) }
        #expect(throws: BindingsError.invalidDomainSize(22)) { try bindings.fp.addLagrangeBasis(srs, log2Size: 22) }
        #expect(throws: BindingsError.invalidDomainSize(-1)) { try bindings.fp.addLagrangeBasis(srs, log2Size: -1) }
        #expect(throws: BindingsError.commitment(.indexOutOfRange(8, count: 8))) { try bindings.fp.lagrangeCommitment(srs, domainSize: 8, index: 8) }
        #expect(throws: BindingsError.commitment(.indexOutOfRange(-1, count: 8))) { try bindings.fp.maybeLagrangeCommitment(srs, domainSize: 8, index: -1) }
        #expect(throws: BindingsError.commitment(.wrongEvaluationCount(3, domainSize: 4))) {
            try bindings.fp.commitEvaluations(srs, domainSize: 4, evaluations: [.one, .one, .one])
        }
        #expect(throws: BindingsError.emptyPointList) { try bindings.fq.set([]) }
        #expect(throws: BindingsError.self) { try bindings.fp.deserialize([0x92, 0x01]) }
        #expect(throws: BindingsError.self) { try bindings.fp.read(path: "/nonexistent/dir/srs") }
        #expect(throws: BindingsError.self) { try bindings.fp.read(offset: -1, path: "/nonexistent") }
        #expect(throws: BindingsError.self) { try bindings.fp.write(srs, path: "/nonexistent/dir/srs") }
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        #expect(try bindings.fp.read(path: empty) == nil, "an empty file holds no SRS")
        let garbage = directory.appendingPathComponent("garbage").path
        #expect(FileManager.default.createFile(atPath: garbage, contents: Data("not msgpack".utf8)))
        #expect(try bindings.fq.read(path: garbage) == nil)
    }
}
