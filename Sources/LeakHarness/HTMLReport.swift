public import PlonkBindings

/// One self-contained HTML page for a harness run: the live-allocation plot
/// against the model, every finding with the command that replays it, and a
/// thread timeline for an example of each kind. No scripts, fonts or links
/// leave the file, so it can be archived with a CI run and opened anywhere.
public struct HTMLReport: Sendable {
    /// A finding as listed on the page.
    public struct Entry: Sendable {
        /// The finding.
        public var finding: Finding
        /// The program's seed.
        public var seed: UInt64
        /// A command that runs the failing program again.
        public var replayCommand: String

        /// - Parameters:
        ///   - finding: the finding.
        ///   - seed: its program's seed.
        ///   - replayCommand: a shell command that reproduces it.
        public init(finding: Finding, seed: UInt64, replayCommand: String) {
            self.finding = finding
            self.seed = seed
            self.replayCommand = replayCommand
        }
    }

    /// An example drawn as a thread timeline.
    public struct Example: Sendable {
        /// The failing program and the order its steps ran in.
        public var example: FindingExample
        /// A command that runs it again (usually `leakcheck replay FILE`).
        public var replayCommand: String

        /// - Parameters:
        ///   - example: the program, its finding and trace.
        ///   - replayCommand: a shell command that reproduces it.
        public init(_ example: FindingExample, replayCommand: String) {
            self.example = example
            self.replayCommand = replayCommand
        }
    }

    /// The page's heading.
    public var title: String
    /// Label–value rows for the summary table, in order.
    public var summary: [(label: String, value: String)]
    /// Live counts after every step.
    public var timeline: [TimelineSample]
    /// Where each program starts on the timeline.
    public var programStarts: [Int]
    /// Tracked allocations left alive at each program's end.
    public var programLeaks: [Int]
    /// Where findings showed on the timeline.
    public var markers: [FindingMarker]
    /// Every finding.
    public var findings: [Entry]
    /// One drawn example per finding kind.
    public var examples: [Example]

    /// The most points one plotted line gets; longer runs are bucketed
    /// (each bucket keeps its minimum and maximum, so no spike is lost).
    public static let maximumPlotPoints = 1200

    /// An empty page.
    ///
    /// - Parameter title: the heading.
    public init(title: String) {
        self.title = title
        summary = []
        timeline = []
        programStarts = []
        programLeaks = []
        markers = []
        findings = []
        examples = []
    }

    /// The page.
    ///
    /// - Returns: the whole HTML document.
    public func render() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>\(Self.style)</style></head><body>
        <h1>\(escape(title))</h1>

        """
        html += summarySection()
        html += plotSection()
        html += findingsSection()
        html += examplesSection()
        html += "</body></html>\n"
        return html
    }

    // MARK: Sections

    private func summarySection() -> String {
        var html = "<section id=\"summary\"><h2>Summary</h2><table class=\"summary\">\n"
        for row in summary {
            html += "<tr><th>\(escape(row.label))</th><td>\(escape(row.value))</td></tr>\n"
        }
        let counts = findings.reduce(into: [FindingKind: Int]()) { $0[$1.finding.kind, default: 0] += 1 }
        let byKind = counts.isEmpty ? "none" : counts.sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue): \($0.value)" }.joined(separator: ", ")
        html += "<tr><th>findings</th><td class=\"\(findings.isEmpty ? "clean" : "failing")\">\(findings.count) (\(escape(byKind)))</td></tr>\n"
        return html + "</table></section>\n"
    }

    private func plotSection() -> String {
        var html = "<section id=\"plots\"><h2>Live tracked allocations over the run</h2>\n"
        guard !timeline.isEmpty else {
            return html + "<p class=\"note\">No steps were recorded.</p></section>\n"
        }
        html += "<p class=\"note\">\(timeline.count) steps over \(programStarts.count) program(s); solid lines are what the bindings counted after each step, dashed lines what the model expected; red ticks mark findings. Each program starts with fresh bindings.</p>\n"
        html += countPlot()
        html += bytesPlot()
        if timeline.contains(where: { $0.processMallocs != nil }) { html += mallocPlot() }
        return html + "</section>\n"
    }

    private func findingsSection() -> String {
        var html = "<section id=\"findings\"><h2>Findings</h2>\n"
        guard !findings.isEmpty else { return html + "<p class=\"clean\">No findings.</p></section>\n" }
        html += "<table class=\"findings\"><tr><th>kind</th><th>seed</th><th>step</th><th>what</th><th>replay</th></tr>\n"
        for entry in findings {
            let detail = entry.finding.detail.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
            html += "<tr class=\"finding\" data-kind=\"\(entry.finding.kind.rawValue)\"><td>\(entry.finding.kind.rawValue)</td><td>\(entry.seed)</td><td>\(entry.finding.step.map(String.init) ?? "end")</td><td>\(escape(detail))</td><td><code class=\"replay\">\(escape(entry.replayCommand))</code></td></tr>\n"
        }
        return html + "</table></section>\n"
    }

    private func examplesSection() -> String {
        guard !examples.isEmpty else { return "" }
        var html = "<section id=\"examples\"><h2>One example of each kind, minimized</h2>\n"
        for (number, item) in examples.enumerated() {
            let example = item.example
            html += "<article class=\"example\" data-kind=\"\(example.finding.kind.rawValue)\" id=\"example-\(number)\">\n"
            html += "<h3>\(example.finding.kind.rawValue): \(example.program.steps.count) steps on \(example.program.threads) thread(s), seed \(example.seed)</h3>\n"
            html += "<p>\(escape(example.finding.description))</p>\n"
            html += "<p>Replay: <code class=\"replay\">\(escape(item.replayCommand))</code></p>\n"
            html += timelineDiagram(example)
            html += "<details><summary>the program</summary><pre>\(escape(ProgramText.format(example.program)))</pre></details>\n"
            html += "</article>\n"
        }
        return html + "</section>\n"
    }

    func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static let style = """
    body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:24px auto;max-width:1100px;color:#1d1d1f;padding:0 16px}
    h1{font-size:22px}h2{font-size:18px;margin-top:28px;border-bottom:1px solid #ddd}h3{font-size:15px}
    table{border-collapse:collapse}td,th{padding:3px 10px;text-align:left;vertical-align:top;border-bottom:1px solid #eee}
    table.findings{font-size:12px;width:100%}code{font:12px ui-monospace,Menlo,monospace;background:#f4f4f6;padding:1px 4px;border-radius:3px}
    pre{font:12px ui-monospace,Menlo,monospace;background:#f7f7f9;padding:8px;overflow:auto}
    .clean{color:#1a7f37;font-weight:600}.failing{color:#c62828;font-weight:600}.note{color:#555;font-size:12px}
    svg{background:#fff;border:1px solid #e3e3e3;margin:6px 0}svg text{font:11px system-ui,sans-serif;fill:#333}
    .legend span{display:inline-block;margin-right:14px;font-size:12px}.legend i{display:inline-block;width:18px;height:3px;vertical-align:middle;margin-right:4px}
    article.example{border:1px solid #eee;border-radius:6px;padding:4px 14px;margin:12px 0}
    """
}
