import Dispatch
import Foundation
@_spi(FaultInjection) public import PlonkBindings
import Locking
import Synchronization

/// How programs are run.
public struct RunOptions: Sendable, Hashable, Codable {
    /// The interleaving.
    public var schedule: Schedule = .controlled
    /// The bindings' handle mode.
    public var mode: HandleMode = .checked
    /// The bindings' implementation.
    public var implementation: Implementation = .fixed
    /// Harness-level planted faults (tests only).
    public var plantedFaults: Set<PlantedFault> = []
    /// Bindings-level planted faults (tests only).
    @_spi(FaultInjection) public var bindingsFaults: Set<BindingsFault> = []
    /// With malloc-interposer preloaded: how many more process-wide
    /// allocations than before a program may remain after it (caches of
    /// reference results and the Swift runtime's metadata grow a little).
    public var mallocGrowthThreshold = 4096
    /// In AddressSanitizer builds, run LeakSanitizer's recoverable check
    /// after each program (it scans the heap, so it is slow).
    public var sanitizerLeakCheck = true

    /// Default options: controlled, checked, fixed.
    public init(schedule: Schedule = .controlled, mode: HandleMode = .checked, implementation: Implementation = .fixed) {
        self.schedule = schedule
        self.mode = mode
        self.implementation = implementation
    }
}

/// What running one program found.
public struct ProgramResult: Sendable {
    /// The bugs found (empty when clean).
    public var findings: [Finding]
    /// Steps executed.
    public var steps: Int
    /// Tracked allocations still alive after cleanup (0 when clean).
    public var leakedAtEnd: Int
    /// Whether a free-schedule history was too large to decide.
    public var inconclusive: Bool
    /// The most tracked bytes alive at once (sum of each kind's high-water mark).
    public var peakLiveBytes = 0
}

/// Runs one program on real threads under a schedule, checks every outcome
/// against the model, releases everything, and checks nothing is left.
public enum ProgramRunner {
    /// Runs a program.
    ///
    /// - Parameters:
    ///   - program: the program.
    ///   - seed: decides the controlled schedule.
    ///   - options: schedule, mode, implementation, faults.
    ///   - reference: expected results for the program's depth.
    ///   - recorder: when given, receives the live counts and the thread
    ///     after every step (for the HTML report).
    public static func run(_ program: Program, seed: UInt64, options: RunOptions, reference: ReferenceData, recorder: TimelineRecorder? = nil) -> ProgramResult {
        let mallocBefore = PlonkBindings.processMallocStats?.outstandingCount
        var configuration = BindingsConfiguration(mode: options.mode, implementation: options.implementation)
        configuration.faults = options.bindingsFaults
        let bindings = PlonkBindings(configuration: configuration)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("leakcheck-\(UUID().uuidString)").path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        guard let environment = try? ProgramEnvironment(bindings: bindings, depth: program.depth, faults: options.plantedFaults, directory: directory) else {
            return ProgramResult(findings: [Finding(kind: .unexpectedOutcome, step: nil, detail: "could not create the program's SRSs")], steps: 0, leakedAtEnd: 0, inconclusive: false)
        }
        bindings.resetAllocationTracking()
        recorder?.beginProgram()

        var findings = [Finding]()
        var final = Model(reference: reference)
        var inconclusive = false
        var executed = 0
        switch options.schedule {
        case .controlled:
            let outcome = runControlled(program, seed: seed, environment: environment, model: final, recorder: recorder)
            findings += outcome.findings
            final = outcome.model
            executed = outcome.executed
        case .free:
            let events = runFree(program, environment: environment, recorder: recorder)
            executed = events.count
            switch LinearizabilityChecker.check(events, model: final) {
            case .linearizable(let model):
                final = model
            case .notLinearizable(let prefix, let step):
                let shown = prefix.suffix(12).map(String.init).joined(separator: " ")
                findings.append(Finding(kind: .notLinearizable, step: step, detail: "no order of the \(events.count) calls matches the model; the longest consistent order ends …\(shown)"))
            case .inconclusive:
                inconclusive = true
            }
        }
        let leaked = cleanUp(environment, model: final, options: options, trusted: findings.isEmpty && !inconclusive)
        if leaked > 0 {
            findings.append(Finding(kind: .leakAtEnd, step: nil, detail: "\(leaked) tracked allocation(s) alive after every thread joined and every resource was released:\n" + bindings.allocationStats.report))
        }
        let peak = bindings.allocationStats.kinds.values.reduce(0) { $0 + $1.highWaterBytes }
        if options.sanitizerLeakCheck, PlonkBindings.sanitizerLeakCheck() == true {
            findings.append(Finding(kind: .leakAtEnd, step: nil, detail: "LeakSanitizer's recoverable leak check reported leaks (see standard error)"))
        }
        if let before = mallocBefore, let after = PlonkBindings.processMallocStats?.outstandingCount, after - before > Int64(options.mallocGrowthThreshold) {
            findings.append(Finding(kind: .mallocGrowth, step: nil, detail: "process-wide outstanding mallocs grew by \(after - before), threshold \(options.mallocGrowthThreshold)"))
        }
        return ProgramResult(findings: findings, steps: executed, leakedAtEnd: leaked, inconclusive: inconclusive, peakLiveBytes: peak)
    }

    // MARK: Controlled

    private static func runControlled(_ program: Program, seed: UInt64, environment: ProgramEnvironment, model initial: Model, recorder: TimelineRecorder?) -> (findings: [Finding], model: Model, executed: Int) {
        var model = initial
        var queues = (0..<program.threads).map { program.steps(of: $0) }
        var scheduler = PCTScheduler(threads: program.threads, steps: program.steps.count, seed: seed)
        let workers = WorkerThreads(count: program.threads)
        defer { workers.stop() }
        var findings = [Finding]()
        var lastRun: Int?
        var point = 0
        while queues.contains(where: { !$0.isEmpty }) {
            let enabled = queues.indices.filter { thread in
                guard let next = queues[thread].first else { return false }
                return model.isWellFormed(next.step.operation) && model.isEnabled(next.step.operation)
            }
            guard !enabled.isEmpty else {
                let waiting = queues.indices.compactMap { thread in queues[thread].first.map { "thread \(thread) at step \($0.index)" } }
                findings.append(Finding(kind: .deadlock, step: queues.compactMap(\.first?.index).min(), detail: "no thread can run (\(waiting.joined(separator: ", "))): they wait on slots no one will set, or use names not bound yet"))
                break
            }
            let thread = scheduler.choose(among: enabled, at: point, lastRun: lastRun)
            point += 1
            lastRun = thread
            let (index, step) = queues[thread].removeFirst()
            let expected = model.apply(step.operation)
            let actual = workers.run(on: thread) {
                StepExecutor.execute(step.operation, step: index, in: environment, waitTimeout: .seconds(10))
            }
            recorder?.record(step: index, thread: thread, stats: environment.bindings.allocationStats, expected: model.expectedLive)
            if actual != expected {
                let kind: FindingKind = {
                    if case .leaks = expected { return .leakMismatch }
                    if actual == .refused(.useAfterFree) { return .useAfterFree }
                    return .unexpectedOutcome
                }()
                findings.append(Finding(kind: kind, step: index, detail: "\(ProgramText.format(step.operation)) on thread \(thread): expected \(expected), got \(actual)"))
                break  // reality and the model have parted; stop here
            }
        }
        return (findings, model, point)
    }

    // MARK: Free

    private static func runFree(_ program: Program, environment: ProgramEnvironment, recorder: TimelineRecorder?) -> [HistoryEvent] {
        // Each thread keeps its own history and hands it over when it is
        // done: one shared list took a lock on every step, which the
        // threads then contended for on top of the bindings' own locks.
        let histories = Locked<[[HistoryEvent]]>(Array(repeating: [], count: program.threads))
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        for thread in 0..<program.threads {
            let steps = program.steps(of: thread)
            group.enter()
            Thread.detachNewThread {
                start.wait()
                var history = [HistoryEvent]()
                history.reserveCapacity(steps.count)
                for (index, step) in steps {
                    let begin = DispatchTime.now().uptimeNanoseconds
                    let outcome = StepExecutor.execute(step.operation, step: index, in: environment, waitTimeout: .seconds(10))
                    let end = DispatchTime.now().uptimeNanoseconds
                    history.append(HistoryEvent(step: index, operation: step.operation, start: begin, end: end, outcome: outcome))
                    recorder?.record(step: index, thread: thread, stats: environment.bindings.allocationStats, expected: nil)
                }
                histories.withLock { [history] in $0[thread] = history }
                group.leave()
            }
        }
        for _ in 0..<program.threads { start.signal() }
        group.wait()
        return histories.withLock { $0 }.joined().sorted { $0.start < $1.start }
    }

    // MARK: Cleanup

    /// Releases what the model says is alive, then counts what the tracker
    /// says is alive (besides the program's two SRSs).
    private static func cleanUp(_ environment: ProgramEnvironment, model: Model, options: RunOptions, trusted: Bool) -> Int {
        let bindings = environment.bindings
        // In raw mode a stale handle is undefined behaviour: release only
        // what a trusted model says is live.
        if options.mode == .checked && !trusted {
            // The model's view is not trusted after a finding; checked
            // handles make releasing every bound name safe (stale ones are refused).
            for handle in environment.handles.withLock({ $0.values }) {
                if (try? bindings.fp.freeWholeDomain(handle)) == nil { try? bindings.fq.freeWholeDomain(handle) }
            }
            for slot in environment.slots.withLock({ $0.values }) { try? bindings.freeU32Slot(slot) }
        } else if options.mode == .checked || trusted {
            for (name, family) in model.liveHandles {
                let handle = environment.handles.withLock { $0[name] } ?? Handle(rawValue: 0)
                if family == .fp { try? bindings.fp.freeWholeDomain(handle) } else { try? bindings.fq.freeWholeDomain(handle) }
            }
            for name in model.liveSlots {
                if let slot = environment.slots.withLock({ $0[name] }) { try? bindings.freeU32Slot(slot) }
            }
        }
        if bindings.pool.threadCount > 0, !environment.faults.contains(.forgetPoolExit) { try? bindings.exitThreadPool() }
        let stats = bindings.allocationStats
        return AllocationKind.allCases.filter { $0 != .srsHandle }.reduce(0) { $0 + max(0, stats[$1].liveCount) }
    }
}

/// Real threads that run one closure at a time when told: the controlled
/// schedule's hand-off (a baton passed between the scheduler and one worker).
final class WorkerThreads: @unchecked Sendable {
    // @unchecked: each mailbox is touched only by its worker between `go` and `done`.
    private final class Mailbox: @unchecked Sendable {
        let go = DispatchSemaphore(value: 0)
        var work: (@Sendable () -> Void)?
        var stop = false
    }

    private let mailboxes: [Mailbox]
    private let done = DispatchSemaphore(value: 0)
    private let exited = DispatchSemaphore(value: 0)

    init(count: Int) {
        mailboxes = (0..<count).map { _ in Mailbox() }
        for mailbox in mailboxes {
            Thread.detachNewThread { [done, exited] in
                while true {
                    mailbox.go.wait()
                    if mailbox.stop { break }
                    mailbox.work?()
                    mailbox.work = nil
                    done.signal()
                }
                exited.signal()
            }
        }
    }

    /// Runs `body` on worker `thread` and waits for it.
    func run<T: Sendable>(on thread: Int, _ body: @escaping @Sendable () -> T) -> T {
        let result = Locked<T?>(nil)
        mailboxes[thread].work = { result.withLock { $0 = body() } }
        mailboxes[thread].go.signal()
        done.wait()
        return result.withLock { $0! }
    }

    /// Stops and joins every worker.
    func stop() {
        for mailbox in mailboxes {
            mailbox.stop = true
            mailbox.go.signal()
        }
        for _ in mailboxes { exited.wait() }
    }
}
