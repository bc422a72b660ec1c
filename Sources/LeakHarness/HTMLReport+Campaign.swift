public import PlonkBindings

extension HTMLReport {
    /// Lays a run's timeline (samples, program starts and leaks, finding
    /// markers) after what the page already holds, so several campaigns
    /// (the scenarios of a gate) or replayed files read as one run.
    ///
    /// - Parameter report: a report from a campaign that recorded its timeline.
    public mutating func appendTimeline(of report: Campaign.Report) {
        let offset = (timeline.last?.step).map { $0 + 1 } ?? 0
        timeline += report.timeline.map { sample in var sample = sample; sample.step += offset; return sample }
        programStarts += report.programStarts.map { $0 + offset }
        programLeaks += report.programLeaks
        markers += report.markers.map { marker in var marker = marker; marker.step += offset; return marker }
    }

    /// The summary rows every page starts with.
    ///
    /// - Parameters:
    ///   - report: the run's totals.
    ///   - options: how it ran.
    ///   - threads: threads per program.
    ///   - seed: how to describe the seeds.
    /// - Returns: label–value rows.
    public static func summaryRows(_ report: Campaign.Report, options: RunOptions, threads: Int, seed: String) -> [(label: String, value: String)] {
        let rate = report.seconds > 0 ? Double(report.steps) / report.seconds : 0
        return [
            ("programs", "\(report.programs)"), ("steps", "\(report.steps)"), ("threads per program", "\(threads)"),
            ("schedule", options.schedule.rawValue), ("implementation", options.implementation.rawValue), ("mode", options.mode.rawValue),
            ("steps per second", "\(Int(rate))"), ("seconds", format1(report.seconds)), ("seed", seed),
            ("left alive at program ends", "\(report.leakedAtEnd)"), ("peak live tracked bytes", "\(report.peakLiveBytes)"),
            ("inconclusive histories", "\(report.inconclusive)"),
        ]
    }
}
