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

    /// Where `emit` saves an example's program.
    static func examplePath(_ example: FindingExample, findingsDirectory: String) -> String {
        "\(findingsDirectory)/\(example.finding.kind.rawValue)-seed\(example.seed).program"
    }

    /// The summary rows every page starts with.
    static func summary(_ report: Campaign.Report, options: RunOptions, threads: Int, seed: String) -> [(label: String, value: String)] {
        let rate = report.seconds > 0 ? Double(report.steps) / report.seconds : 0
        return [
            ("programs", "\(report.programs)"), ("steps", "\(report.steps)"), ("threads per program", "\(threads)"),
            ("schedule", options.schedule.rawValue), ("implementation", options.implementation.rawValue), ("mode", options.mode.rawValue),
            ("steps per second", "\(Int(rate))"), ("seconds", String(format1(report.seconds))), ("seed", seed),
            ("left alive at program ends", "\(report.leakedAtEnd)"), ("peak live tracked bytes", "\(report.peakLiveBytes)"),
            ("inconclusive histories", "\(report.inconclusive)"),
        ]
    }

    /// Adds a campaign's timeline, laid after what the page already holds.
    static func append(_ report: Campaign.Report, to page: inout HTMLReport, replay: (UInt64) -> String, findingsDirectory: String) {
        let offset = (page.timeline.last?.step).map { $0 + 1 } ?? 0
        page.timeline += report.timeline.map { sample in var sample = sample; sample.step += offset; return sample }
        page.programStarts += report.programStarts.map { $0 + offset }
        page.programLeaks += report.programLeaks
        page.markers += report.markers.map { marker in var marker = marker; marker.step += offset; return marker }
        page.findings += report.findings.map { HTMLReport.Entry(finding: $0.finding, seed: $0.seed, replayCommand: replay($0.seed)) }
        page.examples += report.examples.map {
            HTMLReport.Example($0, replayCommand: "leakcheck replay \(examplePath($0, findingsDirectory: findingsDirectory))")
        }
    }
}

/// One decimal place.
private func format1(_ value: Double) -> String {
    let scaled = Int((value * 10).rounded())
    return "\(scaled / 10).\(abs(scaled % 10))"
}
