import Foundation
import LeakHarness

/// Prints the summary table and writes the JSON and JUnit reports.
func emit(_ report: Campaign.Report, options: RunOptions, json: String?, junit: String?, findingsDirectory: String) throws {
    let rate = report.seconds > 0 ? Double(report.steps) / report.seconds : 0
    print("programs: \(report.programs)  steps: \(report.steps)  seconds: \(String(format: "%.2f", report.seconds))  steps/s: \(Int(rate))")
    print("schedule: \(options.schedule.rawValue)  mode: \(options.mode.rawValue)  implementation: \(options.implementation.rawValue)  inconclusive histories: \(report.inconclusive)")
    let counts = report.countsByKind
    print("findings: \(report.findings.count)" + (counts.isEmpty ? "" : "  (" + counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue): \($0.value)" }.joined(separator: ", ") + ")"))
    try saveFailingPrograms(report, options: options, findingsDirectory: findingsDirectory)
    if let minimized = report.minimized {
        let path = HTMLReportFile.programPath(kind: minimized.finding.kind, seed: minimized.seed, findingsDirectory: findingsDirectory)
        print("first finding (seed \(minimized.seed)): \(minimized.finding)")
        print("minimized to \(minimized.program.steps.count) steps on \(minimized.program.threads) thread(s), saved as \(path)")
        print("replay with: leakcheck replay \(path)")
    }
    if let json {
        let object: [String: Any] = [
            "programs": report.programs, "steps": report.steps, "seconds": report.seconds, "steps_per_second": rate,
            "schedule": options.schedule.rawValue, "mode": options.mode.rawValue, "implementation": options.implementation.rawValue,
            "findings": report.findings.map { ["seed": $0.seed, "kind": $0.finding.kind.rawValue, "step": $0.finding.step ?? -1, "detail": $0.finding.detail] as [String: Any] },
        ]
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: json), options: .atomic)
    }
    if let junit {
        func escape(_ text: String) -> String {
            text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
        }
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite name=\"leakcheck\" tests=\"\(report.programs)\" failures=\"\(report.findings.count)\" time=\"\(report.seconds)\">\n"
        for (seed, finding) in report.findings {
            xml += "  <testcase name=\"seed \(seed)\"><failure type=\"\(finding.kind.rawValue)\" message=\"\(escape(finding.description))\"/></testcase>\n"
        }
        if report.findings.isEmpty { xml += "  <testcase name=\"\(report.programs) programs\"/>\n" }
        xml += "</testsuite>\n"
        try xml.write(toFile: junit, atomically: true, encoding: .utf8)
    }
}

/// Saves the first finding's program and the example of each kind (which
/// the HTML report's replay commands name) in the findings directory; the
/// first finding is usually one of the examples, so each path is written once.
func saveFailingPrograms(_ report: Campaign.Report, options: RunOptions, findingsDirectory: String) throws {
    var saved = [String: (Program, UInt64, Finding)]()
    for example in report.examples {
        saved[HTMLReportFile.programPath(kind: example.finding.kind, seed: example.seed, findingsDirectory: findingsDirectory)] = (example.program, example.seed, example.finding)
    }
    if let minimized = report.minimized {
        saved[HTMLReportFile.programPath(kind: minimized.finding.kind, seed: minimized.seed, findingsDirectory: findingsDirectory)] = minimized
    }
    if !saved.isEmpty { try FileManager.default.createDirectory(atPath: findingsDirectory, withIntermediateDirectories: true) }
    for (path, (program, seed, finding)) in saved {
        try CorpusFile.text(program, seed: seed, options: options, finding: finding).write(toFile: path, atomically: true, encoding: .utf8)
    }
}
