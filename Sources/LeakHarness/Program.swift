public import PlonkBindings

/// A field family named in a program.
public typealias Family = FieldFamily

/// One operation of a harness program. Handles and slots are named by small
/// integers (`h3`, `s1` in text), bound when a `ptr` or `slotNew` runs.
public enum Operation: Sendable, Hashable {
    // Whole-domain ownership
    case pointer(Family, domain: Int, handle: Int)
    case take(Family, handle: Int)
    case free(Family, handle: Int)
    case read(Family, handle: Int)
    case direct(Family, domain: Int)
    /// take through the other family's call: a wrong-field misuse.
    case takeOtherField(Family, handle: Int)
    /// take of a value never issued: a forged-handle misuse.
    case takeForged(Family)
    // u32 slots
    case slotNew(slot: Int)
    case slotSet(slot: Int, value: UInt32)
    case slotWait(slot: Int)
    case slotFree(slot: Int)
    // Pool and tracking
    case poolInit(threads: Int)
    case poolExit
    case reset
    case assertLeaks
    // The rest of the surface
    case lagrangeCommitment(Family, domain: Int, index: Int)
    case maybeLagrangeCommitment(Family, domain: Int, index: Int)
    case addLagrangeBasis(Family, log2: Int)
    case setLagrangeBasis(Family, domain: Int)
    case getLagrangeBasis(Family, domain: Int)
    case commitEvaluations(Family, domain: Int, seed: Int)
    case bPolyCommitment(Family, rounds: Int)
    case accumulators(Family, count: Int)
    case srsRoundTrip(Family)
    case srsFile(Family)
}

/// One line of a program: which thread runs which operation.
public struct Step: Sendable, Hashable {
    /// The thread, 0-based.
    public var thread: Int
    /// The operation.
    public var operation: Operation

    /// Creates a step.
    public init(thread: Int, _ operation: Operation) {
        self.thread = thread
        self.operation = operation
    }
}

/// A harness program: T threads, an SRS depth for both families, and steps.
/// Each thread runs its own steps in order; the schedule decides how the
/// threads' steps interleave.
public struct Program: Sendable, Hashable {
    /// The number of threads, 1…8.
    public var threads: Int
    /// The depth of the SRS each family's steps use.
    public var depth: Int
    /// The steps, in program order.
    public var steps: [Step]

    /// Creates a program.
    public init(threads: Int, depth: Int, steps: [Step]) {
        self.threads = threads
        self.depth = depth
        self.steps = steps
    }

    /// The steps of one thread, with their program indices.
    public func steps(of thread: Int) -> [(index: Int, step: Step)] {
        steps.enumerated().filter { $0.element.thread == thread }.map { ($0.offset, $0.element) }
    }
}

extension Program {
    /// The first step that uses a handle or slot name no earlier step (in
    /// program order) bound, or binds a name twice; nil when well formed.
    public var firstIllFormedStep: Int? {
        var handles = Set<Int>(), slots = Set<Int>()
        for (index, step) in steps.enumerated() {
            switch step.operation {
            case .pointer(_, _, let h):
                guard handles.insert(h).inserted else { return index }
            case .take(_, let h), .free(_, let h), .read(_, let h), .takeOtherField(_, let h):
                guard handles.contains(h) else { return index }
            case .slotNew(let s):
                guard slots.insert(s).inserted else { return index }
            case .slotSet(let s, _), .slotWait(let s), .slotFree(let s):
                guard slots.contains(s) else { return index }
            default:
                continue
            }
        }
        return nil
    }
}
