import ArgumentParser
import FieldReference
import Pasta
import PolyCommitment
import LeakHarness
import PlonkBindings

/// `leakcheck bench`: release-mode timings of the hot paths, each beside its
/// plain reference where this package has one, measured in the same run.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time field multiplication, scalar multiplication and SRS creation (build with -c release)."
    )

    @Flag(help: "One JSON object per case instead of a table.")
    var json = false

    @Option(help: "Runs per case; the median is reported.")
    var runs = 5

    @Option(help: "Threads for the parallel cases (MSM, Lagrange bases); default: one per active processor.")
    var threads: Int?

    @Flag(help: "Skip the plain references (the slow half of most cases), for quick A/B timings of the optimized code; fp-mul keeps its C chain.")
    var skipReferences = false

    @Argument(help: "Cases to run (default: all): \(BenchCase.allCases.map(\.rawValue).joined(separator: ", ")).")
    var cases: [BenchCase] = BenchCase.allCases

    func run() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        if let threads, threads < 1 { throw ValidationError("--threads must be at least 1") }
        for benchCase in cases {
            let result = benchCase.measure(runs: runs, executor: DispatchExecutor(threads: threads), references: !skipReferences)
            print(json ? result.json : result.line)
        }
    }
}

/// A named benchmark.
enum BenchCase: String, CaseIterable, ExpressibleByArgument {
    case fpMul = "fp-mul"
    case scalarMul = "scalar-mul"
    case srsCreate65536 = "srs-create-65536"
    case msm65536 = "msm-65536"
    case lagrange1024 = "lagrange-1024"
    case lagrange16384 = "lagrange-16384"
    case lagrange65536 = "lagrange-65536"
    case harnessSteps1 = "harness-steps-1"
    case harnessSteps2 = "harness-steps-2"
    case harnessSteps4 = "harness-steps-4"

    func measure(runs: Int, executor: DispatchExecutor, references: Bool) -> BenchResult {
        // The reference's median, or nil under --skip-references.
        func referenceMedian(_ runs: Int, _ body: () -> Int) -> Double? { references ? median(runs, body) : nil }
        switch self {
        case .fpMul:
            // The two chains alternate run by run, so that this machine's
            // drift (it wanders by a third over minutes) hits both alike.
            let count = 2_000_000
            let (seconds, reference) = interleavedMedians(max(runs, 5)) { fpMultiplyChain(count) } reference: { referenceMultiplyChain(count) }
            return BenchResult(name: rawValue, seconds: seconds, referenceSeconds: reference, operations: count, unit: "ns/mul")
        case .scalarMul:
            let count = 200
            let seconds = median(runs) { scalarMultiplications(count, glv: true) }
            let reference = referenceMedian(runs) { scalarMultiplications(count, glv: false) }
            return BenchResult(name: rawValue, seconds: seconds, referenceSeconds: reference, operations: count, unit: "µs/mul")
        case .srsCreate65536:
            let seconds = median(runs) { (try! SRS<Vesta>.createParallel(depth: 65536)).g.count }
            let reference = referenceMedian(1) { (try! SRS<Vesta>.create(depth: 65536)).g.count }
            return BenchResult(name: rawValue, seconds: seconds, referenceSeconds: reference, operations: 1, unit: "s")
        case .msm65536:
            let srs = try! SRS<Vesta>.createParallel(depth: 65536)
            let scalars = (0..<65536).map { Fp(reducing: UInt256(UInt64($0) &* 0x9e37_79b9_7f4a_7c15, UInt64($0) ^ 0x5555, 0x1234, UInt64($0))) }
            let seconds = median(runs) { Int(truncatingIfNeeded: MultiScalarMultiplication.pippenger(srs.g, scalars, executor: executor).affine.x.montgomeryValue.w0) }
            // The plain MSM the tests use (one double-and-add per term, one
            // thread); once, because it takes seconds.
            let reference = referenceMedian(1) { Int(truncatingIfNeeded: MultiScalarMultiplication.reference(srs.g, scalars).affine.x.montgomeryValue.w0) }
            return BenchResult(name: rawValue, seconds: seconds, referenceSeconds: reference, operations: 1, unit: "s", threads: executor.parallelism)
        case .harnessSteps1, .harnessSteps2, .harnessSteps4:
            let threads = self == .harnessSteps1 ? 1 : self == .harnessSteps2 ? 2 : 4
            let program = Program.cheapSteps(threads: threads, stepsPerThread: 2000)
            let reference = ReferenceData(depth: 8)
            _ = ProgramRunner.run(program, seed: 1, options: RunOptions(schedule: .free), reference: reference)  // warm the reference
            let seconds = median(runs) { ProgramRunner.run(program, seed: 1, options: RunOptions(schedule: .free), reference: reference).steps }
            return BenchResult(name: rawValue, seconds: seconds, referenceSeconds: nil, operations: program.steps.count, unit: "steps/s")
        case .lagrange65536:
            // The whole 2^16 domain for both curves, as o1js needs both the
            // Vesta (fp) and the Pallas (fq) bases.
            let vesta = try! SRS<Vesta>.createParallel(depth: 65536), pallas = try! SRS<Pallas>.createParallel(depth: 65536)
            let fpDomain = try! EvaluationDomain<Fp>(size: 65536), fqDomain = try! EvaluationDomain<Fq>(size: 65536)
            let seconds = median(runs) {
                vesta.computeLagrangeBasis(domain: fpDomain, executor: executor).count + pallas.computeLagrangeBasis(domain: fqDomain, executor: executor).count
            }
            // The double-and-add transform, single-threaded as o1js ran it;
            // once, because it takes minutes.
            let reference = referenceMedian(1) {
                vesta.computeLagrangeBasisReference(domain: fpDomain, executor: SerialExecutor()).count
                    + pallas.computeLagrangeBasisReference(domain: fqDomain, executor: SerialExecutor()).count
            }
            return BenchResult(name: rawValue, seconds: seconds, referenceSeconds: reference, operations: 1, unit: "s", threads: executor.parallelism)
        case .lagrange1024, .lagrange16384:
            let size = self == .lagrange1024 ? 1024 : 16384
            let srs = try! SRS<Vesta>.createParallel(depth: 65536)
            let domain = try! EvaluationDomain<Fp>(size: size)
            let seconds = median(runs) { srs.computeLagrangeBasis(domain: domain, executor: executor).count }
            // The double-and-add transform, single-threaded as o1js ran it.
            let reference = referenceMedian(runs) { srs.computeLagrangeBasisReference(domain: domain, executor: SerialExecutor()).count }
            return BenchResult(name: rawValue, seconds: seconds, referenceSeconds: reference, operations: 1, unit: "s", threads: executor.parallelism)
        }
    }
}

/// One case's outcome.
struct BenchResult {
    let name: String
    let seconds: Double
    let referenceSeconds: Double?
    let operations: Int
    let unit: String
    var threads: Int? = nil

    var perOperation: Double {
        let each = seconds / Double(operations)
        switch unit {
        case "ns/mul": return each * 1e9
        case "µs/mul": return each * 1e6
        case "steps/s": return 1 / each
        default: return each
        }
    }

    var line: String {
        var text = "\(name): \(format(perOperation)) \(unit) (total \(format(seconds)) s)"
        if let reference = referenceSeconds {
            text += ", reference \(format(reference)) s, speed-up \(format(reference / seconds))×"
        }
        if let rounds { text += ", rounds: \(rounds)" }
        return text
    }

    var json: String {
        let reference = referenceSeconds.map { "\($0)" } ?? "null"
        let rounds = self.rounds.map { "\"\($0)\"" } ?? "null"
        return "{\"case\": \"\(name)\", \"seconds\": \(seconds), \"reference_seconds\": \(reference), \"threads\": \(threadCount), \"per_operation\": \(perOperation), \"unit\": \"\(unit)\", \"rounds\": \(rounds)}"
    }

    /// For the cases built on batch-affine rounds (MSM, Lagrange bases),
    /// which arithmetic ran them: the eight-lane kernels or the Swift one
    /// (`PASTA_VECTOR_ARITHMETIC=0` forces the latter, so both can be
    /// measured on one machine; the references always run the Swift one).
    private var rounds: String? {
        guard name.hasPrefix("msm-") || name.hasPrefix("lagrange-") else { return nil }
        return VectorArithmetic.isAvailable ? "avx512-ifma" : "scalar"
    }

    private var threadCount: Int {
        if let threads { return threads }
        if name.hasPrefix("harness-steps-") { return Int(name.dropFirst("harness-steps-".count)) ?? 1 }
        return name.hasPrefix("fp-") || name.hasPrefix("scalar-") ? 1 : activeProcessorCount
    }

    private func format(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return "\(scaled)"
    }
}

/// The median wall-clock times of `runs` calls of `body` and of `reference`,
/// called alternately.
func interleavedMedians(_ runs: Int, _ body: () -> Int, reference: () -> Int) -> (Double, Double) {
    var times: [Double] = [], referenceTimes: [Double] = []
    for _ in 0..<runs {
        times.append(median(1, body))
        referenceTimes.append(median(1, reference))
    }
    return (times.sorted()[runs / 2], referenceTimes.sorted()[runs / 2])
}

/// The median wall-clock time of `runs` calls; each call's result feeds a
/// check so the optimizer cannot drop the work.
func median(_ runs: Int, _ body: () -> Int) -> Double {
    var times = [Double]()
    var check = 0
    for _ in 0..<runs {
        let clock = ContinuousClock()
        let start = clock.now
        check &+= body()
        let elapsed = clock.now - start
        times.append(Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18)
    }
    if check == Int.min { print("unreachable check \(check)") }
    times.sort()
    return times[times.count / 2]
}

/// A dependent chain: each product feeds the next, so this measures latency.
/// y comes through an opaque call so that, as in the C chain, the
/// optimizer cannot fold its words into the instructions.
func fpMultiplyChain(_ count: Int) -> Int {
    var x = Fp(0x1234_5678_9abc_def0)
    let y = opaque(Fp(0x0fed_cba9_8765_4321))
    for _ in 0..<count { x = x * y }
    return Int(truncatingIfNeeded: x.montgomeryValue.w0)
}

@inline(never)
func opaque<T>(_ value: T) -> T { value }

/// The same chain through the C CIOS reference (Benchmarks/FieldReference):
/// the no-carry form, the faster of the two C forms there.
func referenceMultiplyChain(_ count: Int) -> Int {
    let x0 = Fp(0x1234_5678_9abc_def0).montgomeryValue, y0 = Fp(0x0fed_cba9_8765_4321).montgomeryValue
    var x = [x0.w0, x0.w1, x0.w2, x0.w3]
    let y = [y0.w0, y0.w1, y0.w2, y0.w3]
    plonk_reference_fp_multiply_chain_no_carry(&x, y, count)
    return Int(truncatingIfNeeded: x[0])
}

/// Scalar multiplications of Vesta's generator, by GLV or by plain double-and-add.
func scalarMultiplications(_ count: Int, glv: Bool) -> Int {
    var point = Vesta.generator.projective
    var scalar = Fp(reducing: UInt256(0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210, 0x0f0f_0f0f_0f0f_0f0f, 0x3c3c_3c3c_3c3c_3c3c))
    for _ in 0..<count {
        point = glv ? point.multipliedGLV(by: scalar) : point.multiplied(by: scalar)
        scalar = scalar + .one
    }
    return Int(truncatingIfNeeded: point.affine.x.montgomeryValue.w0)
}

