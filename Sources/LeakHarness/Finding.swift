/// The kinds of bugs the oracle reports.
public enum FindingKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A step returned something other than the model's outcome (a refused
    /// call that should work, a call that should be refused, wrong data).
    case unexpectedOutcome = "unexpected-outcome"
    /// The bindings refused a call as a use after free while the model holds
    /// the handle live: something freed it behind the caller's back (the
    /// legacy `read_from_ptr` bug).
    case useAfterFree = "use-after-free"
    /// A leak assertion read a count other than the model's.
    case leakMismatch = "leak-mismatch"
    /// After every thread joined and every resource was released, tracked
    /// allocations were still alive.
    case leakAtEnd = "leak-at-end"
    /// A free-schedule history has no order consistent with the model.
    case notLinearizable = "not-linearizable"
    /// Threads wait on each other with nothing left to run.
    case deadlock
    /// The process-wide malloc count did not return to its baseline.
    case mallocGrowth = "malloc-growth"
}

/// One bug found in one program.
public struct Finding: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of bug.
    public var kind: FindingKind
    /// The program step, when there is one.
    public var step: Int?
    /// What was seen.
    public var detail: String

    /// Creates a finding.
    public init(kind: FindingKind, step: Int?, detail: String) {
        self.kind = kind
        self.step = step
        self.detail = detail
    }

    /// One line for people.
    public var description: String {
        "\(kind.rawValue)" + (step.map { " at step \($0)" } ?? "") + ": \(detail)"
    }
}
