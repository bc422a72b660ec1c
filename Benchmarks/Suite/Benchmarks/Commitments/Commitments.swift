import Benchmark
import LeakHarness
import Pasta
import PolyCommitment

// Each optimized path beside the plain reference its tests hold it against,
// at sizes that run in seconds; `leakcheck bench` has the full-size cases.
// Malloc counts are deterministic for a given input, so Thresholds/ pins
// them; times are reported, never asserted.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .memoryLeaked],
        maxDuration: .seconds(1),
        maxIterations: 8
    )

    let srs = try! SRS<Vesta>.createParallel(depth: 1024)
    let domain = try! EvaluationDomain<Fp>(size: 1024)
    let scalars = (0..<1024).map { Fp(reducing: UInt256(UInt64($0) &* 0x9e37_79b9_7f4a_7c15, UInt64($0) ^ 0x5555, 0x1234, UInt64($0))) }
    let points = Array(srs.g.prefix(256))

    Benchmark("fp-mul-100000") { benchmark in
        var x = Fp(0x1234_5678_9abc_def0)
        let y = Fp(0x0fed_cba9_8765_4321)
        for _ in benchmark.scaledIterations {
            for _ in 0..<100_000 { x = x * y }
        }
        blackHole(x)
    }

    Benchmark("scalar-mul-256") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(BatchAffine<Vesta>.multiply(points, by: Array(scalars.prefix(256))))
        }
    }

    Benchmark("scalar-mul-256-reference") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(zip(points, scalars).map { $0.projective.multiplied(by: $1) })
        }
    }

    Benchmark("msm-1024") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(MultiScalarMultiplication.pippenger(srs.g, scalars))
        }
    }

    Benchmark("msm-1024-reference") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(MultiScalarMultiplication.reference(srs.g, scalars))
        }
    }

    Benchmark("lagrange-1024") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(srs.computeLagrangeBasis(domain: domain, executor: SerialExecutor()))
        }
    }

    Benchmark("lagrange-1024-reference") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(srs.computeLagrangeBasisReference(domain: domain, executor: SerialExecutor()))
        }
    }

    Benchmark("srs-create-4096") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try! SRS<Vesta>.create(depth: 4096))
        }
    }

    let cheap = Program.cheapSteps(threads: 1, stepsPerThread: 2000)
    let reference = ReferenceData(depth: 8)
    _ = ProgramRunner.run(cheap, seed: 1, options: RunOptions(schedule: .free), reference: reference)
    Benchmark("harness-steps-2000") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ProgramRunner.run(cheap, seed: 1, options: RunOptions(schedule: .free), reference: reference))
        }
    }
}
