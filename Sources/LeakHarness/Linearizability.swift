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
        var visited = Set<VisitKey>()
        var explored = 0
        var best: [Int] = []
        var bestFailure: Int?

        var order: [Int] = []
        func search(_ remaining: [Int], _ digest: RemainingDigest, _ model: Model) -> Model? {
            if remaining.isEmpty { return model }
            explored += 1
            if explored > budget { return nil }
            let key = VisitKey(remaining: digest, model: model)
            if !visited.insert(key).inserted { return nil }
            // Candidates: calls that started before every remaining call ended.
            let horizon = remaining.map { events[$0].end }.min()!
            for (position, index) in remaining.enumerated() where events[index].start <= horizon {
                var next = model
                guard next.isWellFormed(events[index].operation), next.apply(events[index].operation) == events[index].outcome else {
                    if order.count >= best.count {
                        best = order
                        bestFailure = events[index].step
                    }
                    continue
                }
                var rest = remaining
                rest.remove(at: position)
                order.append(events[index].step)
                defer { order.removeLast() }
                if let done = search(rest, digest.removing(index), next) { return done }
                if explored > budget { return nil }
            }
            return nil
        }

        let all = Array(events.indices)
        if let final = search(all, all.reduce(RemainingDigest(count: 0, first: 0, second: 0)) { $0.adding($1) }, model) {
            return .linearizable(final: final)
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
        var model: Model
    }
}
