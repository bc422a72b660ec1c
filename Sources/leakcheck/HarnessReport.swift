import Foundation
import LeakHarness

/// Prints the summary table and writes the JSON and JUnit reports.
func emit(_ report: Campaign.Report, options: RunOptions, json: String?, junit: String?, findingsDirectory: String) throws {
    let rate = report.seconds > 0 ? Double(report.steps) / report.seconds : 0
    print("programs: \(report.programs)  steps: \(report.steps)  seconds: \(String(format: "%.2f", report.seconds))  steps/s: \(Int(rate))")
    print("schedule: \(options.schedule.rawValue)  mode: \(options.mode.rawValue)  implementation: \(options.implementation.rawValue)  inconclusive histories: \(report.inconclusive)")
    let counts = report.countsByKind
    print("findings: \(report.findings.count)" + (counts.isEmpty ? "" : "  (" + counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue): \($0.value)" }.joined(separator: ", ") + ")"))
    if !report.examples.isEmpty {
        try FileManager.default.createDirectory(atPath: findingsDirectory, withIntermediateDirectories: true)
        for example in report.examples {
            try CorpusFile.text(example.program, seed: example.seed, options: options, finding: example.finding)
                .write(toFile: HTMLReportFile.examplePath(example, findingsDirectory: findingsDirectory), atomically: true, encoding: .utf8)
        }
    }
    if let minimized = report.minimized {
        try FileManager.default.createDirectory(atPath: findingsDirectory, withIntermediateDirectories: true)
        let path = "\(findingsDirectory)/\(minimized.finding.kind.rawValue)-seed\(minimized.seed).program"
        try CorpusFile.text(minimized.program, seed: minimized.seed, options: options, finding: minimized.finding)
            .write(toFile: path, atomically: true, encoding: .utf8)
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
