import Dispatch
import Locking
import Synchronization

/// Where the heavy loops (MSM windows, FFT halves, SRS chunks) run.
///
/// The commitment library takes an executor instead of owning threads, so
/// the bindings' thread pool (plonk-wasm's rayon pool) can be plugged in and
/// so tests can force serial execution.
public protocol ParallelExecutor: Sendable {
    /// How many tasks are worth running at once.
    var parallelism: Int { get }

    /// Runs `body(0) … body(count − 1)`, possibly at the same time, and
    /// returns when all have finished.
    ///
    /// - Parameters:
    ///   - count: the number of tasks.
    ///   - body: one task; it must be safe to run concurrently with the others.
    ///     Escaping because a pool's workers may drop their last reference to
    ///     a finished job a moment after `run` returns.
    func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void)
}

extension ParallelExecutor {
    /// Computes `transform(i)` for every index in `0..<count`, in parallel,
    /// and returns the results in index order.
    ///
    /// - Parameters:
    ///   - count: the number of results.
    ///   - transform: one result; safe to run concurrently.
    /// - Returns: the results, in order.
    public func map<T: Sendable>(_ count: Int, _ transform: @escaping @Sendable (Int) -> T) -> [T] {
        if count <= 1 || parallelism <= 1 { return (0..<count).map(transform) }
        let results = Locked([T?](repeating: nil, count: count))
        run(count) { index in
            let value = transform(index)
            results.withLock { $0[index] = value }
        }
        return results.withLock { $0.map { $0! } }
    }
}

/// Runs every task on the calling thread, one after another.
public struct SerialExecutor: ParallelExecutor {
    /// Creates the executor.
    public init() {}

    /// Always one.
    public var parallelism: Int { 1 }

    /// Runs the tasks in order on the calling thread.
    public func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        for index in 0..<count { body(index) }
    }
}

/// Runs tasks on Dispatch's global pool (`concurrentPerform`); the default
/// until a caller supplies its own pool.
public struct DispatchExecutor: ParallelExecutor {
    private let threads: Int?

    /// Creates the executor.
    ///
    /// - Parameter threads: at most this many tasks at once (benchmarks pin
    ///   it to compare thread counts); nil for one per active processor.
    public init(threads: Int? = nil) {
        self.threads = threads.map { max(1, $0) }
    }

    /// The thread limit, or the number of active processors.
    public var parallelism: Int { threads ?? ProcessorCount.active }

    /// Runs the tasks with `DispatchQueue.concurrentPerform`; with a thread
    /// limit, that many workers take every limit-th task.
    public func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        if count == 1 {
            body(0)
        } else if count > 1 {
            guard let threads, threads < count else {
                DispatchQueue.concurrentPerform(iterations: count, execute: body)
                return
            }
            if threads == 1 {
                for index in 0..<count { body(index) }
                return
            }
            DispatchQueue.concurrentPerform(iterations: threads) { worker in
                var index = worker
                while index < count {
                    body(index)
                    index += threads
                }
            }
        }
    }
}
