/// Why a program text did not parse; `line` is 1-based.
public struct ProgramSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The line at fault.
    public let line: Int
    /// What is wrong with it.
    public let reason: String

    /// Creates an error.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason
    }

    /// A sentence for people.
    public var description: String { "line \(line): \(reason)" }
}

/// The stable, human-readable text form: a header line, then one step a line.
///
///     program threads=2 depth=8
///     0: ptr fp 16 h0
///     1: take fp h0
///
/// `#` starts a comment; blank lines are ignored.
public enum ProgramText {
    /// Formats a program; `parse` gives it back exactly.
    public static func format(_ program: Program) -> String {
        var lines = ["program threads=\(program.threads) depth=\(program.depth)"]
        for step in program.steps {
            lines.append("\(step.thread): \(format(step.operation))")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func format(_ operation: Operation) -> String {
        switch operation {
        case .pointer(let f, let domain, let handle): return "ptr \(f.rawValue) \(domain) h\(handle)"
        case .take(let f, let handle): return "take \(f.rawValue) h\(handle)"
        case .free(let f, let handle): return "free \(f.rawValue) h\(handle)"
        case .read(let f, let handle): return "read \(f.rawValue) h\(handle)"
        case .direct(let f, let domain): return "direct \(f.rawValue) \(domain)"
        case .takeOtherField(let f, let handle): return "take-other-field \(f.rawValue) h\(handle)"
        case .takeForged(let f): return "take-forged \(f.rawValue)"
        case .slotNew(let slot): return "slot-new s\(slot)"
        case .slotSet(let slot, let value): return "slot-set s\(slot) \(value)"
        case .slotWait(let slot): return "slot-wait s\(slot)"
        case .slotFree(let slot): return "slot-free s\(slot)"
        case .poolInit(let threads): return "pool-init \(threads)"
        case .poolExit: return "pool-exit"
        case .reset: return "reset"
        case .assertLeaks: return "assert-leaks"
        case .lagrangeCommitment(let f, let domain, let index): return "lagrange \(f.rawValue) \(domain) \(index)"
        case .maybeLagrangeCommitment(let f, let domain, let index): return "maybe-lagrange \(f.rawValue) \(domain) \(index)"
        case .addLagrangeBasis(let f, let log2): return "add-basis \(f.rawValue) \(log2)"
        case .setLagrangeBasis(let f, let domain): return "set-basis \(f.rawValue) \(domain)"
        case .getLagrangeBasis(let f, let domain): return "get-basis \(f.rawValue) \(domain)"
        case .commitEvaluations(let f, let domain, let seed): return "commit \(f.rawValue) \(domain) \(seed)"
        case .bPolyCommitment(let f, let rounds): return "b-poly \(f.rawValue) \(rounds)"
        case .accumulators(let f, let count): return "accumulators \(f.rawValue) \(count)"
        case .srsRoundTrip(let f): return "srs-roundtrip \(f.rawValue)"
        case .srsFile(let f): return "srs-file \(f.rawValue)"
        }
    }

    /// Parses the text form.
    ///
    /// - Throws: `ProgramSyntaxError` naming the first bad line.
    public static func parse(_ text: String) throws(ProgramSyntaxError) -> Program {
        var header: (threads: Int, depth: Int)?
        var steps = [Step]()
        var lines = [Int]()
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
            if words.isEmpty { continue }
            guard let program = header else {
                header = try parseHeader(words, line: lineNumber)
                continue
            }
            guard words[0].hasSuffix(":"), let thread = Int(words[0].dropLast()), thread >= 0, thread < program.threads else {
                throw ProgramSyntaxError(line: lineNumber, reason: "expected '<thread>:' with a thread below \(program.threads)")
            }
            steps.append(Step(thread: thread, try parseOperation(Array(words.dropFirst()), line: lineNumber)))
            lines.append(lineNumber)
        }
        guard let header else { throw ProgramSyntaxError(line: 1, reason: "missing 'program threads=N depth=N' header") }
        let program = Program(threads: header.threads, depth: header.depth, steps: steps)
        if let bad = program.firstIllFormedStep {
            throw ProgramSyntaxError(line: lines[bad], reason: "uses a name no earlier line binds, or binds one twice")
        }
        return program
    }

    private static func parseHeader(_ words: [String], line: Int) throws(ProgramSyntaxError) -> (threads: Int, depth: Int) {
        guard words.count == 3, words[0] == "program",
              words[1].hasPrefix("threads="), let threads = Int(words[1].dropFirst(8)), (1...8).contains(threads),
              words[2].hasPrefix("depth="), let depth = Int(words[2].dropFirst(6)), (1...4096).contains(depth)
        else { throw ProgramSyntaxError(line: line, reason: "expected 'program threads=<1…8> depth=<1…4096>'") }
        return (threads, depth)
    }

    private static func parseOperation(_ words: [String], line: Int) throws(ProgramSyntaxError) -> Operation {
        func fail(_ why: String) -> ProgramSyntaxError { ProgramSyntaxError(line: line, reason: why) }
        guard let name = words.first else { throw fail("missing operation") }
        let arguments = Array(words.dropFirst())
        func family(_ index: Int) throws(ProgramSyntaxError) -> Family {
            guard index < arguments.count, let family = Family(rawValue: arguments[index]) else { throw fail("\(name): argument \(index + 1) must be fp or fq") }
            return family
        }
        func number(_ index: Int, _ range: ClosedRange<Int>) throws(ProgramSyntaxError) -> Int {
            guard index < arguments.count, let value = Int(arguments[index]), range.contains(value) else {
                throw fail("\(name): argument \(index + 1) must be a number in \(range.lowerBound)…\(range.upperBound)")
            }
            return value
        }
        func variable(_ index: Int, _ prefix: Character) throws(ProgramSyntaxError) -> Int {
            guard index < arguments.count, arguments[index].first == prefix, let value = Int(arguments[index].dropFirst()), (0...9999).contains(value) else {
                throw fail("\(name): argument \(index + 1) must be \(prefix)<number>")
            }
            return value
        }
        func arity(_ count: Int) throws(ProgramSyntaxError) {
            guard arguments.count == count else { throw fail("\(name) takes \(count) argument(s), found \(arguments.count)") }
        }
        let domains = 1...(1 << 12)
        switch name {
        case "ptr": try arity(3); return .pointer(try family(0), domain: try number(1, domains), handle: try variable(2, "h"))
        case "take": try arity(2); return .take(try family(0), handle: try variable(1, "h"))
        case "free": try arity(2); return .free(try family(0), handle: try variable(1, "h"))
        case "read": try arity(2); return .read(try family(0), handle: try variable(1, "h"))
        case "direct": try arity(2); return .direct(try family(0), domain: try number(1, domains))
        case "take-other-field": try arity(2); return .takeOtherField(try family(0), handle: try variable(1, "h"))
        case "take-forged": try arity(1); return .takeForged(try family(0))
        case "slot-new": try arity(1); return .slotNew(slot: try variable(0, "s"))
        case "slot-set": try arity(2); return .slotSet(slot: try variable(0, "s"), value: UInt32(try number(1, 1...Int(UInt32.max))))
        case "slot-wait": try arity(1); return .slotWait(slot: try variable(0, "s"))
        case "slot-free": try arity(1); return .slotFree(slot: try variable(0, "s"))
        case "pool-init": try arity(1); return .poolInit(threads: try number(0, 1...8))
        case "pool-exit": try arity(0); return .poolExit
        case "reset": try arity(0); return .reset
        case "assert-leaks": try arity(0); return .assertLeaks
        case "lagrange": try arity(3); return .lagrangeCommitment(try family(0), domain: try number(1, domains), index: try number(2, 0...(1 << 12)))
        case "maybe-lagrange": try arity(3); return .maybeLagrangeCommitment(try family(0), domain: try number(1, domains), index: try number(2, 0...(1 << 12)))
        case "add-basis": try arity(2); return .addLagrangeBasis(try family(0), log2: try number(1, 0...12))
        case "set-basis": try arity(2); return .setLagrangeBasis(try family(0), domain: try number(1, domains))
        case "get-basis": try arity(2); return .getLagrangeBasis(try family(0), domain: try number(1, domains))
        case "commit": try arity(3); return .commitEvaluations(try family(0), domain: try number(1, domains), seed: try number(2, 0...Int(Int32.max)))
        case "b-poly": try arity(2); return .bPolyCommitment(try family(0), rounds: try number(1, 0...12))
        case "accumulators": try arity(2); return .accumulators(try family(0), count: try number(1, 1...8))
        case "srs-roundtrip": try arity(1); return .srsRoundTrip(try family(0))
        case "srs-file": try arity(1); return .srsFile(try family(0))
        default: throw fail("unknown operation '\(name)'")
        }
    }
}
