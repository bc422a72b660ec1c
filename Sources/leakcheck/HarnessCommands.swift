import ArgumentParser
import Foundation
import LeakHarness
import PlonkBindings

/// Options shared by the harness commands.
struct HarnessOptions: ParsableArguments {
    @Option(help: "free or controlled.")
    var schedule: ScheduleName = .controlled

    @Option(help: "checked or raw.")
    var mode: ModeName = .checked

    @Option(name: .customLong("impl"), help: "fixed or legacy.")
    var implementation: ImplementationName = .fixed

    var runOptions: RunOptions {
        RunOptions(schedule: schedule.schedule, mode: mode.mode, implementation: implementation.implementation)
    }
}

enum ScheduleName: String, ExpressibleByArgument, CaseIterable {
    case free, controlled
    var schedule: Schedule { self == .free ? .free : .controlled }
}

/// `leakcheck run`: the main job.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run seeded multi-threaded ownership programs against the bindings; exit 1 on any finding."
    )

    @Option(help: "The first seed.") var seed: UInt64 = 1
    @Option(help: "Programs at most.") var programs = 200
    @Option(help: "Steps per program (roughly).") var ops = 40
    @Option(help: "Threads per program (1-8).") var threads = 4
    @Option(help: "SRS depth for both families.") var depth = 8
    @Option(help: "Stop starting programs after this many seconds.") var budget = 4.0
    @Option(name: .customLong("max-leaks"), help: "Tolerated allocations alive at a program's end.") var maxLeaks = 0
    @Option(help: "Write a JSON report here.") var json: String?
    @Option(help: "Write a JUnit XML report here.") var junit: String?
    @Option(help: "Write a self-contained HTML report here (plot, findings, thread timelines).") var html: String?
    @Option(name: .customLong("findings-dir"), help: "Where minimized failing programs are saved.") var findingsDirectory = "leakcheck-findings"
    @Option(help: "Op mix as kind=weight,… (kinds: \(OperationKind.allCases.map(\.rawValue).joined(separator: ", "))); unnamed kinds keep their defaults.") var mix: String?
    @OptionGroup var harness: HarnessOptions

    func validate() throws {
        guard (1...8).contains(threads) else { throw ValidationError("--threads must be 1…8") }
        guard programs >= 1, ops >= 1, budget > 0 else { throw ValidationError("--programs, --ops and --budget must be positive") }
        guard (1...64).contains(depth) else { throw ValidationError("--depth must be 1…64") }
        if let mix, OperationKind.parseMix(mix) == nil { throw ValidationError("--mix must be kind=weight,… with known kinds and some weight above 0") }
    }

    func run() throws {
        // With malloc-interposer preloaded, the oracle also checks the
        // process-wide malloc count returns to its baseline; a no-op otherwise.
        PlonkBindings.enableProcessMallocCounting()
        var campaign = Campaign()
        campaign.seed = seed
        campaign.programs = programs
        campaign.budget = .milliseconds(Int64(budget * 1000))
        campaign.generator.threads = threads
        campaign.generator.operations = ops
        campaign.generator.depth = depth
        campaign.generator.domains = [max(1, depth / 2), depth, depth * 2, depth * 4]
        if let mix { campaign.generator.mix = OperationKind.parseMix(mix)! }
        campaign.options = harness.runOptions
        campaign.recordTimeline = html != nil
        let progress = ProgressLine(enabled: isatty(1) == 1)
        var report = campaign.run { progress.update($0, $1) }
        progress.finish()
        report.findings.removeAll { $0.finding.kind == .leakAtEnd && leakCount($0.finding) <= maxLeaks }
        if report.findings.isEmpty { report.minimized = nil; report.examples = [] }
        try emit(report, options: campaign.options, json: json, junit: junit, findingsDirectory: findingsDirectory)
        if let html {
            var page = HTMLReport(title: "leakcheck run: \(report.findings.isEmpty ? "clean" : "\(report.findings.count) finding(s)")")
            page.summary = HTMLReport.summaryRows(report, options: campaign.options, threads: threads, seed: "\(seed) (programs use seed … seed+\(max(0, report.programs - 1)))")
            HTMLReportFile.append(report, to: &page, replay: { HTMLReportFile.runCommand(campaign, seed: $0, mix: mix) }, findingsDirectory: findingsDirectory)
            try writeReport(page, to: html, failing: !report.findings.isEmpty)
        }
        if !report.findings.isEmpty { throw ExitCode(1) }
    }

    private func leakCount(_ finding: Finding) -> Int {
        Int(finding.detail.prefix { $0.isNumber }) ?? Int.max
    }
}

/// `leakcheck replay`.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay saved programs (files or directories of *.program); exit 1 if any still fails."
    )

    @Argument(help: "Program files or directories.") var paths: [String]
    @Flag(help: "Succeed only if every program fails (for corpora of known-bad programs, such as legacy ones).") var expectFailure = false
    @Option(help: "Write a self-contained HTML report here (plot, findings, thread timelines).") var html: String?

    func run() throws {
        let files = try ProgramFiles.collect(paths)
        var failing = 0
        var page = HTMLReport(title: "leakcheck replay")
        var report = Campaign.Report()
        let recorder = TimelineRecorder()
        var lastOptions = RunOptions()
        var threads = Set<Int>()
        let clock = ContinuousClock(), started = clock.now
        for file in files {
            let (program, seed, options) = try ProgramFiles.load(file)
            lastOptions = options
            threads.insert(program.threads)
            let result = ProgramRunner.run(program, seed: seed, options: options, reference: ReferenceData(depth: program.depth), recorder: html == nil ? nil : recorder)
            report.programs += 1
            report.steps += result.steps
            report.leakedAtEnd += result.leakedAtEnd
            report.peakLiveBytes = max(report.peakLiveBytes, result.peakLiveBytes)
            if html != nil {
                report.programStarts.append(recorder.programBase)
                report.programLeaks.append(result.leakedAtEnd)
                report.markers += Campaign.markers(result.findings, seed: seed, recorder: recorder)
                if let first = result.findings.first {
                    let example = FindingExample(program: program, seed: seed, finding: first, trace: recorder.trace)
                    page.examples.append(HTMLReport.Example(example, replayCommand: "leakcheck replay \(file)"))
                }
                page.findings += result.findings.map { HTMLReport.Entry(finding: $0, seed: seed, replayCommand: "leakcheck replay \(file)") }
            }
            if result.findings.isEmpty {
                print("clean   \(file)")
            } else {
                failing += 1
                print("FAILS   \(file)")
                for finding in result.findings { print("        \(finding)") }
            }
        }
        print("\(files.count - failing) clean, \(failing) failing")
        let failed = expectFailure ? failing < files.count : failing > 0
        if let html {
            report.seconds = Double((clock.now - started).components.seconds)
            report.timeline = recorder.samples
            page.title = "leakcheck replay: \(files.count - failing) clean, \(failing) failing"
            page.summary = HTMLReport.summaryRows(report, options: lastOptions, threads: threads.max() ?? 1, seed: "from each file's options line")
            page.summary.insert(("files", files.joined(separator: " ")), at: 0)
            page.appendTimeline(of: report)
            try writeReport(page, to: html, failing: failed)
        }
        if failed { throw ExitCode(1) }
    }
}

/// `leakcheck minimize`.
struct MinimizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "minimize",
        abstract: "Shrink a failing program to a short one that fails the same way, and print it."
    )

    @Argument(help: "A failing program file.") var file: String
    @Option(help: "Write the minimized program here instead of printing it.") var out: String?

    func run() throws {
        let (program, seed, options) = try ProgramFiles.load(file)
        let reference = ReferenceData(depth: program.depth)
        guard let finding = ProgramRunner.run(program, seed: seed, options: options, reference: reference).findings.first else {
            print("\(file): the program does not fail; nothing to minimize")
            throw ExitCode(2)
        }
        let shrunk = Shrinker().shrink(program, kind: finding.kind) { ProgramRunner.run($0, seed: seed, options: options, reference: reference).findings }
        let text = CorpusFile.text(shrunk, seed: seed, options: options, finding: finding)
        if let out { try text.write(toFile: out, atomically: true, encoding: .utf8) } else { print(text, terminator: "") }
        print("# \(program.steps.count) steps -> \(shrunk.steps.count) steps")
    }
}

/// Finding and reading program files; bad files exit 2 with the line at fault.
enum ProgramFiles {
    static func collect(_ paths: [String]) throws -> [String] {
        var files = [String]()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw InputError("\(path): no such file or directory") }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".program") }.sorted()
                files += names.map { path + "/" + $0 }
            } else {
                files.append(path)
            }
        }
        return files
    }

    static func load(_ file: String) throws -> (Program, UInt64, RunOptions) {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { throw InputError("\(file): cannot read") }
        do {
            return try CorpusFile.parse(text)
        } catch {
            throw InputError("\(file): \(error)")
        }
    }
}

/// Bad usage or input: printed, exit code 2.
struct InputError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A one-line progress display, for terminals only.
final class ProgressLine {
    private let enabled: Bool
    init(enabled: Bool) { self.enabled = enabled }
    func update(_ done: Int, _ total: Int) {
        guard enabled else { return }
        let width = 30
        let filled = total > 0 ? min(width, done * width / total) : 0
        print("\r[\(String(repeating: "#", count: filled))\(String(repeating: ".", count: width - filled))] \(done) programs", terminator: "")
        FileHandle.standardOutput.synchronizeFile()
    }
    func finish() { if enabled { print("") } }
}

/// `leakcheck generate`: print the program a seed gives, for corpora and debugging.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "generate", abstract: "Print the program `run` would draw for a seed.")

    @Option(help: "The seed.") var seed: UInt64 = 1
    @Option(help: "Steps (roughly).") var ops = 40
    @Option(help: "Threads (1-8).") var threads = 4
    @Option(help: "SRS depth.") var depth = 8
    @Option(help: "Also write the binary form (an OwnershipFuzzer input, after an 8-byte seed) here.") var binary: String?
    @OptionGroup var harness: HarnessOptions

    func run() throws {
        var campaign = Campaign()
        campaign.generator.operations = ops
        campaign.generator.threads = max(1, min(8, threads))
        campaign.generator.depth = depth
        campaign.generator.domains = [max(1, depth / 2), depth, depth * 2, depth * 4]
        campaign.options = harness.runOptions
        let program = ProgramGenerator(configuration: campaign.effectiveGenerator).program(seed: seed)
        if let binary {
            let seedBytes = (0..<8).map { UInt8(truncatingIfNeeded: seed >> (8 * (7 - UInt64($0)))) }
            try Data(seedBytes + ProgramBinary.encode(program)).write(to: URL(fileURLWithPath: binary), options: .atomic)
        }
        print(CorpusFile.text(program, seed: seed, options: campaign.options, finding: nil), terminator: "")
    }
}

/// `leakcheck gate`: the CI leak gate.
struct GateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gate",
        abstract: "Run checked-in scenarios (one JSON file each, or directories of them) and fail on any finding or excess over their thresholds."
    )

    @Argument(help: "Scenario files or directories of *.json.") var paths: [String]
    @Option(help: "Write a JUnit XML report here.") var junit: String?
    @Option(help: "Write a self-contained HTML report here (plot, findings, thread timelines).") var html: String?
    @Option(name: .customLong("findings-dir"), help: "With --html: where the minimized failing programs it names are saved.") var findingsDirectory = "leakcheck-findings"

    func run() throws {
        var page = HTMLReport(title: "leakcheck gate")
        var totals = Campaign.Report()
        var files = [String]()
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { throw InputError("\(path): no such file or directory") }
            files += isDirectory.boolValue
                ? try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }.sorted().map { path + "/" + $0 }
                : [path]
        }
        guard !files.isEmpty else { throw InputError("no scenario files in \(paths.joined(separator: " "))") }
        var failures = [(String, [String])]()
        var cases = [String]()
        for file in files {
            let scenario: Scenario
            do {
                let decoder = JSONDecoder()
                decoder.keyDecodingStrategy = .convertFromSnakeCase
                scenario = try decoder.decode(Scenario.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
            } catch {
                throw InputError("\(file): not a scenario: \(error)")
            }
            var campaign = scenario.campaign
            campaign.recordTimeline = html != nil
            let report = campaign.run()
            let violations = scenario.violations(of: report)
            if html != nil {
                try saveFailingPrograms(report, options: campaign.options, findingsDirectory: findingsDirectory)
                HTMLReportFile.append(report, to: &page, replay: { HTMLReportFile.runCommand(campaign, seed: $0, mix: nil) }, findingsDirectory: findingsDirectory)
                page.summary.append(("scenario \(scenario.name)", (violations.isEmpty ? "ok: " : "FAIL: ") + "\(report.programs) programs, \(report.steps) steps, \(scenario.schedule.rawValue)/\(scenario.mode.rawValue)/\(scenario.implementation.rawValue), left alive \(report.leakedAtEnd)/\(scenario.maxLeakedAllocations), peak live bytes \(report.peakLiveBytes)/\(scenario.maxPeakLiveBytes)" + (violations.isEmpty ? "" : "; " + violations.joined(separator: "; "))))
                totals.programs += report.programs
                totals.steps += report.steps
                totals.seconds += report.seconds
            }
            let verdict = violations.isEmpty ? "ok  " : "FAIL"
            print("\(verdict) \(scenario.name): \(report.programs) programs, \(report.steps) steps, left alive \(report.leakedAtEnd)/\(scenario.maxLeakedAllocations), peak live bytes \(report.peakLiveBytes)/\(scenario.maxPeakLiveBytes)")
            for violation in violations { print("     \(violation)") }
            if !violations.isEmpty { failures.append((scenario.name, violations)) }
            cases.append(violations.isEmpty
                ? "  <testcase name=\"\(scenario.name)\"/>"
                : "  <testcase name=\"\(scenario.name)\"><failure message=\"\(violations.joined(separator: "; ").replacingOccurrences(of: "\"", with: "'"))\"/></testcase>")
        }
        if let junit {
            let xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"leakcheck-gate\" tests=\"\(files.count)\" failures=\"\(failures.count)\">\n" + cases.joined(separator: "\n") + "\n</testsuite>\n"
            try xml.write(toFile: junit, atomically: true, encoding: .utf8)
        }
        print("gate: \(files.count - failures.count) of \(files.count) scenarios within their thresholds")
        if let html {
            page.title = "leakcheck gate: \(files.count - failures.count) of \(files.count) scenarios within their thresholds"
            let rate = totals.seconds > 0 ? Int(Double(totals.steps) / totals.seconds) : 0
            page.summary.insert(contentsOf: [("scenarios", "\(files.count)"), ("programs", "\(totals.programs)"), ("steps", "\(totals.steps)"), ("steps per second", "\(rate)")], at: 0)
            try writeReport(page, to: html, failing: !failures.isEmpty)
        }
        if !failures.isEmpty { throw ExitCode(1) }
    }
}

/// Writes an HTML report; when it cannot, says why on standard error and
/// exits 1 if the run found something (its verdict stands) or 2 otherwise.
func writeReport(_ page: HTMLReport, to path: String, failing: Bool) throws {
    do {
        try page.write(to: path)
        print("HTML report: \(path)")
    } catch {
        FileHandle.standardError.write(Data("leakcheck: \(error)\n".utf8))
        throw ExitCode(failing ? 1 : 2)
    }
}
