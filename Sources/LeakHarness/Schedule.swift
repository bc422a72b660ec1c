/// How the threads' steps interleave.
public enum Schedule: String, Sendable, Hashable, Codable, CaseIterable {
    /// The threads race as the OS schedules them (stress); the history is
    /// checked for linearizability against the model.
    case free
    /// One step at a time, the thread chosen by a PCT-style random priority
    /// schedule drawn from the seed, so any failure replays exactly.
    case controlled
}

/// PCT (probabilistic concurrency testing, as in shuttle): random distinct
/// thread priorities, and d random change points at which the running
/// thread drops below every other. The enabled thread of highest priority
/// runs next.
struct PCTScheduler {
    private var priorities: [Int]
    private var changePoints: [Int: Int]
    private var generator: SplitMix64

    init(threads: Int, steps: Int, depth: Int = 3, seed: UInt64) {
        generator = SplitMix64(seed: seed)
        priorities = Array(depth..<(depth + threads)).shuffled(using: &generator)
        changePoints = [:]
        for level in 0..<depth where steps > 0 {
            changePoints[Int.random(in: 0..<steps, using: &generator)] = depth - 1 - level
        }
    }

    /// The thread to run at scheduling point `point`, among `enabled` (nonempty).
    mutating func choose(among enabled: [Int], at point: Int, lastRun: Int?) -> Int {
        if let lowered = changePoints[point], let last = lastRun { priorities[last] = lowered }
        return enabled.max { priorities[$0] < priorities[$1] }!
    }
}
