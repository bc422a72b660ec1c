public import PlonkBindings

/// A named, checked-in campaign with the bounds it must meet: one file per
/// scenario, the way swift-nio keeps one allocation threshold per test.
public struct Scenario: Sendable, Codable, Equatable {
    /// The scenario's name.
    public var name: String
    /// The first seed.
    public var seed: UInt64
    /// Programs to run (all of them: no time budget).
    public var programs: Int
    /// Steps per program.
    public var ops: Int
    /// Threads per program.
    public var threads: Int
    /// SRS depth.
    public var depth: Int
    /// Domain sizes to draw from.
    public var domains: [Int]
    /// `free` or `controlled`.
    public var schedule: Schedule
    /// `checked` or `raw`.
    public var mode: HandleMode
    /// `fixed` or `legacy`.
    public var implementation: Implementation
    /// Tracked allocations that may remain alive at program ends, summed.
    public var maxLeakedAllocations: Int
    /// The largest peak of tracked live bytes any program may reach.
    public var maxPeakLiveBytes: Int

    /// The campaign this scenario describes.
    public var campaign: Campaign {
        var campaign = Campaign()
        campaign.seed = seed
        campaign.programs = programs
        campaign.budget = .seconds(3600)
        campaign.generator.operations = ops
        campaign.generator.threads = threads
        campaign.generator.depth = depth
        campaign.generator.domains = domains
        campaign.options = RunOptions(schedule: schedule, mode: mode, implementation: implementation)
        return campaign
    }

    /// Why a report breaks the scenario's bounds; empty when it meets them.
    public func violations(of report: Campaign.Report) -> [String] {
        var out = [String]()
        if !report.findings.isEmpty { out.append("\(report.findings.count) finding(s), first: \(report.findings[0].finding)") }
        if report.leakedAtEnd > maxLeakedAllocations { out.append("\(report.leakedAtEnd) allocations left alive, threshold \(maxLeakedAllocations)") }
        if report.peakLiveBytes > maxPeakLiveBytes { out.append("peak live bytes \(report.peakLiveBytes), threshold \(maxPeakLiveBytes)") }
        return out
    }
}
