public import PlonkBindings

/// The page's drawings, as inline SVG: line plots of the timeline and the
/// per-thread timeline of an example.
extension HTMLReport {
    struct Series {
        var name: String
        var label: String
        var color: String
        var dashed: Bool
        var width: Double
        var points: [(x: Int, y: Double)]
    }

    private static let colors: [AllocationKind: String] = [
        .wholeDomainBuffer: "#1f77b4", .u32Slot: "#2ca02c", .srsHandle: "#9467bd", .poolThread: "#ff7f0e",
    ]

    func countPlot() -> String {
        var series = [Series]()
        for (index, kind) in TimelineSample.kinds.enumerated() {
            let color = Self.colors[kind] ?? "#444"
            series.append(Series(name: "live-\(kind.rawValue)", label: "\(kind.rawValue) live", color: color, dashed: false, width: 1.6,
                                 points: timeline.map { ($0.step, Double($0.live[index])) }))
            let expected = timeline.compactMap { sample in sample.expected[index].map { (sample.step, Double($0)) } }
            if !expected.isEmpty {
                series.append(Series(name: "expected-\(kind.rawValue)", label: "\(kind.rawValue) expected", color: color, dashed: true, width: 1.4, points: expected))
            }
        }
        // Allocations left alive at program ends, accumulated over the run,
        // against the model's expectation of none.
        var leaked = [(x: Int, y: Double)]()
        var total = 0
        for (index, start) in programStarts.enumerated() {
            let end = index + 1 < programStarts.count ? programStarts[index + 1] - 1 : (timeline.last?.step ?? start)
            leaked.append((start, Double(total)))
            total += index < programLeaks.count ? programLeaks[index] : 0
            leaked.append((max(start, end), Double(total)))
        }
        let last = timeline.last?.step ?? 0
        series.append(Series(name: "leaked-cumulative", label: "left alive at program ends (running total)", color: "#d62728", dashed: false, width: 2.6, points: leaked))
        series.append(Series(name: "expected-leaked", label: "model: nothing left alive", color: "#d62728", dashed: true, width: 1.2, points: [(0, 0), (last, 0)]))
        return chart(id: "plot-count", title: "Live tracked allocations (count)", series: series, showMarkers: true)
    }

    func bytesPlot() -> String {
        let series = TimelineSample.kinds.enumerated().map { index, kind in
            Series(name: "bytes-\(kind.rawValue)", label: "\(kind.rawValue) bytes", color: Self.colors[kind] ?? "#444", dashed: false, width: 1.6,
                   points: timeline.map { ($0.step, Double($0.liveBytes[index])) })
        }
        return chart(id: "plot-bytes", title: "Live tracked bytes", series: series, showMarkers: false)
    }

    func mallocPlot() -> String {
        let points = timeline.compactMap { sample in sample.processMallocs.map { (sample.step, Double($0)) } }
        return chart(id: "plot-malloc", title: "Process-wide outstanding mallocs (malloc-interposer)",
                     series: [Series(name: "process-mallocs", label: "outstanding mallocs", color: "#555", dashed: false, width: 1.6, points: points)], showMarkers: true)
    }

    /// Buckets a long line down to `maximumPlotPoints`, keeping each
    /// bucket's lowest and highest point in step order, so a run of 100,000
    /// steps draws fast and still shows every spike.
    ///
    /// - Parameter points: the line, in step order.
    /// - Returns: at most `maximumPlotPoints + 2` of its points.
    public static func downsample(_ points: [(x: Int, y: Double)]) -> [(x: Int, y: Double)] {
        guard points.count > maximumPlotPoints else { return points }
        let bucket = (points.count + maximumPlotPoints / 2 - 1) / (maximumPlotPoints / 2)
        var kept = [(x: Int, y: Double)]()
        kept.reserveCapacity(maximumPlotPoints + 2)
        var start = 0
        while start < points.count {
            let slice = points[start..<min(points.count, start + bucket)]
            let low = slice.min { $0.y < $1.y }!, high = slice.max { $0.y < $1.y }!
            if low.x <= high.x { kept += [low, high] } else { kept += [high, low] }
            start += bucket
        }
        return kept
    }

    private func chart(id: String, title: String, series: [Series], showMarkers: Bool) -> String {
        let width = 1040.0, height = 300.0, left = 56.0, right = 16.0, top = 18.0, bottom = 34.0
        let plotted = series.map { line -> Series in var line = line; line.points = Self.downsample(line.points); return line }
        let maxX = max(1, plotted.flatMap { $0.points.map(\.x) }.max() ?? 1)
        let maxY = max(1, plotted.flatMap { $0.points.map(\.y) }.max() ?? 1) * 1.1
        func x(_ value: Int) -> Double { left + Double(value) / Double(maxX) * (width - left - right) }
        func y(_ value: Double) -> Double { top + (1 - value / maxY) * (height - top - bottom) }

        var svg = "<figure><figcaption>\(escape(title))</figcaption>\n"
        svg += "<svg id=\"\(id)\" class=\"plot\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"\(escape(title))\">\n"
        // Axes with a few ticks.
        svg += "<line x1=\"\(left)\" y1=\"\(y(0))\" x2=\"\(width - right)\" y2=\"\(y(0))\" stroke=\"#999\"/>"
        svg += "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(y(0))\" stroke=\"#999\"/>\n"
        for tick in 0...4 {
            let value = maxY / 1.1 * Double(tick) / 4
            svg += "<text x=\"\(left - 6)\" y=\"\(format1(y(value) + 4))\" text-anchor=\"end\">\(Int(value.rounded()))</text>"
            let step = maxX * tick / 4
            svg += "<text x=\"\(format1(x(step)))\" y=\"\(height - 14)\" text-anchor=\"middle\">\(step)</text>"
        }
        svg += "<text x=\"\(width - right)\" y=\"\(height - 2)\" text-anchor=\"end\">step</text>\n"
        if showMarkers {
            for marker in markers {
                svg += "<line class=\"marker\" data-kind=\"\(marker.finding.kind.rawValue)\" x1=\"\(format1(x(marker.step)))\" y1=\"\(top)\" x2=\"\(format1(x(marker.step)))\" y2=\"\(top + 10)\" stroke=\"#d62728\" stroke-width=\"1.5\"/>"
            }
            svg += "\n"
        }
        for line in plotted {
            let points = line.points.map { "\(format1(x($0.x))),\(format1(y($0.y)))" }.joined(separator: " ")
            svg += "<polyline class=\"series\" data-series=\"\(line.name)\" data-points=\"\(line.points.count)\" fill=\"none\" stroke=\"\(line.color)\" stroke-width=\"\(line.width)\"\(line.dashed ? " stroke-dasharray=\"6 4\"" : "") points=\"\(points)\"/>\n"
        }
        svg += "</svg>\n<div class=\"legend\">"
        for line in plotted {
            svg += "<span><i style=\"background:\(line.color);\(line.dashed ? "opacity:.55" : "")\"></i>\(escape(line.label))\(line.dashed ? " (dashed)" : "")</span>"
        }
        return svg + "</div></figure>\n"
    }

    /// One lane per thread, one box per executed step in the order they
    /// ran, the failing step and the steps it conflicts with in red (the way
    /// Porcupine draws a history).
    func timelineDiagram(_ example: FindingExample) -> String {
        let conflicting = example.conflictingSteps
        let box = 112.0, laneHeight = 36.0, left = 76.0, top = 8.0
        let width = left + Double(max(1, example.trace.count)) * box + 12
        let height = top + Double(example.program.threads) * laneHeight + 12
        var svg = "<svg class=\"timeline\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\" aria-label=\"thread timeline\">\n"
        for thread in 0..<example.program.threads {
            let laneTop = top + Double(thread) * laneHeight
            svg += "<g class=\"lane\" data-thread=\"\(thread)\"><rect x=\"0\" y=\"\(laneTop)\" width=\"\(Int(width))\" height=\"\(laneHeight - 4)\" fill=\"\(thread % 2 == 0 ? "#fafafa" : "#f2f2f4")\"/>"
            svg += "<text x=\"8\" y=\"\(format1(laneTop + laneHeight / 2 + 2))\">thread \(thread)</text>"
            for entry in example.trace where entry.thread == thread {
                let step = example.program.steps[entry.step]
                let failed = entry.step == example.finding.step
                let classes = "step" + (conflicting.contains(entry.step) ? " conflict" : "") + (failed ? " failed" : "")
                let fill = failed ? "#ef9a9a" : conflicting.contains(entry.step) ? "#ffcdd2" : "#dbe8f6"
                let stroke = conflicting.contains(entry.step) ? "#c62828" : "#7a9cc6"
                let x = left + Double(entry.order) * box
                let text = "\(entry.step): " + ProgramText.format(step.operation)
                svg += "<g class=\"\(classes)\" data-step=\"\(entry.step)\"><title>\(escape(text))</title>"
                svg += "<rect x=\"\(format1(x + 2))\" y=\"\(format1(laneTop + 3))\" width=\"\(box - 4)\" height=\"\(laneHeight - 10)\" rx=\"3\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>"
                svg += "<text x=\"\(format1(x + 6))\" y=\"\(format1(laneTop + laneHeight / 2 + 2))\">\(escape(String(text.prefix(17))))</text></g>"
            }
            svg += "</g>\n"
        }
        let unexecuted = example.program.steps.count - example.trace.count
        svg += "</svg>\n"
        if unexecuted > 0 { svg += "<p class=\"note\">\(unexecuted) step(s) did not run: the harness stops a program where reality and the model part.</p>\n" }
        return svg
    }
}

/// One decimal place, without Foundation.
func format1(_ value: Double) -> String {
    let scaled = (value * 10).rounded()
    let whole = Int(scaled) / 10, tenth = abs(Int(scaled) % 10)
    return scaled < 0 && whole == 0 ? "-0.\(tenth)" : "\(whole).\(tenth)"
}
