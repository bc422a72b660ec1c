@_spi(FaultInjection) import LeakHarness
@_spi(FaultInjection) import PlonkBindings
import Testing

/// Small sizes: debug-mode crypto is slow, and these sizes exercise the same paths.
let reference = ReferenceData(depth: 2)

func program(_ text: String) throws -> Program { try ProgramText.parse(text) }

func findings(_ program: Program, seed: UInt64 = 1, _ configure: (inout RunOptions) -> Void = { _ in }) -> [Finding] {
    var options = RunOptions()
    configure(&options)
    return ProgramRunner.run(program, seed: seed, options: options, reference: reference).findings
}

/// A cheap, valid program: ownership calls on tiny domains, a slot hand-off, a pool cycle.
let cheapProgram = """
    program threads=2 depth=2
    0: ptr fp 2 h0
    0: read fp h0
    0: slot-new s0
    0: slot-set s0 1
    1: slot-wait s0
    1: slot-free s0
    1: take fp h0
    0: ptr fq 2 h1
    0: free fq h1
    0: pool-init 2
    0: assert-leaks
    0: pool-exit
    1: direct fq 2
    0: assert-leaks
    """

@Suite("The harness")
struct HarnessTests {
    @Test("the text form round-trips for generated programs", arguments: 1...20)
    func textRoundTrip(seed: Int) throws {
        var configuration = GeneratorConfiguration()
        configuration.threads = 1 + seed % 8
        let generated = ProgramGenerator(configuration: configuration).program(seed: UInt64(seed))
        #expect(try ProgramText.parse(ProgramText.format(generated)) == generated)
        #expect(generated.firstIllFormedStep == nil)
    }

    @Test("malformed program files get an error naming the line")
    func malformed() {
        #expect(throws: ProgramSyntaxError(line: 1, reason: "expected 'program threads=<1…8> depth=<1…4096>'")) { try program("program threads=9 depth=2") }
        #expect(throws: ProgramSyntaxError(line: 3, reason: "unknown operation 'grab'")) { try program("program threads=1 depth=2\n0: ptr fp 2 h0\n0: grab fp h0") }
        #expect(throws: ProgramSyntaxError(line: 2, reason: "expected '<thread>:' with a thread below 1")) { try program("program threads=1 depth=2\n1: reset") }
        #expect(throws: ProgramSyntaxError(line: 2, reason: "uses a name no earlier line binds, or binds one twice")) { try program("program threads=1 depth=2\n0: take fp h3") }
        #expect(throws: ProgramSyntaxError(line: 3, reason: "take takes 2 argument(s), found 1")) { try program("# a comment\nprogram threads=1 depth=2 # trailing\n0: take fp") }
    }

    @Test("the fixed implementation runs a valid program clean, in both schedules and both modes")
    func fixedIsClean() throws {
        let valid = try program(cheapProgram)
        for schedule in Schedule.allCases {
            for mode in HandleMode.allCases {
                #expect(findings(valid) { $0.schedule = schedule; $0.mode = mode } == [], "\(schedule) \(mode)")
            }
        }
    }

    @Test("the legacy implementation is caught: refused takes, the leak, and the read that freed")
    func legacyIsCaught() throws {
        let found = findings(try program(cheapProgram)) { $0.implementation = .legacy }
        #expect(found.contains { $0.kind == .unexpectedOutcome })
        #expect(found.contains { $0.kind == .leakAtEnd })
        let readTwice = try program("program threads=1 depth=2\n0: ptr fp 2 h0\n0: read fp h0\n0: read fp h0")
        let useAfterFree = findings(readTwice) { $0.implementation = .legacy }
        #expect(useAfterFree.first?.kind == .useAfterFree, "\(useAfterFree)")
        #expect(useAfterFree.first?.step == 2)
        #expect(useAfterFree.first?.detail.contains("refused(use-after-free)") == true, "\(useAfterFree)")
    }

    @Test("planted: a forgotten exit_thread_pool is a leak at the end")
    func forgottenPoolExit() throws {
        let found = findings(try program("program threads=1 depth=2\n0: pool-init 2")) { $0.plantedFaults = [.forgetPoolExit] }
        #expect(found.map(\.kind) == [.leakAtEnd])
        #expect(found.first?.detail.contains("pool-thread: leaked 2") == true)
        #expect(findings(try program("program threads=1 depth=2\n0: pool-init 2")) == [], "without the fault, cleanup exits the pool")
    }

    @Test("planted: a handle read and never freed is an unexpected leak")
    func readNeverFreed() throws {
        let found = findings(try program("program threads=1 depth=2\n0: ptr fp 2 h0\n0: read fp h0\n0: free fp h0\n0: assert-leaks")) { $0.plantedFaults = [.skipFreeAfterRead] }
        #expect(found.first?.kind == .leakMismatch)
        #expect(found.first?.detail.contains("expected leaks=0, got leaks=1") == true)
    }

    @Test("planted: a take that returns another domain's data is wrong data")
    func wrongDomain() throws {
        let found = findings(try program("program threads=1 depth=2\n0: ptr fq 2 h0\n0: take fq h0")) { $0.plantedFaults = [.takeReturnsWrongDomain] }
        #expect(found.first?.kind == .unexpectedOutcome)
        #expect(found.first?.step == 1)
    }

    @Test("planted: a registry that lets two racing takes both succeed is caught, every time", arguments: Schedule.allCases)
    func racingTakes(schedule: Schedule) throws {
        let racing = try program("""
            program threads=3 depth=2
            0: ptr fp 2 h0
            0: slot-new s0
            0: slot-set s0 1
            1: slot-wait s0
            2: slot-wait s0
            1: take fp h0
            2: take fp h0
            """)
        for seed in 1...5 {
            let found = findings(racing, seed: UInt64(seed)) { $0.schedule = schedule; $0.bindingsFaults = [.registryReleasesTwice] }
            #expect(!found.isEmpty, "seed \(seed)")
            #expect(findings(racing, seed: UInt64(seed)) { $0.schedule = schedule }.isEmpty, "without the fault, seed \(seed)")
        }
    }

    @Test("a failing controlled run replays with the same outcome from its saved file, every time")
    func replay() throws {
        let failing = try program(cheapProgram)
        var options = RunOptions()
        options.implementation = .legacy
        let first = findings(failing, seed: 42) { $0 = options }
        let saved = CorpusFile.text(failing, seed: 42, options: options, finding: first.first)
        let (loaded, seed, loadedOptions) = try CorpusFile.parse(saved)
        #expect(loaded == failing)
        #expect(seed == 42)
        #expect(loadedOptions == options)
        for _ in 0..<5 {
            #expect(findings(loaded, seed: seed) { $0 = loadedOptions } == first)
        }
    }

    @Test("the shrinker takes a planted fault in a 500-step, 8-thread program down to at most 10 steps")
    func shrinking() throws {
        var lines = ["program threads=8 depth=2"]
        for index in 0..<500 {
            let thread = index % 8
            switch index % 5 {
            case 0: lines.append("\(thread): ptr fp 2 h\(index)")
            case 1: lines.append("\(thread): read fp h\(index - 1)")
            case 2: lines.append("\(thread): free fp h\(index - 2)")
            case 3: lines.append("\(thread): reset")
            default: lines.append("\(thread): assert-leaks")
            }
        }
        lines.append("3: ptr fq 2 h9999")
        lines.append("3: take fq h9999")
        let big = try program(lines.joined(separator: "\n"))
        #expect(big.steps.count == 502)
        var options = RunOptions()
        options.plantedFaults = [.takeReturnsWrongDomain]
        let kind = try #require(findings(big) { $0 = options }.first?.kind)
        let small = Shrinker().shrink(big, kind: kind) { findings($0) { $0 = options } }
        #expect(small.steps.count <= 10, "\(ProgramText.format(small))")
        #expect(findings(small) { $0 = options }.contains { $0.kind == kind })
    }

    @Test("take-other-field goes through the family the handle was not created in, whatever the step names (found by the OwnershipFuzzer)")
    func otherFieldUsesTheHandlesFamily() throws {
        for declared in ["fp", "fq"] {
            let text = "program threads=1 depth=2\n0: ptr fq 2 h0\n0: take fq h0\n0: take-other-field \(declared) h0\n0: ptr fq 2 h1\n0: take-other-field \(declared) h1\n0: take fq h1"
            #expect(findings(try program(text)) == [], "declared \(declared)")
        }
    }

    @Test("accumulator steps on a one-point SRS are not applicable, not a finding (found by the OwnershipFuzzer)")
    func accumulatorsAtDepthOne() throws {
        let text = "program threads=1 depth=1\n0: accumulators fq 1\n0: accumulators fp 2"
        var options = RunOptions()
        options.schedule = .controlled
        #expect(ProgramRunner.run(try program(text), seed: 1, options: options, reference: ReferenceData(depth: 1)).findings == [])
    }

    @Test("a generated default-mix program is clean on the fixed implementation")
    func generated() throws {
        var configuration = GeneratorConfiguration()
        configuration.depth = 2
        configuration.domains = [1, 2, 4]
        configuration.operations = 30
        for seed: UInt64 in 1...3 {
            let generated = ProgramGenerator(configuration: configuration).program(seed: seed)
            #expect(findings(generated, seed: seed) == [], "seed \(seed)")
        }
    }
}

@Suite("The binary program form")
struct ProgramBinaryTests {
    @Test("generated programs round-trip through the binary form", arguments: 1...20)
    func roundTrip(seed: Int) {
        var configuration = GeneratorConfiguration()
        configuration.threads = 1 + seed % 8
        configuration.depth = 8
        configuration.domains = [1, 2, 4, 8, 16, 32, 64]
        let generated = ProgramGenerator(configuration: configuration).program(seed: UInt64(seed))
        #expect(ProgramBinary.decode(ProgramBinary.encode(generated)).steps.count == generated.steps.count)
        let decoded = ProgramBinary.decode(ProgramBinary.encode(generated))
        // Names are renumbered in binding order, so compare the re-encodings.
        #expect(ProgramBinary.encode(decoded) == ProgramBinary.encode(generated))
        #expect(ProgramText.format(ProgramBinary.decode(ProgramBinary.encode(decoded))) == ProgramText.format(decoded))
    }

    @Test("any bytes decode to a well-formed program")
    func total() {
        var generator = SplitMix64(seed: 99)
        for length in [0, 1, 2, 7, 64, 1000] {
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            let program = ProgramBinary.decode(bytes)
            #expect(program.firstIllFormedStep == nil)
            #expect((1...8).contains(program.threads))
            #expect(program.steps.count <= 512)
            // Every wait follows (in program order) a set of its slot, so no
            // decoded program can deadlock (found by the OwnershipFuzzer).
            var set = Set<Int>()
            for step in program.steps {
                if case .slotSet(let slot, _) = step.operation { set.insert(slot) }
                if case .slotWait(let slot) = step.operation { #expect(set.contains(slot)) }
            }
        }
    }
}

@Suite("The op mix")
struct OpMixTests {
    @Test("a kind weighted zero never appears, and the default mix reaches every kind")
    func weights() throws {
        var configuration = GeneratorConfiguration()
        configuration.operations = 400
        configuration.mix = try #require(OperationKind.parseMix("lagrange=0,commit=0,pool=0"))
        let restricted = ProgramGenerator(configuration: configuration).program(seed: 5)
        for step in restricted.steps {
            switch step.operation {
            case .lagrangeCommitment, .commitEvaluations, .poolInit, .poolExit: Issue.record("weighted zero but drawn: \(step)")
            default: break
            }
        }
        configuration.mix = OperationKind.defaultMix
        let text = ProgramText.format(ProgramGenerator(configuration: configuration).program(seed: 5))
        for word in ["ptr ", "take ", "free ", "read ", "direct ", "assert-leaks", "reset", "lagrange ", "maybe-lagrange ", "add-basis ", "set-basis ",
                     "get-basis ", "commit ", "b-poly ", "accumulators ", "srs-roundtrip ", "srs-file ", "pool-init ", "pool-exit", "slot-wait ", "take-other-field "] {
            #expect(text.contains(word), "the default mix draws \(word)")
        }
        #expect(OperationKind.parseMix("nonsense=1") == nil)
        #expect(OperationKind.parseMix("pointer=-1") == nil)
    }
}
