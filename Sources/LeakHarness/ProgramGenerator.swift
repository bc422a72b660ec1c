/// Settings for generated programs.
public struct GeneratorConfiguration: Sendable, Hashable, Codable {
    /// Threads per program, 1…8.
    public var threads = 4
    /// Roughly how many steps per program.
    public var operations = 40
    /// The SRS depth (both families).
    public var depth = 8
    /// Domain sizes to draw from; sizes above `depth` give chunked bases.
    public var domains = [4, 8, 16, 32]
    /// Whether to include deliberate misuse (checked mode only).
    public var misuse = true
    /// Whether compound steps that hold a transient SRS (round trips, files)
    /// may appear; off for free schedules, where a concurrent leak assertion
    /// would see the transient allocation.
    public var compoundSteps = true

    /// The defaults reach every call within a default run.
    public init() {}
}

/// Draws well-formed programs from a seed alone.
///
/// Each handle belongs to one thread. A hand-off moves it to a higher-
/// numbered thread through a u32 slot (`slot-set` by the producer, `slot-wait`
/// then the handle's release by the consumer), the way o1js passes pointers
/// between a worker and the main thread; since hand-offs only go up, waits
/// never form a cycle. Each thread releases what it still owns at its end.
public struct ProgramGenerator {
    public var configuration: GeneratorConfiguration

    /// Creates a generator.
    public init(configuration: GeneratorConfiguration = GeneratorConfiguration()) {
        self.configuration = configuration
    }

    /// The program for a seed.
    public func program(seed: UInt64) -> Program {
        var rng = SplitMix64(seed: seed)
        let threads = max(1, min(8, configuration.threads))
        var steps = [Step]()
        var owned = [[(handle: Int, family: Family, live: Bool)]](repeating: [], count: threads)
        var inbox = [[(slot: Int, handle: Int, family: Family)]](repeating: [], count: threads)
        var nextHandle = 0, nextSlot = 0
        var poolUp = false
        let families: [Family] = [.fp, .fq]

        func domain() -> Int { configuration.domains.randomElement(using: &rng) ?? 8 }
        func add(_ thread: Int, _ operation: Operation) { steps.append(Step(thread: thread, operation)) }

        for _ in 0..<configuration.operations {
            let thread = Int.random(in: 0..<threads, using: &rng)
            let family = families.randomElement(using: &rng)!
            // A pending hand-off is always received first.
            if let handoff = inbox[thread].first {
                inbox[thread].removeFirst()
                add(thread, .slotWait(slot: handoff.slot))
                add(thread, .slotFree(slot: handoff.slot))
                owned[thread].append((handoff.handle, handoff.family, true))
                continue
            }
            let live = owned[thread].indices.filter { owned[thread][$0].live }
            let roll = Int.random(in: 0..<100, using: &rng)
            switch roll {
            case 0..<22:
                add(thread, .pointer(family, domain: domain(), handle: nextHandle))
                owned[thread].append((nextHandle, family, true))
                nextHandle += 1
            case 22..<40 where !live.isEmpty:
                let pick = live.randomElement(using: &rng)!
                let (name, family, _) = owned[thread][pick]
                switch Int.random(in: 0..<4, using: &rng) {
                case 0: add(thread, .take(family, handle: name)); owned[thread][pick].live = false
                case 1: add(thread, .free(family, handle: name)); owned[thread][pick].live = false
                case 2: add(thread, .read(family, handle: name))
                default:
                    if thread + 1 < threads {
                        let consumer = Int.random(in: (thread + 1)..<threads, using: &rng)
                        add(thread, .slotNew(slot: nextSlot))
                        add(thread, .slotSet(slot: nextSlot, value: UInt32(name + 1)))
                        inbox[consumer].append((nextSlot, name, family))
                        owned[thread].remove(at: pick)
                        nextSlot += 1
                    } else {
                        add(thread, .read(family, handle: name))
                    }
                }
            case 40..<46 where configuration.misuse:
                let dead = owned[thread].filter { !$0.live }
                if let victim = dead.randomElement(using: &rng) {
                    let misuse: [Operation] = [.take(victim.family, handle: victim.handle), .free(victim.family, handle: victim.handle), .read(victim.family, handle: victim.handle)]
                    add(thread, misuse.randomElement(using: &rng)!)
                } else if let target = live.randomElement(using: &rng) {
                    add(thread, .takeOtherField(owned[thread][target].family, handle: owned[thread][target].handle))
                } else {
                    add(thread, .takeForged(family))
                }
            case 46..<52: add(thread, .direct(family, domain: domain()))
            case 52..<58: add(thread, .assertLeaks)
            case 58..<60: add(thread, .reset)
            case 60..<64:
                let d = domain()
                add(thread, .lagrangeCommitment(family, domain: d, index: Int.random(in: 0..<ReferenceData.domainSize(d), using: &rng)))
            case 64..<68:
                let d = domain()
                add(thread, .maybeLagrangeCommitment(family, domain: d, index: Int.random(in: 0..<ReferenceData.domainSize(d), using: &rng)))
            case 68..<71:
                let d = domain()
                var log = 0
                while (1 << log) < d { log += 1 }
                add(thread, .addLagrangeBasis(family, log2: log))
            case 71..<74: add(thread, .setLagrangeBasis(family, domain: domain()))
            case 74..<77: add(thread, .getLagrangeBasis(family, domain: domain()))
            case 77..<81: add(thread, .commitEvaluations(family, domain: domain(), seed: Int.random(in: 0..<1000, using: &rng)))
            case 81..<84: add(thread, .bPolyCommitment(family, rounds: Int.random(in: 0...3, using: &rng)))
            case 84..<87: add(thread, .accumulators(family, count: Int.random(in: 1...3, using: &rng)))
            case 87..<90 where configuration.compoundSteps: add(thread, .srsRoundTrip(family))
            case 90..<92 where configuration.compoundSteps: add(thread, .srsFile(family))
            case 92..<97 where thread == 0:
                if poolUp { add(0, .poolExit) } else { add(0, .poolInit(threads: Int.random(in: 1...3, using: &rng))) }
                poolUp.toggle()
            default:
                add(thread, .pointer(family, domain: domain(), handle: nextHandle))
                owned[thread].append((nextHandle, family, true))
                nextHandle += 1
            }
        }
        // Deliver pending hand-offs, release what each thread owns, close the pool.
        for thread in 0..<threads {
            for handoff in inbox[thread] {
                add(thread, .slotWait(slot: handoff.slot))
                add(thread, .slotFree(slot: handoff.slot))
                owned[thread].append((handoff.handle, handoff.family, true))
            }
            for handle in owned[thread] where handle.live {
                add(thread, Bool.random(using: &rng) ? .take(handle.family, handle: handle.handle) : .free(handle.family, handle: handle.handle))
            }
        }
        if poolUp { add(0, .poolExit) }
        add(0, .assertLeaks)
        return Program(threads: threads, depth: configuration.depth, steps: steps)
    }
}
