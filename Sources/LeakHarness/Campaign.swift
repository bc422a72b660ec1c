import Foundation
public import Logging
@_spi(FaultInjection) public import PlonkBindings
import Synchronization

/// A run of many generated programs: what `leakcheck run` does.
public struct Campaign: Sendable {
    /// The first seed; program i uses `seed + i`.
    public var seed: UInt64 = 1
    /// How many programs at most.
    public var programs = 200
    /// Stop starting programs after this many seconds.
    public var budget: Duration = .seconds(4)
    /// How programs are drawn.
    public var generator = GeneratorConfiguration()
    /// How they run.
    public var options = RunOptions()
    /// Where findings (warning) and per-program results (debug) are logged.
    public var logger = Logger(label: "leakcheck.harness")

    /// Record live counts after every step and minimize the first finding
    /// of every kind, for the HTML report (costs time and memory).
    public var recordTimeline = false

    /// Defaults: a few seconds, both families, small SRS, 4 threads.
    public init() {}

    /// The outcome of a campaign.
    public struct Report: Sendable {
        public var programs = 0
        public var steps = 0
        public var seconds = 0.0
        public var inconclusive = 0
        /// Tracked allocations left alive at program ends, summed.
        public var leakedAtEnd = 0
        /// The largest peak of tracked live bytes in any program.
        public var peakLiveBytes = 0
        public var findings: [(seed: UInt64, finding: Finding)] = []
        /// The first failing program, minimized, when there was one.
        public var minimized: (program: Program, seed: UInt64, finding: Finding)?

        /// Live counts after every step (when the campaign records a timeline).
        public var timeline: [TimelineSample] = []
        /// Where each program starts on the timeline.
        public var programStarts: [Int] = []
        /// Tracked allocations left alive at each program's end, in program order.
        public var programLeaks: [Int] = []
        /// Where each finding showed on the timeline.
        public var markers: [FindingMarker] = []
        /// The first finding of each kind, minimized, with its execution order.
        public var examples: [FindingExample] = []

        /// An empty report.
        public init() {}

        /// Findings per kind.
        public var countsByKind: [FindingKind: Int] {
            findings.reduce(into: [:]) { $0[$1.finding.kind, default: 0] += 1 }
        }
    }

    /// Runs the campaign.
    ///
    /// - Parameter progress: called after each program with (done, total).
    public func run(progress: (Int, Int) -> Void = { _, _ in }) -> Report {
        var report = Report()
        let reference = ReferenceData(depth: generator.depth)
        let clock = ContinuousClock()
        let started = clock.now
        let generator = ProgramGenerator(configuration: effectiveGenerator)
        let recorder = recordTimeline ? TimelineRecorder() : nil
        for index in 0..<programs {
            if clock.now - started > budget { break }
            let programSeed = seed &+ UInt64(index)
            let program = generator.program(seed: programSeed)
            let result = ProgramRunner.run(program, seed: programSeed, options: options, reference: reference, recorder: recorder)
            if let recorder {
                report.programStarts.append(recorder.programBase)
                report.programLeaks.append(result.leakedAtEnd)
                report.markers += Self.markers(result.findings, seed: programSeed, recorder: recorder)
            }
            report.programs += 1
            report.steps += result.steps
            if result.inconclusive { report.inconclusive += 1 }
            report.leakedAtEnd += result.leakedAtEnd
            report.peakLiveBytes = max(report.peakLiveBytes, result.peakLiveBytes)
            logger.debug("program finished", metadata: ["seed": "\(programSeed)", "steps": "\(result.steps)", "findings": "\(result.findings.count)"])
            for finding in result.findings {
                report.findings.append((programSeed, finding))
                logger.warning("finding", metadata: ["seed": "\(programSeed)", "kind": "\(finding.kind.rawValue)", "step": "\(finding.step.map(String.init) ?? "-")"])
            }
            if recordTimeline {
                for finding in result.findings where !report.examples.contains(where: { $0.finding.kind == finding.kind }) {
                    report.examples.append(example(program, seed: programSeed, finding: finding, reference: reference))
                }
            }
            if report.minimized == nil, let first = result.findings.first {
                let shrunk = report.examples.first { $0.finding.kind == first.kind }
                    ?? example(program, seed: programSeed, finding: first, reference: reference)
                report.minimized = (shrunk.program, shrunk.seed, shrunk.finding)
            }
            progress(report.programs, programs)
        }
        if let recorder { report.timeline = recorder.samples }
        let elapsed = clock.now - started
        report.seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return report
    }

    /// Each finding placed on the timeline: at the position its step ran, or
    /// at the program's end when it has no step (a leak found in cleanup).
    ///
    /// - Parameters:
    ///   - findings: one program's findings.
    ///   - seed: its seed.
    ///   - recorder: the recorder that ran it, before the next program starts.
    /// - Returns: one marker per finding.
    public static func markers(_ findings: [Finding], seed: UInt64, recorder: TimelineRecorder) -> [FindingMarker] {
        let trace = recorder.trace
        let base = recorder.programBase
        return findings.map { finding in
            let order = finding.step.flatMap { step in trace.first { $0.step == step }?.order } ?? max(0, trace.count - 1)
            return FindingMarker(step: base + order, seed: seed, finding: finding)
        }
    }

    /// The program shrunk for a finding's kind, re-run to confirm it and to
    /// record the order its steps take (the original finding stands if the
    /// shrunk program shows none of that kind).
    func example(_ program: Program, seed: UInt64, finding: Finding, reference: ReferenceData) -> FindingExample {
        let shrunk = Shrinker(budget: 400).shrink(program, kind: finding.kind) { candidate in
            ProgramRunner.run(candidate, seed: seed, options: options, reference: reference).findings
        }
        let recorder = TimelineRecorder()
        let confirmed = ProgramRunner.run(shrunk, seed: seed, options: options, reference: reference, recorder: recorder).findings
            .first { $0.kind == finding.kind } ?? finding
        return FindingExample(program: shrunk, seed: seed, finding: confirmed, trace: recorder.trace)
    }

    /// Misuse only in checked mode (it is undefined behaviour in raw mode);
    /// no transient-SRS steps under the free schedule.
    public var effectiveGenerator: GeneratorConfiguration {
        var configuration = generator
        if options.mode == .raw { configuration.misuse = false }
        if options.schedule == .free { configuration.compoundSteps = false }
        return configuration
    }
}

/// A saved failing program: the text form with the options that replay it
/// in a `# options:` line.
public enum CorpusFile {
    /// The file's text.
    public static func text(_ program: Program, seed: UInt64, options: RunOptions, finding: Finding?) -> String {
        var lines = [String]()
        if let finding { lines.append("# finding: \(finding.kind.rawValue): \(finding.detail.split(separator: "\n").first ?? "")") }
        lines.append("# options: schedule=\(options.schedule.rawValue) mode=\(options.mode.rawValue) impl=\(options.implementation.rawValue) seed=\(seed)")
        return lines.joined(separator: "\n") + "\n" + ProgramText.format(program)
    }

    /// Reads a corpus file: the program and the options its `# options:` line names.
    public static func parse(_ text: String) throws(ProgramSyntaxError) -> (program: Program, seed: UInt64, options: RunOptions) {
        let program = try ProgramText.parse(text)
        var options = RunOptions()
        var seed: UInt64 = 1
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix("# options:") {
            for pair in line.dropFirst("# options:".count).split(separator: " ") {
                let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2 else { throw ProgramSyntaxError(line: offset + 1, reason: "option '\(pair)' is not key=value") }
                switch parts[0] {
                case "schedule": guard let value = Schedule(rawValue: parts[1]) else { throw ProgramSyntaxError(line: offset + 1, reason: "unknown schedule '\(parts[1])'") }; options.schedule = value
                case "mode": guard let value = HandleMode(rawValue: parts[1]) else { throw ProgramSyntaxError(line: offset + 1, reason: "unknown mode '\(parts[1])'") }; options.mode = value
                case "impl": guard let value = Implementation(rawValue: parts[1]) else { throw ProgramSyntaxError(line: offset + 1, reason: "unknown implementation '\(parts[1])'") }; options.implementation = value
                case "seed": guard let value = UInt64(parts[1]) else { throw ProgramSyntaxError(line: offset + 1, reason: "seed must be a number") }; seed = value
                default: throw ProgramSyntaxError(line: offset + 1, reason: "unknown option '\(parts[0])'")
                }
            }
        }
        return (program, seed, options)
    }
}
