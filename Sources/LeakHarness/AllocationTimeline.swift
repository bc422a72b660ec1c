public import PlonkBindings
import Locking

/// Live tracked allocations after one step, as the bindings counted them and
/// as the model expected them: one point of the report's plot.
public struct TimelineSample: Sendable, Hashable, Codable {
    /// The step's position in the whole run (programs laid end to end).
    public var step: Int
    /// Live allocations per kind, in `TimelineSample.kinds` order.
    public var live: [Int]
    /// Live bytes per kind, in the same order.
    public var liveBytes: [Int]
    /// What the model says should be alive per kind (nil where the model does
    /// not track the kind, and for the free schedule, whose order is only
    /// known after the run).
    public var expected: [Int?]
    /// Process-wide outstanding mallocs, when malloc-interposer is loaded.
    public var processMallocs: Int64?

    /// - Parameters:
    ///   - step: the position in the whole run.
    ///   - live: live allocations per kind, in `kinds` order.
    ///   - liveBytes: live bytes per kind.
    ///   - expected: the model's live count per kind, where it has one.
    ///   - processMallocs: outstanding process-wide mallocs, if counted.
    public init(step: Int, live: [Int], liveBytes: [Int], expected: [Int?], processMallocs: Int64?) {
        self.step = step
        self.live = live
        self.liveBytes = liveBytes
        self.expected = expected
        self.processMallocs = processMallocs
    }

    /// The kinds plotted, in order.
    public static let kinds: [AllocationKind] = [.wholeDomainBuffer, .u32Slot, .srsHandle, .poolThread]
}

/// One executed step of a program, for the thread timeline of a finding.
public struct TraceEntry: Sendable, Hashable, Codable {
    /// The step's index in its program.
    public var step: Int
    /// The thread that ran it.
    public var thread: Int
    /// Its position in the execution order (0 = ran first).
    public var order: Int
}

/// Collects timeline samples and execution order while programs run. Shared
/// by the threads of a free-schedule program, hence the lock.
public final class TimelineRecorder: Sendable {
    private struct State {
        var samples: [TimelineSample] = []
        var trace: [TraceEntry] = []
        var base = 0
        var executed = 0
    }

    private let state = Locked(State())

    /// An empty recorder.
    public init() {}

    /// Starts a program: its steps are numbered after everything recorded so far.
    func beginProgram() {
        state.withLock { state in
            state.base += state.executed
            state.executed = 0
            state.trace = []
        }
    }

    /// Records that `step` ran on `thread`, with the counts afterwards.
    func record(step: Int, thread: Int, stats: AllocationStats, expected: [AllocationKind: Int]?) {
        let live = TimelineSample.kinds.map { stats[$0].liveCount }
        let bytes = TimelineSample.kinds.map { stats[$0].liveBytes }
        let wanted = TimelineSample.kinds.map { kind in expected?[kind] }
        let mallocs = stats.processMalloc?.outstandingCount
        state.withLock { state in
            state.trace.append(TraceEntry(step: step, thread: thread, order: state.executed))
            state.samples.append(TimelineSample(step: state.base + state.executed, live: live, liveBytes: bytes, expected: wanted, processMallocs: mallocs))
            state.executed += 1
        }
    }

    /// Where the current program's steps start in the whole run.
    public var programBase: Int { state.withLock { $0.base } }

    /// Every sample so far.
    public var samples: [TimelineSample] { state.withLock { $0.samples } }

    /// The current program's execution order.
    public var trace: [TraceEntry] { state.withLock { $0.trace } }
}
