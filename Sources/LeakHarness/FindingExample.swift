public import PlonkBindings

/// A finding drawn on the report's timeline: where in the run it showed.
public struct FindingMarker: Sendable, Hashable {
    /// The position in the whole run (see `TimelineSample.step`).
    public var step: Int
    /// The program's seed.
    public var seed: UInt64
    /// The finding.
    public var finding: Finding

    /// - Parameters:
    ///   - step: the position in the whole run.
    ///   - seed: the program's seed.
    ///   - finding: the finding.
    public init(step: Int, seed: UInt64, finding: Finding) {
        self.step = step
        self.seed = seed
        self.finding = finding
    }
}

/// A failing program shown step by step: the first finding of its kind,
/// minimized, with the order its steps ran in.
public struct FindingExample: Sendable {
    /// The (minimized) program.
    public var program: Program
    /// Its seed (which decides a controlled schedule).
    public var seed: UInt64
    /// What it finds.
    public var finding: Finding
    /// The order its steps ran in, one entry per executed step.
    public var trace: [TraceEntry]

    /// - Parameters:
    ///   - program: the failing program.
    ///   - seed: its seed.
    ///   - finding: what it finds.
    ///   - trace: the order its steps ran in.
    public init(program: Program, seed: UInt64, finding: Finding, trace: [TraceEntry]) {
        self.program = program
        self.seed = seed
        self.finding = finding
        self.trace = trace
    }

    /// The steps to highlight: the step that failed and the earlier steps
    /// on the same handle or slot (for a finding at the end of the program,
    /// the steps that made what was left alive).
    public var conflictingSteps: Set<Int> {
        let steps = program.steps
        if let failed = finding.step, steps.indices.contains(failed) {
            let names = steps[failed].operation.resourceNames
            var conflicting: Set<Int> = [failed]
            if !names.isEmpty {
                for index in 0..<failed where !names.isDisjoint(with: steps[index].operation.resourceNames) {
                    conflicting.insert(index)
                }
            }
            return conflicting
        }
        // Left alive at the end: creations whose name no later step releases.
        var conflicting = Set<Int>()
        for (index, step) in steps.enumerated() where step.operation.creates {
            let names = step.operation.resourceNames
            let released = steps[(index + 1)...].contains { $0.operation.releases && !$0.operation.resourceNames.isDisjoint(with: names) }
            if !released { conflicting.insert(index) }
        }
        return conflicting
    }
}

extension Operation {
    /// The handles and slots the step names ("h3", "s1"); "pool" for pool steps.
    var resourceNames: Set<String> {
        switch self {
        case .pointer(_, _, let h), .take(_, let h), .free(_, let h), .read(_, let h), .takeOtherField(_, let h): return ["h\(h)"]
        case .slotNew(let s), .slotSet(let s, _), .slotWait(let s), .slotFree(let s): return ["s\(s)"]
        case .poolInit, .poolExit: return ["pool"]
        default: return []
        }
    }

    /// Whether the step makes a tracked allocation the program must release.
    var creates: Bool {
        switch self {
        case .pointer, .slotNew, .poolInit: return true
        default: return false
        }
    }

    /// Whether the step releases one.
    var releases: Bool {
        switch self {
        case .take, .free, .slotFree, .poolExit: return true
        default: return false
        }
    }
}
