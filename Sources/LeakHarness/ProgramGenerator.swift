import Foundation
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
    /// Relative weights of the kinds of step drawn; a kind of weight 0 never
    /// appears (hand-off receipts and end-of-thread releases always do).
    public var mix: [OperationKind: Int] = OperationKind.defaultMix
    /// Whether compound steps that hold a transient SRS (round trips, files)
    /// may appear; off for free schedules, where a concurrent leak assertion
    /// would see the transient allocation.
    public var compoundSteps = true

    /// The defaults reach every call within a default run.
    public init() {}
}

/// The kinds of step the generator draws, for weighting the mix.
public enum OperationKind: String, Sendable, Hashable, Codable, CaseIterable {
    case pointer, release, misuse, direct, assertLeaks = "assert-leaks", reset
    case lagrange, maybeLagrange = "maybe-lagrange", addBasis = "add-basis", setBasis = "set-basis", getBasis = "get-basis"
    case commit, bPoly = "b-poly", accumulators, srsRoundTrip = "srs-roundtrip", srsFile = "srs-file", pool

    /// The default weights: ownership traffic first, every call reachable.
    public static let defaultMix: [OperationKind: Int] = [
        .pointer: 22, .release: 18, .misuse: 6, .direct: 6, .assertLeaks: 6, .reset: 2,
        .lagrange: 4, .maybeLagrange: 4, .addBasis: 3, .setBasis: 3, .getBasis: 3,
        .commit: 4, .bPoly: 3, .accumulators: 3, .srsRoundTrip: 3, .srsFile: 2, .pool: 5,
    ]

    /// Parses `kind=weight,kind=weight`; unnamed kinds keep their defaults.
    public static func parseMix(_ text: String) -> [OperationKind: Int]? {
        var mix = defaultMix
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=").map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, let kind = OperationKind(rawValue: parts[0]), let weight = Int(parts[1]), weight >= 0 else { return nil }
            mix[kind] = weight
        }
        return mix.values.reduce(0, +) > 0 ? mix : nil
    }
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
            var kinds = OperationKind.allCases.filter { (configuration.mix[$0] ?? 0) > 0 }
            if !configuration.compoundSteps { kinds.removeAll { $0 == .srsRoundTrip || $0 == .srsFile } }
            if !configuration.misuse { kinds.removeAll { $0 == .misuse } }
            if thread != 0 { kinds.removeAll { $0 == .pool } }
            if live.isEmpty { kinds.removeAll { $0 == .release } }
            let total = kinds.reduce(0) { $0 + (configuration.mix[$1] ?? 0) }
            guard total > 0 else { continue }
            var roll = Int.random(in: 0..<total, using: &rng)
            let kind = kinds.first { kind in
                roll -= configuration.mix[kind] ?? 0
                return roll < 0
            }!
            switch kind {
            case .pointer:
                add(thread, .pointer(family, domain: domain(), handle: nextHandle))
                owned[thread].append((nextHandle, family, true))
                nextHandle += 1
            case .release:
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
            case .misuse:
                let dead = owned[thread].filter { !$0.live }
                if let victim = dead.randomElement(using: &rng) {
                    let misuse: [Operation] = [.take(victim.family, handle: victim.handle), .free(victim.family, handle: victim.handle), .read(victim.family, handle: victim.handle)]
                    add(thread, misuse.randomElement(using: &rng)!)
                } else if let target = live.randomElement(using: &rng) {
                    add(thread, .takeOtherField(owned[thread][target].family, handle: owned[thread][target].handle))
                } else {
                    add(thread, .takeForged(family))
                }
            case .direct: add(thread, .direct(family, domain: domain()))
            case .assertLeaks: add(thread, .assertLeaks)
            case .reset: add(thread, .reset)
            case .lagrange:
                let d = domain()
                add(thread, .lagrangeCommitment(family, domain: d, index: Int.random(in: 0..<ReferenceData.domainSize(d), using: &rng)))
            case .maybeLagrange:
                let d = domain()
                add(thread, .maybeLagrangeCommitment(family, domain: d, index: Int.random(in: 0..<ReferenceData.domainSize(d), using: &rng)))
            case .addBasis:
                let d = domain()
                var log = 0
                while (1 << log) < d { log += 1 }
                add(thread, .addLagrangeBasis(family, log2: log))
            case .setBasis: add(thread, .setLagrangeBasis(family, domain: domain()))
            case .getBasis: add(thread, .getLagrangeBasis(family, domain: domain()))
            case .commit: add(thread, .commitEvaluations(family, domain: domain(), seed: Int.random(in: 0..<1000, using: &rng)))
            case .bPoly: add(thread, .bPolyCommitment(family, rounds: Int.random(in: 0...3, using: &rng)))
            case .accumulators: add(thread, .accumulators(family, count: Int.random(in: 1...3, using: &rng)))
            case .srsRoundTrip: add(thread, .srsRoundTrip(family))
            case .srsFile: add(thread, .srsFile(family))
            case .pool:
                if poolUp { add(0, .poolExit) } else { add(0, .poolInit(threads: Int.random(in: 1...3, using: &rng))) }
                poolUp.toggle()
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
