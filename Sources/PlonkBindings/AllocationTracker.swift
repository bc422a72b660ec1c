import Locking
import Synchronization

/// Counts every allocation the bindings hand out, in every build (plonk-wasm's
/// counters exist only in debug builds).
///
/// One lock guards all counters, so allocation, deallocation and reset are
/// linearizable: a snapshot never shows a deallocation without its
/// allocation, and a reset racing a deallocation cannot drive a count below
/// zero. The lock is uncontended in practice (an atomic compare-and-swap),
/// and the events it guards are coarse (a whole Lagrange basis, a thread).
public final class AllocationTracker: Sendable {
    /// What an allocation must hand back when it is released.
    public struct Token: Sendable, Hashable {
        let kind: AllocationKind
        let bytes: Int
        let epoch: Int
    }

    private struct State {
        var kinds: [AllocationKind: KindStats] = [:]
        var misuses: [MisuseKind: Int] = [:]
        var epoch = 0

        /// Counts one release against its kind.
        mutating func release(_ token: Token) {
            var stats = kinds[token.kind] ?? KindStats()
            stats.deallocations += 1
            stats.liveCount -= 1
            stats.liveBytes -= token.bytes
            if token.epoch == epoch { stats.leakedSinceReset -= 1 }
            kinds[token.kind] = stats
        }
    }

    private let state = Locked(State())

    /// Creates an empty tracker.
    public init() {}

    /// Records an allocation.
    ///
    /// - Parameters:
    ///   - kind: what it holds.
    ///   - bytes: its estimated size.
    /// - Returns: the token to pass to `recordDeallocation`.
    public func recordAllocation(_ kind: AllocationKind, bytes: Int) -> Token {
        state.withLock { state in
            var stats = state.kinds[kind] ?? KindStats()
            stats.allocations += 1
            stats.liveCount += 1
            stats.liveBytes += bytes
            stats.leakedSinceReset += 1
            stats.highWaterCount = max(stats.highWaterCount, stats.liveCount)
            stats.highWaterBytes = max(stats.highWaterBytes, stats.liveBytes)
            state.kinds[kind] = stats
            return Token(kind: kind, bytes: bytes, epoch: state.epoch)
        }
    }

    /// Records several allocations as one event, so that no snapshot can see
    /// only some of them (the pool's workers start and stop together).
    public func recordAllocations(_ kind: AllocationKind, count: Int, bytesEach: Int) -> [Token] {
        state.withLock { state in
            var stats = state.kinds[kind] ?? KindStats()
            stats.allocations += count
            stats.liveCount += count
            stats.liveBytes += count * bytesEach
            stats.leakedSinceReset += count
            stats.highWaterCount = max(stats.highWaterCount, stats.liveCount)
            stats.highWaterBytes = max(stats.highWaterBytes, stats.liveBytes)
            state.kinds[kind] = stats
            return Array(repeating: Token(kind: kind, bytes: bytesEach, epoch: state.epoch), count: count)
        }
    }

    /// Records that several allocations were released, as one event.
    public func recordDeallocations(_ tokens: [Token]) {
        state.withLock { state in
            for token in tokens { state.release(token) }
        }
    }

    /// Records that an allocation was released.
    public func recordDeallocation(_ token: Token) {
        state.withLock { $0.release(token) }
    }

    /// Counts a refused misuse.
    public func recordMisuse(_ kind: MisuseKind) {
        state.withLock { $0.misuses[kind, default: 0] += 1 }
    }

    /// plonk-wasm's `reset_allocation_tracking`: from now on only new
    /// allocations count as leaks; misuse counts start again from zero.
    public func reset() {
        state.withLock { state in
            state.epoch += 1
            for kind in state.kinds.keys { state.kinds[kind]!.leakedSinceReset = 0 }
            state.misuses = [:]
        }
    }

    /// plonk-wasm's `get_leaked_allocation_count`.
    public var leakedAllocationCount: Int {
        state.withLock { $0.kinds.values.reduce(0) { $0 + $1.leakedSinceReset } }
    }

    /// A consistent snapshot of every counter, with process-wide malloc
    /// counters when malloc-interposer is preloaded.
    public var stats: AllocationStats {
        let snapshot = state.withLock { AllocationStats(kinds: $0.kinds, misuses: $0.misuses, resets: $0.epoch, processMalloc: nil) }
        var result = snapshot
        result.processMalloc = MallocInterposerProbe.statistics()
        return result
    }
}
