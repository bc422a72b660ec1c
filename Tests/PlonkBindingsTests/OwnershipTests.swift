import Dispatch
import Pasta
import PlonkBindings
import PolyCommitment
import Locking
import Synchronization
import Testing

@Suite("Whole-domain ownership")
struct OwnershipTests {
    static let expected = try! SRS<Vesta>.create(depth: 4).lagrangeBasis(domainSize: 8)

    @Test("ptr+take, ptr+free, ptr+read+free, direct and a pool cycle leave nothing behind", arguments: HandleMode.allCases)
    func balancedSequences(mode: HandleMode) throws {
        let bindings = PlonkBindings(configuration: BindingsConfiguration(mode: mode))
        let srs = try bindings.fp.create(depth: 4)
        bindings.resetAllocationTracking()

        let taken = try bindings.fp.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: 8)
        #expect(bindings.leakedAllocationCount == 1)
        #expect(try bindings.fp.takeWholeDomain(taken) == Self.expected)
        #expect(bindings.leakedAllocationCount == 0)

        try bindings.fp.freeWholeDomain(try bindings.fp.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: 8))
        #expect(bindings.leakedAllocationCount == 0)

        let read = try bindings.fp.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: 8)
        #expect(try bindings.fp.readWholeDomain(read) == Self.expected)
        #expect(try bindings.fp.readWholeDomain(read) == Self.expected, "the fixed read leaves the data alive")
        try bindings.fp.freeWholeDomain(read)
        #expect(bindings.leakedAllocationCount == 0)

        #expect(try bindings.fp.lagrangeCommitmentsWholeDomain(srs, domainSize: 8) == Self.expected)
        try bindings.initThreadPool(threads: 2)
        #expect(bindings.leakedAllocationCount == 2)
        try bindings.exitThreadPool()
        #expect(bindings.leakedAllocationCount == 0)

        let slot = bindings.createZeroU32Slot()
        try bindings.freeU32Slot(slot)
        #expect(bindings.leakedAllocationCount == 0)
        #expect(bindings.allocationStats.misuseCount == 0)
    }

    @Test("ptr+read alone leaks one whole-domain buffer, and the log says so")
    func readWithoutRelease() throws {
        let log = CapturedLog()
        let bindings = PlonkBindings(logger: log.logger)
        let srs = try bindings.fq.create(depth: 4)
        bindings.resetAllocationTracking()
        let handle = try bindings.fq.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: 8)
        _ = try bindings.fq.readWholeDomain(handle)
        #expect(bindings.leakedAllocationCount == 1)
        let stats = bindings.allocationStats
        #expect(stats[.wholeDomainBuffer].leakedSinceReset == 1)
        #expect(stats[.wholeDomainBuffer].liveBytes > 0)
        #expect(stats[.srsHandle].leakedSinceReset == 0, "the SRS predates the reset")
        bindings.logAllocationStats()
        let lines = log.lines.withLock { $0 }
        #expect(lines.contains { $0.hasPrefix("warning") && $0.contains("whole-domain-buffer: leaked 1") })
        try bindings.fq.freeWholeDomain(handle)
        #expect(bindings.leakedAllocationCount == 0)
    }

    @Test("every misuse is refused with its error and counted, and never disturbs live handles")
    func misuses() throws {
        let bindings = PlonkBindings()
        let srs = try bindings.fp.create(depth: 4)
        let pallas = try bindings.fq.create(depth: 4)
        let handle = try bindings.fp.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: 8)
        _ = try bindings.fp.takeWholeDomain(handle)
        #expect(throws: BindingsError.handle(.released(.doubleTake))) { try bindings.fp.takeWholeDomain(handle) }
        #expect(throws: BindingsError.handle(.released(.doubleFree))) { try bindings.fp.freeWholeDomain(handle) }
        #expect(throws: BindingsError.handle(.released(.useAfterFree))) { try bindings.fp.readWholeDomain(handle) }
        for forged in [Handle(rawValue: 0), Handle(rawValue: 0xdead_beef), Handle(rawValue: UInt64(77) << 32 | 1)] {
            #expect(throws: BindingsError.handle(.forged)) { try bindings.fp.takeWholeDomain(forged) }
        }
        let fqHandle = try bindings.fq.lagrangeCommitmentsWholeDomainPointer(pallas, domainSize: 8)
        #expect(throws: BindingsError.handle(.wrongField(expected: .fp, actual: .fq))) { try bindings.fp.takeWholeDomain(fqHandle) }
        #expect(try bindings.fq.takeWholeDomain(fqHandle).count == 8, "the other field's handle is still live")
        let slot = bindings.createZeroU32Slot()
        #expect(throws: BindingsError.handle(.forged)) { try bindings.fp.readWholeDomain(slot) }
        try bindings.freeU32Slot(slot)
        #expect(throws: BindingsError.handle(.released(.doubleFree))) { try bindings.freeU32Slot(slot) }
        #expect(throws: BindingsError.handle(.released(.useAfterFree))) { try bindings.setU32(slot, to: 1) }

        let misuses = bindings.allocationStats.misuses
        #expect(misuses[.doubleTake] == 1)
        #expect(misuses[.doubleFree] == 2)
        #expect(misuses[.useAfterFree] == 2)
        #expect(misuses[.forgedHandle] == 4)
        #expect(misuses[.wrongField] == 1)
        #expect(bindings.leakedAllocationCount == 2, "only the two SRS handles are alive")
    }

    @Test("racing takes and frees of one handle: exactly one wins, every time")
    func races() throws {
        let bindings = PlonkBindings()
        let srs = try bindings.fp.create(depth: 4)
        _ = try bindings.fp.getLagrangeBasis(srs, domainSize: 8)
        bindings.resetAllocationTracking()
        for round in 0..<200 {
            let handle = try bindings.fp.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: 8)
            let wins = Atomic<Int>(0)
            DispatchQueue.concurrentPerform(iterations: 4) { racer in
                do {
                    if (racer + round) % 2 == 0 {
                        _ = try bindings.fp.takeWholeDomain(handle)
                    } else {
                        try bindings.fp.freeWholeDomain(handle)
                    }
                    wins.add(1, ordering: .relaxed)
                } catch {}
            }
            #expect(wins.load(ordering: .relaxed) == 1, "round \(round)")
        }
        #expect(bindings.leakedAllocationCount == 0)
        #expect(bindings.allocationStats.misuseCount == 600)
    }

    @Test("legacy: read frees while the caller holds the handle; take and free do not exist")
    func legacy() throws {
        let bindings = PlonkBindings(configuration: BindingsConfiguration(mode: .checked, implementation: .legacy))
        let srs = try bindings.fp.create(depth: 4)
        bindings.resetAllocationTracking()
        let handle = try bindings.fp.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: 8)
        #expect(try bindings.fp.readWholeDomain(handle) == Self.expected)
        #expect(bindings.leakedAllocationCount == 0, "the legacy read already freed the buffer")
        #expect(throws: BindingsError.handle(.released(.useAfterFree))) { try bindings.fp.readWholeDomain(handle) }
        #expect(throws: BindingsError.handle(.released(.useAfterFree)), "the read freed the caller's handle") { try bindings.fp.takeWholeDomain(handle) }
        #expect(throws: BindingsError.handle(.released(.useAfterFree))) { try bindings.fp.freeWholeDomain(handle) }
        let unread = try bindings.fp.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: 8)
        #expect(throws: BindingsError.unsupportedInLegacy("lagrange_commitments_whole_domain_take")) { try bindings.fp.takeWholeDomain(unread) }
        #expect(throws: BindingsError.unsupportedInLegacy("lagrange_commitments_whole_domain_free")) { try bindings.fp.freeWholeDomain(unread) }
        #expect(bindings.leakedAllocationCount == 1, "with no free, an unread buffer can only leak")
        _ = try bindings.fp.readWholeDomain(unread)
    }
}

@Suite("u32 slots")
struct U32SlotTests {
    @Test("a value set on one thread wakes a waiter on another", arguments: HandleMode.allCases)
    func handOff(mode: HandleMode) throws {
        let bindings = PlonkBindings(configuration: BindingsConfiguration(mode: mode))
        bindings.resetAllocationTracking()
        let slot = bindings.createZeroU32Slot()
        let received = Locked<UInt32>(0)
        DispatchQueue.concurrentPerform(iterations: 2) { role in
            if role == 0 {
                let value = try! bindings.waitUntilNonZero(slot, timeout: .seconds(30))
                received.withLock { $0 = value }
            } else {
                try! bindings.setU32(slot, to: 0xabcd)
            }
        }
        #expect(received.withLock { $0 } == 0xabcd)
        #expect(bindings.leakedAllocationCount == 1)
        try bindings.freeU32Slot(slot)
        #expect(bindings.leakedAllocationCount == 0)
    }

    @Test("a wait on a zero slot times out")
    func timeout() throws {
        let bindings = PlonkBindings()
        let slot = bindings.createZeroU32Slot()
        #expect(throws: BindingsError.timedOut) { try bindings.waitUntilNonZero(slot, timeout: .milliseconds(20)) }
        try bindings.setU32(slot, to: 3)
        #expect(try bindings.waitUntilNonZero(slot, timeout: .zero) == 3)
        try bindings.freeU32Slot(slot)
    }
}

@Suite("Thread pool")
struct ThreadPoolTests {
    @Test("init twice, exit twice and bad counts are errors; work on the pool gives the same results")
    func lifecycle() throws {
        let bindings = PlonkBindings()
        #expect(throws: BindingsError.pool(.notRunning)) { try bindings.exitThreadPool() }
        #expect(throws: BindingsError.pool(.invalidThreadCount(0))) { try bindings.initThreadPool(threads: 0) }
        try bindings.initThreadPool(threads: 3)
        #expect(throws: BindingsError.pool(.alreadyRunning)) { try bindings.initThreadPool(threads: 1) }
        #expect(bindings.pool.threadCount == 3)
        let srs = try bindings.fq.create(depth: 8)
        let onPool = try bindings.fq.getLagrangeBasis(srs, domainSize: 32)
        #expect(onPool == (try SRS<Pallas>.create(depth: 8).lagrangeBasis(domainSize: 32, executor: SerialExecutor())))
        try bindings.exitThreadPool()
        #expect(throws: BindingsError.pool(.notRunning)) { try bindings.exitThreadPool() }
        #expect(bindings.allocationStats[.poolThread].liveCount == 0)
        try bindings.initThreadPool(threads: 1)
        try bindings.exitThreadPool()
    }

    @Test("exit while work runs waits for the work, which completes correctly")
    func exitDuringWork() throws {
        let bindings = PlonkBindings()
        try bindings.initThreadPool(threads: 2)
        let srs = try bindings.fp.create(depth: 8)
        let results = Locked<[[PolyComm<Vesta>]]>([])
        DispatchQueue.concurrentPerform(iterations: 3) { role in
            if role == 2 {
                try! bindings.exitThreadPool()
            } else {
                let basis = try! bindings.fp.lagrangeCommitmentsWholeDomain(srs, domainSize: 16 << role)
                results.withLock { $0.append(basis) }
            }
        }
        #expect(results.withLock { $0.count } == 2)
        #expect(!bindings.pool.isRunning)
        #expect(bindings.allocationStats[.poolThread].liveCount == 0)
    }

    @Test("tasks that submit work to the pool themselves do not deadlock")
    func nested() throws {
        let bindings = PlonkBindings()
        try bindings.initThreadPool(threads: 2)
        let sums = bindings.pool.map(6) { outer in
            bindings.pool.map(5) { inner in outer * 10 + inner }.reduce(0, +)
        }
        #expect(sums == (0..<6).map { outer in (0..<5).map { outer * 10 + $0 }.reduce(0, +) })
        try bindings.exitThreadPool()
    }
}
