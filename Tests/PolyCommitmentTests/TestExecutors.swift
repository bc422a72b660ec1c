import Dispatch
import PolyCommitment

/// An executor that claims more parallelism than the machine has, so tests
/// reach the transform's and MSM's parallel paths with small inputs.
struct WideExecutor: ParallelExecutor {
    var parallelism: Int
    func run(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }
}

/// The executors every parallel algorithm is tested under.
let testExecutors: [any ParallelExecutor] = [SerialExecutor(), DispatchExecutor(), WideExecutor(parallelism: 4)]
