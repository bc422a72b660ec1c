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

        func search(_ remaining: [Int], _ model: Model, _ order: [Int]) -> Model? {
            if remaining.isEmpty { return model }
            explored += 1
            if explored > budget { return nil }
            let key = VisitKey(remaining: remaining, model: model)
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
                if let done = search(rest, next, order + [events[index].step]) { return done }
                if explored > budget { return nil }
            }
            return nil
        }

        if let final = search(Array(events.indices), model, []) { return .linearizable(final: final) }
        if explored > budget { return .inconclusive }
        return .notLinearizable(longestPrefix: best, failingStep: bestFailure)
    }

    private struct VisitKey: Hashable {
        var remaining: [Int]
        var model: Model
    }
}
