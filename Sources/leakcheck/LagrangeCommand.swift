import ArgumentParser
import Pasta
import PolyCommitment

/// `leakcheck lagrange`: a Lagrange basis from an SRS file, as a cache file.
struct LagrangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lagrange",
        abstract: "Compute a domain's Lagrange-basis commitments and write them as a kimchi or o1js cache file."
    )

    @Option(help: "vesta or pallas.")
    var curve: CurveName

    @Option(help: "The SRS, in kimchi's format.")
    var srs: String

    @Option(name: .customLong("srs-size"), help: "Keep only the first S points of the SRS (chunked bases come from domains larger than S).")
    var srsSize: Int?

    @Option(help: "Domain size; rounded up to a power of two.")
    var domain: Int

    @Option(help: "kimchi or o1js-json.")
    var format: CacheFormatName = .o1jsJSON

    @Option(help: "Output file; written whole or not at all.")
    var out: String

    func run() throws {
        switch curve {
        case .vesta: try compute(Vesta.self)
        case .pallas: try compute(Pallas.self)
        }
    }

    private func compute<Curve: PastaCurve>(_: Curve.Type) throws {
        let srs = try loadSRS(Curve.self, path: self.srs, keeping: srsSize)
        try srs.saveLagrangeBasis(domainSize: domain, to: out, format: format.format)
        let size = try EvaluationDomain<Curve.ScalarField>(size: domain).size
        print("wrote the Lagrange basis of domain \(size) (SRS \(srs.g.count), \(srs.chunkCount(domainSize: size)) chunk(s) each) to \(out)")
    }
}

/// `leakcheck commit`: commit to evaluations from the command line.
struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "Commit to a polynomial given by its evaluations (plonk-wasm's commit_evaluations), printing o1js's JSON."
    )

    @Option(help: "vesta or pallas.")
    var curve: CurveName

    @Option(help: "The SRS, in kimchi's format.")
    var srs: String

    @Option(help: "A JSON array of decimal field elements, one per domain point (a power-of-two count).")
    var evals: String

    func run() throws {
        switch curve {
        case .vesta: try commit(Vesta.self)
        case .pallas: try commit(Pallas.self)
        }
    }

    private func commit<Curve: PastaCurve>(_: Curve.Type) throws {
        let srs = try loadSRS(Curve.self, path: self.srs, keeping: nil)
        let values = try FieldListFile.read(evals, field: Curve.ScalarField.self)
        let domain = try EvaluationDomain<Curve.ScalarField>(size: max(1, values.count))
        guard domain.size == values.count else {
            throw ValidationError("\(evals): \(values.count) evaluations; a domain needs a power-of-two count")
        }
        let commitment = try srs.commitEvaluationsNonHiding(domain: domain, evaluations: Evaluations(values: values, domain: domain))
        print(commitment.jsonText)
    }
}

/// Reads an SRS file and optionally keeps a prefix of it.
func loadSRS<Curve: PastaCurve>(_: Curve.Type, path: String, keeping size: Int?) throws -> SRS<Curve> {
    let full = try SRS<Curve>.load(from: path, format: .kimchi)
    guard let size else { return full }
    guard size >= 1, size <= full.g.count else {
        throw ValidationError("--srs-size \(size) is not in 1...\(full.g.count)")
    }
    return SRS(g: Array(full.g.prefix(size)), h: full.h)
}

/// A Lagrange cache format named on the command line.
enum CacheFormatName: String, ExpressibleByArgument, CaseIterable {
    case kimchi
    case o1jsJSON = "o1js-json"

    var format: LagrangeCacheFormat {
        switch self {
        case .kimchi: return .kimchi
        case .o1jsJSON: return .o1jsJSON
        }
    }
}
