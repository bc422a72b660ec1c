import Foundation
import LeakHarness
import PlonkBindings
import Testing

/// The HTML report's structure: the plot's series, one lane per thread,
/// every finding with its replay command, nothing fetched from outside, and
/// a bounded plot for long runs.
@Suite("The HTML report")
struct HTMLReportTests {
    /// A small legacy campaign: it always finds something.
    private func legacyPage() -> (HTMLReport, Campaign.Report) {
        var campaign = Campaign()
        campaign.programs = 3
        campaign.budget = .seconds(600)
        campaign.generator.threads = 2
        campaign.generator.operations = 14
        campaign.generator.depth = 2
        campaign.generator.domains = [1, 2, 4]
        campaign.options = RunOptions(implementation: .legacy)
        campaign.recordTimeline = true
        let report = campaign.run()
        var page = HTMLReport(title: "legacy")
        page.timeline = report.timeline
        page.programStarts = report.programStarts
        page.programLeaks = report.programLeaks
        page.markers = report.markers
        page.findings = report.findings.map { HTMLReport.Entry(finding: $0.finding, seed: $0.seed, replayCommand: "leakcheck run --seed \($0.seed) --programs 1") }
        page.examples = report.examples.map { HTMLReport.Example($0, replayCommand: "leakcheck replay \($0.finding.kind.rawValue).program") }
        return (page, report)
    }

    private func count(_ needle: String, in haystack: String) -> Int {
        haystack.components(separatedBy: needle).count - 1
    }

    @Test("a legacy run's page plots every kind against the model and lists every finding with its replay command")
    func legacyStructure() throws {
        let (page, report) = legacyPage()
        let html = page.render()
        try #require(!report.findings.isEmpty)
        #expect(report.timeline.count == report.steps)
        for kind in TimelineSample.kinds {
            #expect(html.contains("data-series=\"live-\(kind.rawValue)\""), "live line for \(kind.rawValue)")
            #expect(html.contains("data-series=\"bytes-\(kind.rawValue)\""), "bytes line for \(kind.rawValue)")
        }
        for kind in [AllocationKind.wholeDomainBuffer, .u32Slot, .poolThread] {
            #expect(html.contains("data-series=\"expected-\(kind.rawValue)\""), "the model's line for \(kind.rawValue)")
        }
        #expect(html.contains("data-series=\"leaked-cumulative\"") && html.contains("data-series=\"expected-leaked\""))
        #expect(count("<tr class=\"finding\"", in: html) == report.findings.count)
        for (seed, finding) in report.findings {
            #expect(html.contains("<code class=\"replay\">leakcheck run --seed \(seed) --programs 1</code>"), "\(finding)")
        }
        #expect(count("class=\"marker\"", in: html) == report.markers.count)
        #expect(report.markers.count == report.findings.count)
        #expect(report.leakedAtEnd > 0, "legacy leaks what it refuses to take or free")
    }

    @Test("each example has one lane per thread, one box per executed step, and its failing step marked")
    func lanes() throws {
        let (page, report) = legacyPage()
        let html = page.render()
        try #require(!report.examples.isEmpty)
        let articles = html.components(separatedBy: "<article class=\"example\"").dropFirst()
        #expect(articles.count == report.examples.count)
        for (article, example) in zip(articles, report.examples) {
            #expect(count("<g class=\"lane\"", in: article) == example.program.threads)
            #expect(count("data-step=", in: article) == example.trace.count)
            if let failed = example.finding.step {
                #expect(article.contains("class=\"step conflict failed\" data-step=\"\(failed)\""))
            }
            #expect(article.contains("<code class=\"replay\">leakcheck replay \(example.finding.kind.rawValue).program</code>"))
        }
        #expect(Set(report.examples.map(\.finding.kind)).count == report.examples.count, "one example per kind")
    }

    @Test("the page is self-contained: no scripts, links or fonts from outside")
    func selfContained() {
        let html = legacyPage().0.render()
        for needle in ["<script", "src=", "href=", "@import", "url(", "http://", "https://"] {
            #expect(!html.contains(needle), "\(needle)")
        }
    }

    @Test("a 100,000-step run is plotted in a bounded number of points, keeping spikes and every finding")
    func downsampled() {
        var page = HTMLReport(title: "long")
        let steps = 100_000
        page.timeline = (0..<steps).map { step in
            TimelineSample(step: step, live: [step == 54_321 ? 99 : step % 3, 0, 2, 0], liveBytes: [0, 0, 0, 0], expected: [step % 3, 0, nil, 0], processMallocs: nil)
        }
        page.programStarts = [0]
        page.programLeaks = [0]
        let finding = Finding(kind: .leakAtEnd, step: nil, detail: "planted")
        page.markers = (0..<500).map { FindingMarker(step: $0 * 200, seed: 1, finding: finding) }
        let html = page.render()
        let counts = html.components(separatedBy: "data-points=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(!counts.isEmpty)
        #expect(counts.allSatisfy { $0 <= HTMLReport.maximumPlotPoints + 2 }, "\(counts)")
        #expect(count("class=\"marker\"", in: html) == 500)
        let kept = HTMLReport.downsample((0..<steps).map { (x: $0, y: $0 == 54_321 ? 99.0 : 1.0) })
        #expect(kept.contains { $0.x == 54_321 && $0.y == 99 }, "the spike survives")
        #expect(kept.map(\.x) == kept.map(\.x).sorted(), "points stay in step order")
    }

    @Test("a report path that cannot be written is a typed error naming it, and nothing is left behind")
    func unwritable() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-dir-\(UUID().uuidString)").path
        let path = directory + "/report.html"
        #expect(throws: HTMLReportWriteError.self) { try HTMLReport(title: "x").write(to: path) }
        do {
            try HTMLReport(title: "x").write(to: path)
        } catch {
            #expect(error.path == path)
            #expect(!error.reason.isEmpty)
        }
        #expect(!FileManager.default.fileExists(atPath: directory))
    }
}
