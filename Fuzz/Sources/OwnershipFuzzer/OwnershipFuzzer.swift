import FuzzSupport

/// Input bytes are a harness program in the binary form (any bytes decode
/// to a well-formed one) plus a controlled-schedule seed. It runs through
/// the model and oracle; any finding stops the process. Every thread joins
/// and every resource is released before returning, so libFuzzer's own
/// leak check stays on.
nonisolated(unsafe) private var references: [Int: ReferenceData] = [:]

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOwnership(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    let seed = bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    let program = ProgramBinary.decode(Array(bytes.dropFirst(min(8, bytes.count))), maximumSteps: 64)
    // Small sizes keep executions fast; the shapes are the same.
    let small = Program(threads: program.threads, depth: min(program.depth, 2), steps: program.steps.map { step in
        var step = step
        switch step.operation {
        case .pointer(let f, let d, let h): step.operation = .pointer(f, domain: min(d, 4), handle: h)
        case .direct(let f, let d): step.operation = .direct(f, domain: min(d, 4))
        case .lagrangeCommitment(let f, let d, let i): step.operation = .lagrangeCommitment(f, domain: min(d, 4), index: i % min(d, 4))
        case .maybeLagrangeCommitment(let f, let d, let i): step.operation = .maybeLagrangeCommitment(f, domain: min(d, 4), index: i % min(d, 4))
        case .addLagrangeBasis(let f, let l): step.operation = .addLagrangeBasis(f, log2: min(l, 2))
        case .setLagrangeBasis(let f, let d): step.operation = .setLagrangeBasis(f, domain: min(d, 4))
        case .getLagrangeBasis(let f, let d): step.operation = .getLagrangeBasis(f, domain: min(d, 4))
        case .commitEvaluations(let f, let d, let s): step.operation = .commitEvaluations(f, domain: min(d, 4), seed: s)
        default: break
        }
        return step
    })
    let reference = references[small.depth] ?? ReferenceData(depth: small.depth)
    references[small.depth] = reference
    var options = RunOptions(schedule: .controlled, mode: .checked, implementation: fuzzImplementation)
    options.sanitizerLeakCheck = false  // libFuzzer runs LeakSanitizer itself
    let result = ProgramRunner.run(small, seed: seed, options: options, reference: reference)
    if let finding = result.findings.first {
        fuzzFinding("\(finding)\n" + ProgramText.format(small))
    }
    return 0
}
