/// The compact binary form the fuzzer feeds in: a header byte of threads and
/// depth, then per step a thread/opcode byte and the operation's arguments.
///
/// Decoding is total: any byte string decodes to some well-formed program
/// (names are taken modulo the ones bound so far, numbers are clamped), so
/// the fuzzer never wastes inputs on syntax; `encode` of a well-formed
/// program decodes back to the same program.
public enum ProgramBinary {
    /// Encodes a program.
    public static func encode(_ program: Program) -> [UInt8] {
        var out: [UInt8] = [UInt8(program.threads - 1), UInt8(clamping: program.depth.trailingZeroBitCount)]
        var handles = [Int](), slots = [Int]()
        func handleIndex(_ name: Int) -> UInt8 { UInt8(clamping: handles.firstIndex(of: name) ?? 0) }
        func slotIndex(_ name: Int) -> UInt8 { UInt8(clamping: slots.firstIndex(of: name) ?? 0) }
        func log2(_ value: Int) -> UInt8 { UInt8(clamping: max(0, value.bitWidth - value.leadingZeroBitCount - 1)) }
        for step in program.steps {
            let (code, arguments): (UInt8, [UInt8]) = {
                switch step.operation {
                case .pointer(let f, let d, let h): handles.append(h); return (0, [fam(f), log2(d)])
                case .take(let f, let h): return (1, [fam(f), handleIndex(h)])
                case .free(let f, let h): return (2, [fam(f), handleIndex(h)])
                case .read(let f, let h): return (3, [fam(f), handleIndex(h)])
                case .direct(let f, let d): return (4, [fam(f), log2(d)])
                case .takeOtherField(let f, let h): return (5, [fam(f), handleIndex(h)])
                case .takeForged(let f): return (6, [fam(f)])
                case .slotNew(let s): slots.append(s); return (7, [])
                case .slotSet(let s, let v): return (8, [slotIndex(s), UInt8(clamping: v)])
                case .slotWait(let s): return (9, [slotIndex(s)])
                case .slotFree(let s): return (10, [slotIndex(s)])
                case .poolInit(let t): return (11, [UInt8(clamping: t - 1)])
                case .poolExit: return (12, [])
                case .reset: return (13, [])
                case .assertLeaks: return (14, [])
                case .lagrangeCommitment(let f, let d, let i): return (15, [fam(f), log2(d), UInt8(clamping: i)])
                case .maybeLagrangeCommitment(let f, let d, let i): return (16, [fam(f), log2(d), UInt8(clamping: i)])
                case .addLagrangeBasis(let f, let l): return (17, [fam(f), UInt8(clamping: l)])
                case .setLagrangeBasis(let f, let d): return (18, [fam(f), log2(d)])
                case .getLagrangeBasis(let f, let d): return (19, [fam(f), log2(d)])
                case .commitEvaluations(let f, let d, let seed): return (20, [fam(f), log2(d), UInt8(truncatingIfNeeded: seed)])
                case .bPolyCommitment(let f, let r): return (21, [fam(f), UInt8(clamping: r)])
                case .accumulators(let f, let c): return (22, [fam(f), UInt8(clamping: c - 1)])
                case .srsRoundTrip(let f): return (23, [fam(f)])
                case .srsFile(let f): return (24, [fam(f)])
                }
            }()
            out.append(UInt8(step.thread) << 5 | code)
            out += arguments
        }
        return out
    }

    private static func fam(_ family: Family) -> UInt8 { family == .fp ? 0 : 1 }

    /// Decodes any bytes into a well-formed program (at most `maximumSteps`).
    ///
    /// A `slot-wait` is kept only for a slot some earlier step (in program
    /// order) has set. Each thread runs its steps in program order, so a cycle
    /// of waits would need program order itself to loop: decoded programs
    /// cannot deadlock, and a deadlock the fuzzer reports is a real finding.
    public static func decode(_ bytes: [UInt8], maximumSteps: Int = 512) -> Program {
        var reader = bytes.makeIterator()
        let threads = Int((reader.next() ?? 0) % 8) + 1
        let depth = 1 << Int((reader.next() ?? 3) % 6)
        var steps = [Step]()
        var handles = [Int](), slots = [Int]()
        var setSlots = Set<Int>()
        var nextHandle = 0, nextSlot = 0
        func byte() -> Int { Int(reader.next() ?? 0) }
        func family() -> Family { byte() % 2 == 0 ? .fp : .fq }
        func domain() -> Int { 1 << (byte() % 7) }
        while steps.count < maximumSteps, let head = reader.next() {
            let thread = Int(head >> 5) % threads
            let operation: Operation?
            switch head & 31 {
            case 0: operation = .pointer(family(), domain: domain(), handle: nextHandle); handles.append(nextHandle); nextHandle += 1
            case 1, 2, 3, 5:
                let f = family(), pick = byte()
                if handles.isEmpty { operation = nil; break }
                let h = handles[pick % handles.count]
                switch head & 31 {
                case 1: operation = .take(f, handle: h)
                case 2: operation = .free(f, handle: h)
                case 3: operation = .read(f, handle: h)
                default: operation = .takeOtherField(f, handle: h)
                }
            case 4: operation = .direct(family(), domain: domain())
            case 6: operation = .takeForged(family())
            case 7: operation = .slotNew(slot: nextSlot); slots.append(nextSlot); nextSlot += 1
            case 8, 9, 10:
                let pick = byte()
                let value = head & 31 == 8 ? UInt32(max(1, byte())) : 0
                if slots.isEmpty { operation = nil; break }
                let s = slots[pick % slots.count]
                switch head & 31 {
                case 8: operation = .slotSet(slot: s, value: value); setSlots.insert(s)
                case 9: operation = setSlots.contains(s) ? .slotWait(slot: s) : nil
                default: operation = .slotFree(slot: s)
                }
            case 11: operation = .poolInit(threads: byte() % 4 + 1)
            case 12: operation = .poolExit
            case 13: operation = .reset
            case 14: operation = .assertLeaks
            case 15, 16:
                let f = family(), d = domain(), i = byte() % d
                operation = head & 31 == 15 ? .lagrangeCommitment(f, domain: d, index: i) : .maybeLagrangeCommitment(f, domain: d, index: i)
            case 17: operation = .addLagrangeBasis(family(), log2: byte() % 7)
            case 18: operation = .setLagrangeBasis(family(), domain: domain())
            case 19: operation = .getLagrangeBasis(family(), domain: domain())
            case 20: operation = .commitEvaluations(family(), domain: domain(), seed: byte())
            case 21: operation = .bPolyCommitment(family(), rounds: byte() % 5)
            case 22: operation = .accumulators(family(), count: byte() % 3 + 1)
            case 23: operation = .srsRoundTrip(family())
            case 24: operation = .srsFile(family())
            default: operation = nil
            }
            if let operation { steps.append(Step(thread: thread, operation)) }
        }
        return Program(threads: threads, depth: depth, steps: steps)
    }
}
