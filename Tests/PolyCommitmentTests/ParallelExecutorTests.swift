import Locking
import PolyCommitment
import Testing

@Suite("Executors")
struct ParallelExecutorTests {
    @Test("a thread-limited executor runs every task exactly once, never more than the limit at a time", arguments: [1, 2, 3, 64])
    func limited(threads: Int) {
        let executor = DispatchExecutor(threads: threads)
        #expect(executor.parallelism == threads)
        let state = Locked((runs: [Int](repeating: 0, count: 50), running: 0, peak: 0))
        executor.run(50) { index in
            state.withLock { $0.running += 1; $0.peak = max($0.peak, $0.running); $0.runs[index] += 1 }
            for _ in 0..<2000 { _ = index &* 31 }
            state.withLock { $0.running -= 1 }
        }
        let (runs, _, peak) = state.withLock { $0 }
        #expect(runs.allSatisfy { $0 == 1 })
        #expect(peak <= threads)
        #expect(executor.map(10) { $0 * $0 } == (0..<10).map { $0 * $0 })
    }
}
