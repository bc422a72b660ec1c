import Foundation
public import PolyCommitment
import Synchronization

/// Why the pool refused a lifecycle call.
public enum ThreadPoolError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `init_thread_pool` while a pool runs.
    case alreadyRunning
    /// `exit_thread_pool` with no pool running.
    case notRunning
    /// A thread count outside 1…256.
    case invalidThreadCount(Int)
    /// `exit_thread_pool` from one of the pool's own workers (it would wait for itself).
    case calledFromWorker
    /// The system would not start a thread.
    case spawnFailed(started: Int)

    /// A sentence for people.
    public var description: String {
        switch self {
        case .alreadyRunning: return "the thread pool is already running"
        case .notRunning: return "no thread pool is running"
        case .invalidThreadCount(let count): return "thread count \(count) is not in 1...256"
        case .calledFromWorker: return "exit_thread_pool was called from a pool worker"
        case .spawnFailed(let started): return "could not start a thread after \(started)"
        }
    }
}

/// plonk-wasm's rayon pool: `start(threads:)` is `init_thread_pool`,
/// `stop()` is `exit_thread_pool`, and as an executor it is `run_in_pool`.
///
/// Outcomes of the awkward cases, all documented and none a crash:
/// - starting a running pool: `ThreadPoolError.alreadyRunning`;
/// - stopping a stopped pool: `.notRunning`;
/// - stopping while work runs: the call waits until the queued work is done,
///   then joins every worker; work submitted meanwhile runs on its caller;
/// - stopping from a worker: `.calledFromWorker`;
/// - running work with no pool: it runs on the caller, as `run_in_pool` does.
///
/// A job's caller also works on it, so a task that itself submits work to
/// the pool (nested parallelism) always makes progress.
public final class ThreadPool: ParallelExecutor, @unchecked Sendable {
    // @unchecked: every mutable property is touched only with `condition` locked.
    private let condition = NSCondition()
    private var workers: [UnsafeThreads.Thread] = []
    private var tokens: [AllocationTracker.Token] = []
    private var queue: [Job] = []
    private var stopping = false
    private let tracker: AllocationTracker

    init(tracker: AllocationTracker) {
        self.tracker = tracker
    }

    /// Whether workers are running.
    public var isRunning: Bool {
        condition.lock()
        defer { condition.unlock() }
        return !workers.isEmpty && !stopping
    }

    /// The number of workers (0 when stopped).
    public var threadCount: Int {
        condition.lock()
        defer { condition.unlock() }
        return stopping ? 0 : workers.count
    }

    /// Workers plus the caller, who helps.
    public var parallelism: Int { max(1, threadCount + 1) }

    /// Starts `count` workers.
    ///
    /// - Throws: `ThreadPoolError` when running already, for a bad count, or
    ///   when the system refuses a thread (those started are stopped again).
    public func start(threads count: Int) throws(ThreadPoolError) {
        guard (1...256).contains(count) else { throw .invalidThreadCount(count) }
        condition.lock()
        defer { condition.unlock() }
        guard workers.isEmpty else { throw .alreadyRunning }
        for started in 0..<count {
            guard let thread = UnsafeThreads.spawn({ [self] in workerLoop() }) else {
                stopLocked()
                throw .spawnFailed(started: started)
            }
            workers.append(thread)
        }
        // One tracker event for all workers: no leak count can see half a pool.
        tokens = tracker.recordAllocations(.poolThread, count: count, bytesEach: 0)
    }

    /// Stops and joins every worker, after the work already queued is done.
    ///
    /// - Throws: `ThreadPoolError.notRunning` or `.calledFromWorker`.
    public func stop() throws(ThreadPoolError) {
        condition.lock()
        defer { condition.unlock() }
        guard !workers.isEmpty, !stopping else { throw .notRunning }
        guard !workers.contains(UnsafeThreads.current) else { throw .calledFromWorker }
        stopLocked()
    }

    /// Stops with the lock held; releases it while joining.
    private func stopLocked() {
        stopping = true
        condition.broadcast()
        let joining = workers
        condition.unlock()
        for thread in joining { UnsafeThreads.join(thread) }
        condition.lock()
        tracker.recordDeallocations(tokens)  // one event, as at start
        tokens = []
        workers = []
        stopping = false
    }

    private func workerLoop() {
        while true {
            condition.lock()
            while queue.isEmpty && !stopping { condition.wait() }
            guard let job = queue.first else {
                condition.unlock()
                return
            }
            condition.unlock()
            job.work()
            removeFinished(job)
        }
    }

    private func removeFinished(_ job: Job) {
        condition.lock()
        queue.removeAll { $0 === job && $0.allClaimed }
        condition.unlock()
    }

    /// Runs the tasks on the workers and the caller, returning when all are
    /// done; with no pool (or while it stops) they run on the caller.
    public func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        if count <= 0 { return }
        condition.lock()
        let pooled = !workers.isEmpty && !stopping && count > 1
        condition.unlock()
        guard pooled else {
            for index in 0..<count { body(index) }
            return
        }
        let job = Job(count: count, body: body)
        condition.lock()
        queue.append(job)
        condition.broadcast()
        condition.unlock()
        job.work()
        job.waitUntilDone()
        removeFinished(job)
    }
}

/// One `run` call's tasks: claimed by index by whoever is free.
private final class Job: @unchecked Sendable {
    // @unchecked: `body` is immutable; the counters are atomics; `done` is guarded by `finished`.
    let count: Int
    let body: @Sendable (Int) -> Void
    private let next = Atomic<Int>(0)
    private let remaining: Atomic<Int>
    private let finished = NSCondition()
    private var done = false

    init(count: Int, body: @escaping @Sendable (Int) -> Void) {
        self.count = count
        self.body = body
        remaining = Atomic(count)
    }

    var allClaimed: Bool { next.load(ordering: .acquiring) >= count }

    /// Claims and runs tasks until none is left to claim.
    func work() {
        while true {
            let index = next.wrappingAdd(1, ordering: .acquiringAndReleasing).oldValue
            guard index < count else { return }
            body(index)
            if remaining.wrappingSubtract(1, ordering: .acquiringAndReleasing).newValue == 0 {
                finished.lock()
                done = true
                finished.broadcast()
                finished.unlock()
            }
        }
    }

    func waitUntilDone() {
        finished.lock()
        while !done { finished.wait() }
        finished.unlock()
    }
}
