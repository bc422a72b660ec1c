import LeakHarness
import PlonkBindings

/// Building the HTML page from what the harness commands saw.
enum HTMLReportFile {
    /// The command that runs one generated program again, exactly: `run`
    /// draws program `seed` from the same generator settings.
    static func runCommand(_ campaign: Campaign, seed: UInt64, mix: String?) -> String {
        let generator = campaign.generator
        var words = ["leakcheck", "run", "--seed", "\(seed)", "--programs", "1", "--ops", "\(generator.operations)",
                     "--threads", "\(generator.threads)", "--depth", "\(generator.depth)",
                     "--schedule", campaign.options.schedule.rawValue, "--mode", campaign.options.mode.rawValue,
                     "--impl", campaign.options.implementation.rawValue]
        if let mix { words += ["--mix", mix] }
        return words.joined(separator: " ")
    }

    /// Where `emit` saves a failing program.
    static func programPath(kind: FindingKind, seed: UInt64, findingsDirectory: String) -> String {
        "\(findingsDirectory)/\(kind.rawValue)-seed\(seed).program"
    }

    /// Adds a campaign's timeline, findings and examples to the page.
    static func append(_ report: Campaign.Report, to page: inout HTMLReport, replay: (UInt64) -> String, findingsDirectory: String) {
        page.appendTimeline(of: report)
        page.findings += report.findings.map { HTMLReport.Entry(finding: $0.finding, seed: $0.seed, replayCommand: replay($0.seed)) }
        page.examples += report.examples.map {
            HTMLReport.Example($0, replayCommand: "leakcheck replay \(programPath(kind: $0.finding.kind, seed: $0.seed, findingsDirectory: findingsDirectory))")
        }
    }
}
