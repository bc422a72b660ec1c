/// One call in a concurrent history: when it started and ended, and what it returned.
struct HistoryEvent: Sendable {
    var step: Int
    var operation: Operation
    var start: UInt64
    var end: UInt64
    var outcome: Outcome
}

/// A Wing–Gong search (as in Porcupine and Knossos) for an order of the
/// calls that respects real time (a call that ended before another began
/// comes first) and in which the model returns every recorded outcome.
/// Visited (remaining calls, model state) pairs are memoized, and the search
/// stops after `budget` states: a run that hits it is inconclusive, not
/// a finding.
enum LinearizabilityChecker {
    enum Verdict {
        case linearizable(final: Model)
        case notLinearizable(longestPrefix: [Int], failingStep: Int?)
        case inconclusive
    }

    static func check(_ events: [HistoryEvent], model: Model, budget: Int = 200_000) -> Verdict {
        // A search that never backtracks visits one node per call; sizing
        // the memo for that up front saves its rehashing as it grows.
        var visited = Set<VisitKey>(minimumCapacity: min(events.count + 1, budget))
        var explored = 0
        var best: [Int] = []
        var bestFailure: Int?
        var order: [Int] = []

        // The remaining calls as a doubly linked list in order of start time
        // (Porcupine's layout): a call is unlinked while the search tries it
        // first and linked back when it backtracks, so a node costs time in
        // its candidates only, not in the length of the history.
        let byStart = events.indices.sorted { (events[$0].start, $0) < (events[$1].start, $1) }
        let head = events.count  // sentinel
        var next = [Int](repeating: head, count: events.count + 1)
        var previous = [Int](repeating: head, count: events.count + 1)
        var last = head
        for index in byStart {
            next[last] = index
            previous[index] = last
            last = index
        }
        next[last] = head
        previous[head] = last

        // One model, changed in place as the search goes down and put back
        // by undo records as it comes up: copying it per node would copy its
        // tables, which grow with every handle the program ever made. The
        // search keeps its own stack of frames rather than recursing, since
        // its depth is the length of the history.
        var current = model
        var digest = events.indices.reduce(RemainingDigest(count: 0, first: 0, second: 0)) { $0.adding($1) }

        struct Frame {
            var candidates: [Int]
            var position = 0
            /// The call this frame applied to reach the frame above it, and how to undo it.
            var applied: (index: Int, undo: Model.Undo)?
        }

        /// Arrives at a node: counts it, checks the memo, and lists its
        /// candidates (calls that started before every remaining call
        /// ended; in start order they are a prefix, since a call that starts
        /// after the earliest end seen so far cannot end earlier).
        func arrive() -> Frame? {
            explored += 1
            if explored > budget { return nil }
            if !visited.insert(VisitKey(remaining: digest, model: current.stateDigest)).inserted { return nil }
            var candidates: [Int] = []
            var horizon = UInt64.max
            var node = next[head]
            while node != head, events[node].start <= horizon {
                candidates.append(node)
                horizon = min(horizon, events[node].end)
                node = next[node]
            }
            return Frame(candidates: candidates)
        }

        func unlink(_ index: Int) {
            next[previous[index]] = next[index]
            previous[next[index]] = previous[index]
            order.append(events[index].step)
            digest = digest.removing(index)
        }

        func relink(_ index: Int, _ undo: Model.Undo) {
            next[previous[index]] = index
            previous[next[index]] = index
            order.removeLast()
            digest = digest.adding(index)
            current.undo(undo)
        }

        if events.isEmpty { return .linearizable(final: current) }
        var stack: [Frame] = []
        if let root = arrive() { stack.append(root) }
        while let top = stack.last {
            if explored > budget { return .inconclusive }
            guard top.position < top.candidates.count else {
                // Every candidate failed below this node: back out of the
                // call that led here.
                stack.removeLast()
                if let applied = stack.last?.applied {
                    relink(applied.index, applied.undo)
                    stack[stack.count - 1].applied = nil
                }
                continue
            }
            let index = top.candidates[top.position]
            stack[stack.count - 1].position += 1
            let event = events[index]
            guard current.isWellFormed(event.operation) else {
                if order.count >= best.count { best = order; bestFailure = event.step }
                continue
            }
            let (outcome, undo) = current.applyUndoably(event.operation)
            guard outcome == event.outcome else {
                current.undo(undo)
                if order.count >= best.count { best = order; bestFailure = event.step }
                continue
            }
            unlink(index)
            if next[head] == head { return .linearizable(final: current) }
            if let frame = arrive() {
                stack[stack.count - 1].applied = (index, undo)
                stack.append(frame)
            } else {
                relink(index, undo)
            }
        }
        if explored > budget { return .inconclusive }
        return .notLinearizable(longestPrefix: best, failingStep: bestFailure)
    }

    /// Which calls remain, as two independent 64-bit sums over them (and
    /// their count): O(1) to update and to hash, and 128 bits wide, so two
    /// different sets of remaining calls agree with probability about 2^-128.
    /// Keeping the list itself in the memo cost O(n) time per node to hash
    /// and O(n²) memory over a search.
    struct RemainingDigest: Hashable {
        var count: Int
        var first: UInt64
        var second: UInt64

        func adding(_ index: Int) -> RemainingDigest {
            RemainingDigest(count: count + 1, first: first &+ Self.mix(UInt64(index), 0x9E37_79B9_7F4A_7C15), second: second &+ Self.mix(UInt64(index), 0xD1B5_4A32_D192_ED03))
        }

        func removing(_ index: Int) -> RemainingDigest {
            RemainingDigest(count: count - 1, first: first &- Self.mix(UInt64(index), 0x9E37_79B9_7F4A_7C15), second: second &- Self.mix(UInt64(index), 0xD1B5_4A32_D192_ED03))
        }

        /// SplitMix64's finalizer on the index offset by a per-sum constant.
        private static func mix(_ value: UInt64, _ salt: UInt64) -> UInt64 {
            var z = value &+ salt &* 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    private struct VisitKey: Hashable {
        var remaining: RemainingDigest
        var model: Model.StateDigest
    }
}
