extension Program {
    /// A program of cheap steps on a cached basis, for measuring the
    /// harness itself: each thread repeats ptr, read, take, direct and a
    /// commitment lookup on handles of its own, so every step is valid and
    /// the time goes to the executor, the tracker and the checker rather
    /// than to curve arithmetic.
    ///
    /// - Parameters:
    ///   - threads: how many threads the program runs on.
    ///   - stepsPerThread: steps each thread runs, rounded down to a multiple of five.
    /// - Returns: the program, for a depth-8 SRS and domains of 8.
    public static func cheapSteps(threads: Int, stepsPerThread: Int) -> Program {
        var steps = [Step]()
        var handle = 0
        for round in 0..<(stepsPerThread / 5) {
            for thread in 0..<threads {
                let family: Family = round % 2 == 0 ? .fp : .fq
                steps.append(Step(thread: thread, .pointer(family, domain: 8, handle: handle)))
                steps.append(Step(thread: thread, .read(family, handle: handle)))
                steps.append(Step(thread: thread, .take(family, handle: handle)))
                steps.append(Step(thread: thread, .direct(family, domain: 8)))
                steps.append(Step(thread: thread, .maybeLagrangeCommitment(family, domain: 8, index: round % 8)))
                handle += 1
            }
        }
        return Program(threads: threads, depth: 8, steps: steps)
    }
}
