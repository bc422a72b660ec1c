import ArgumentParser
import Pasta
import PolyCommitment


/// `leakcheck srs …`: create, verify and convert SRS files.
struct SRSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "srs",
        abstract: "Create, verify and convert kimchi SRS files.",
        subcommands: [Create.self, Verify.self, Convert.self]
    )

    /// `leakcheck srs create`.
    struct Create: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write kimchi's SRS::create(depth) for a curve; --depth 65536 reproduces kimchi's srs/<curve>.srs."
        )

        @Option(help: "vesta (plonk-wasm's fp SRS) or pallas (fq).")
        var curve: CurveName

        @Option(help: "Number of g points (0 to 2^32).")
        var depth: Int

        @Option(help: "Output file; written whole or not at all.")
        var out: String

        @Option(help: "kimchi (msgpack) or o1js-json.")
        var format: FormatName = .kimchi

        @Flag(help: "Compute on one thread (the parallel path gives the same bytes).")
        var sequential = false

        func run() throws {
            switch curve {
            case .vesta: try create(Vesta.self)
            case .pallas: try create(Pallas.self)
            }
        }

        private func create<Curve: PastaCurve>(_: Curve.Type) throws {
            let srs = sequential ? try SRS<Curve>.create(depth: depth) : try SRS<Curve>.createParallel(depth: depth)
            try srs.save(to: out, format: format.format)
            print("wrote \(Curve.name) SRS of depth \(depth) to \(out) (\(format.rawValue))")
        }
    }

    /// `leakcheck srs verify`.
    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Decode an SRS file, check every point, print its depth, h and digest."
        )

        @Argument(help: "The SRS file.")
        var file: String

        @Option(help: "vesta or pallas.")
        var curve: CurveName

        @Option(help: "kimchi (msgpack) or o1js-json.")
        var format: FormatName = .kimchi

        @Flag(help: "Also check that the points are exactly kimchi's SRS::create of that depth.")
        var canonical = false

        func run() throws {
            switch curve {
            case .vesta: try verify(Vesta.self)
            case .pallas: try verify(Pallas.self)
            }
        }

        private func verify<Curve: PastaCurve>(_: Curve.Type) throws {
            let srs = try SRS<Curve>.load(from: file, format: format.format)
            // Decoding already rejects any point off the curve; this states it.
            let offCurve = srs.g.firstIndex { !$0.isOnCurve }
            if let index = offCurve { throw ValidationError("g[\(index)] is not on \(Curve.name)") }
            print("curve: \(Curve.name)")
            print("depth: \(srs.g.count)")
            print("h: \(srs.h.jsonText)")
            print("digest (BLAKE2b-512 of the kimchi encoding): \(hex(srs.digest))")
            if canonical {
                let expected = try SRS<Curve>.createParallel(depth: srs.g.count)
                guard expected == srs else {
                    throw ValidationError("the points differ from kimchi's SRS::create(\(srs.g.count))")
                }
                print("canonical: yes, equal to kimchi's SRS::create(\(srs.g.count))")
            }
        }
    }

    /// `leakcheck srs convert`.
    struct Convert: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Convert an SRS between kimchi's msgpack and o1js's JSON."
        )

        @Option(help: "Input format: kimchi or o1js-json.")
        var from: FormatName

        @Option(help: "Output format: kimchi or o1js-json.")
        var to: FormatName

        @Option(help: "vesta or pallas.")
        var curve: CurveName

        @Argument(help: "Input file.")
        var input: String

        @Argument(help: "Output file; written whole or not at all.")
        var output: String

        func run() throws {
            switch curve {
            case .vesta: try convert(Vesta.self)
            case .pallas: try convert(Pallas.self)
            }
        }

        private func convert<Curve: PastaCurve>(_: Curve.Type) throws {
            let srs = try SRS<Curve>.load(from: input, format: from.format)
            try srs.save(to: output, format: to.format)
            print("converted \(srs.g.count) points from \(from.rawValue) to \(to.rawValue): \(output)")
        }
    }
}

func hex(_ bytes: [UInt8]) -> String {
    bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
}
