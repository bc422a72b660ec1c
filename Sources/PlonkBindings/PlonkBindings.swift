public import Pasta
import PolyCommitment
public import Logging

/// A Swift counterpart of plonk-wasm's SRS bindings, with the memory-leak
/// fix done properly: ownership-checked handles, u32 slots, a real thread
/// pool and allocation tracking that is on in every build.
///
/// Each instance is independent (its own tracker, registries and pool), so
/// tests and harness runs do not disturb each other; the C ABI uses `shared`.
public final class PlonkBindings: Sendable {
    /// The settings this instance was made with.
    public let configuration: BindingsConfiguration
    /// Counts every allocation and misuse.
    public let tracker: AllocationTracker
    /// The worker pool; heavy work runs on it while it runs.
    public let pool: ThreadPool
    /// `caml_fp_srs_*`: the Vesta SRS family.
    public let fp: FieldBindings<Vesta>
    /// `caml_fq_srs_*`: the Pallas SRS family.
    public let fq: FieldBindings<Pallas>

    let wholeDomainRegistry: HandleRegistry<WholeDomainPayload>
    let slotRegistry = HandleRegistry<U32Slot>(kind: .u32Slot)
    private let logger: Logger

    /// Creates bindings.
    ///
    /// - Parameters:
    ///   - configuration: handle mode and implementation.
    ///   - logger: where `logAllocationStats` writes.
    public init(configuration: BindingsConfiguration = BindingsConfiguration(), logger: Logger = Logger(label: "plonk-bindings")) {
        self.configuration = configuration
        self.logger = logger
        wholeDomainRegistry = HandleRegistry(kind: .wholeDomain, releasesTwice: configuration.faults.contains(.registryReleasesTwice))
        let tracker = AllocationTracker()
        self.tracker = tracker
        let pool = ThreadPool(tracker: tracker)
        self.pool = pool
        let core = BindingsCore(configuration: configuration, tracker: tracker, pool: pool, registry: wholeDomainRegistry)
        fp = FieldBindings(core: core)
        fq = FieldBindings(core: core)
    }

    // MARK: Thread pool

    /// `init_thread_pool(n)`.
    ///
    /// - Throws: `BindingsError.pool` (already running, bad count).
    public func initThreadPool(threads: Int) throws(BindingsError) {
        do { try pool.start(threads: threads) } catch { throw .pool(error) }
    }

    /// `exit_thread_pool()`: waits for queued work, then joins every worker.
    ///
    /// - Throws: `BindingsError.pool` (not running, called from a worker).
    public func exitThreadPool() throws(BindingsError) {
        do { try pool.stop() } catch { throw .pool(error) }
    }

    // MARK: u32 slots

    /// `create_zero_u32_ptr()`: a slot holding 0.
    public func createZeroU32Slot() -> Handle {
        let slot = U32Slot()
        let token = tracker.recordAllocation(.u32Slot, bytes: MemoryLayout<UInt32>.size)
        switch configuration.mode {
        case .checked:
            return slotRegistry.insert(slot, field: .fp, token: token)
        case .raw:
            return UnsafeRawHandles.box(RawEntry(value: slot, token: token))
        }
    }

    /// `set_u32_ptr(slot, value)`: sets the word and wakes waiters.
    ///
    /// - Throws: `BindingsError.handle` for a released or forged slot (checked mode).
    public func setU32(_ slot: Handle, to value: UInt32) throws(BindingsError) {
        try withSlot(slot, misuse: .useAfterFree) { $0.set(value) }
    }

    /// `wait_until_non_zero(slot)`: sleeps (without spinning) until the word
    /// is nonzero, then returns it.
    ///
    /// - Parameters:
    ///   - slot: the slot.
    ///   - timeout: how long at most; nil waits for ever, as plonk-wasm does.
    /// - Throws: `BindingsError.timedOut`, or `.handle` for a bad slot.
    public func waitUntilNonZero(_ slot: Handle, timeout: Duration? = nil) throws(BindingsError) -> UInt32 {
        let value = try withSlot(slot, misuse: .useAfterFree) { $0.waitUntilNonZero(timeout: timeout) }
        guard let value else { throw .timedOut }
        return value
    }

    /// `free_u32_ptr(slot)`.
    ///
    /// - Throws: `BindingsError.handle` for a released or forged slot (checked mode).
    public func freeU32Slot(_ slot: Handle) throws(BindingsError) {
        switch configuration.mode {
        case .checked:
            switch slotRegistry.access(slot, field: .fp, staleMisuse: .doubleFree, release: true) {
            case .success(let found): tracker.recordDeallocation(found.released!)
            case .failure(let error): throw refuse(error)
            }
        case .raw:
            let entry = UnsafeRawHandles.take(slot, as: RawEntry<U32Slot>.self)
            tracker.recordDeallocation(entry.token)
        }
    }

    private func withSlot<T>(_ handle: Handle, misuse: MisuseKind, _ body: (U32Slot) -> T) throws(BindingsError) -> T {
        switch configuration.mode {
        case .checked:
            // The slot object is retained while `body` runs, so a concurrent
            // free cannot pull it away from a waiter.
            switch slotRegistry.access(handle, field: .fp, staleMisuse: misuse, release: false) {
            case .success(let found): return body(found.payload)
            case .failure(let error): throw refuse(error)
            }
        case .raw:
            return body(UnsafeRawHandles.read(handle, as: RawEntry<U32Slot>.self).value)
        }
    }

    func refuse(_ error: HandleError) -> BindingsError {
        tracker.recordMisuse(error.misuse)
        return .handle(error)
    }

    // MARK: Tracking

    /// `get_leaked_allocation_count()`: tracked allocations alive now that
    /// were made since the last reset.
    public var leakedAllocationCount: Int { tracker.leakedAllocationCount }

    /// `reset_allocation_tracking()`.
    public func resetAllocationTracking() { tracker.reset() }

    /// A consistent snapshot of every counter.
    public var allocationStats: AllocationStats { tracker.stats }

    /// `log_allocation_stats()`: the snapshot through swift-log, one line
    /// per kind, at info level (warning when something leaked).
    public func logAllocationStats() {
        let stats = tracker.stats
        let level: Logger.Level = stats.leakedAllocationCount > 0 ? .warning : .info
        for line in stats.report.split(separator: "\n") {
            logger.log(level: level, "\(line.drop { $0 == " " })")
        }
    }

    /// Turns on ordo-one/malloc-interposer's counting when it is preloaded,
    /// so `allocationStats.processMalloc` is filled.
    ///
    /// - Returns: whether the interposer is present.
    @discardableResult
    public static func enableProcessMallocCounting() -> Bool { MallocInterposerProbe.enable() }

    /// Runs LeakSanitizer's recoverable leak check (`__lsan_do_recoverable_leak_check`)
    /// when this process was built with AddressSanitizer.
    ///
    /// - Returns: nil without LeakSanitizer, else whether it reported a leak
    ///   (the report itself goes to standard error).
    public static func sanitizerLeakCheck() -> Bool? { MallocInterposerProbe.sanitizerReportsLeaks() }

    /// ordo-one/malloc-interposer's process-wide counters, when preloaded.
    public static var processMallocStats: ProcessMallocStats? { MallocInterposerProbe.statistics() }

    deinit {
        // Whatever the caller never released goes now; its allocations stay
        // counted as leaks in the tracker, which is the point.
        _ = wholeDomainRegistry.drain()
        _ = slotRegistry.drain()
        if pool.threadCount > 0 { try? pool.stop() }
    }
}

/// A raw-mode allocation: the payload and what the tracker needs back.
struct RawEntry<Value> {
    var value: Value
    var token: AllocationTracker.Token
    var field: FieldFamily = .fp
}

/// What the two field families share.
final class BindingsCore: Sendable {
    let configuration: BindingsConfiguration
    let tracker: AllocationTracker
    let pool: ThreadPool
    let registry: HandleRegistry<WholeDomainPayload>

    init(configuration: BindingsConfiguration, tracker: AllocationTracker, pool: ThreadPool, registry: HandleRegistry<WholeDomainPayload>) {
        self.configuration = configuration
        self.tracker = tracker
        self.pool = pool
        self.registry = registry
    }

    /// `run_in_pool`: the pool while it runs, else the caller's thread.
    var executor: any ParallelExecutor { pool.isRunning ? pool : SerialExecutor() }

    func refuse(_ error: HandleError) -> BindingsError {
        tracker.recordMisuse(error.misuse)
        return .handle(error)
    }
}
