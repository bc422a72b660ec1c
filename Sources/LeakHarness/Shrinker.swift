/// Reduces a failing program to a short one that fails the same way (same
/// finding kind): fewer steps (delta debugging: drop chunks, halving the
/// chunk size down to single steps), then fewer threads, then smaller
/// domains. Candidates that fail differently, including ones made
/// ill-formed by a removal, are rejected.
public struct Shrinker {
    /// Runs a candidate and returns its findings.
    public typealias Oracle = (Program) -> [Finding]

    /// At most this many candidate runs.
    public var budget: Int

    /// Creates a shrinker.
    public init(budget: Int = 2000) { self.budget = budget }

    /// The smallest failing program found.
    public func shrink(_ program: Program, kind: FindingKind, oracle: Oracle) -> Program {
        var best = program
        var runs = 0
        func fails(_ candidate: Program) -> Bool {
            guard runs < budget, candidate.firstIllFormedStep == nil else { return false }
            runs += 1
            return oracle(candidate).contains { $0.kind == kind }
        }
        var chunk = max(1, best.steps.count / 2)
        while chunk >= 1 && runs < budget {
            var start = 0
            var removedAny = false
            while start < best.steps.count && runs < budget {
                var candidate = best
                candidate.steps.removeSubrange(start..<min(best.steps.count, start + chunk))
                if fails(candidate) {
                    best = candidate
                    removedAny = true
                } else {
                    start += chunk
                }
            }
            if !removedAny { chunk /= 2 }
        }
        // Fewer threads: fold the highest thread into thread 0.
        while best.threads > 1 && runs < budget {
            var candidate = best
            let top = best.threads - 1
            candidate.steps = best.steps.map { $0.thread == top ? Step(thread: 0, $0.operation) : $0 }
            candidate.threads = top
            if fails(candidate) { best = candidate } else { break }
        }
        // Smaller domains.
        for index in best.steps.indices where runs < budget {
            var candidate = best
            switch best.steps[index].operation {
            case .pointer(let f, let d, let h) where d > 1: candidate.steps[index].operation = .pointer(f, domain: d / 2, handle: h)
            case .direct(let f, let d) where d > 1: candidate.steps[index].operation = .direct(f, domain: d / 2)
            default: continue
            }
            if fails(candidate) { best = candidate }
        }
        return best
    }
}
