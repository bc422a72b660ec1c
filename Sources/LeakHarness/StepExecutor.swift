import Foundation
import Pasta
@_spi(FaultInjection) public import PlonkBindings
import PolyCommitment
import Locking
import Synchronization

/// Everything a program's threads share while it runs: the bindings, one
/// SRS per family, and the handles and slots bound so far by name.
final class ProgramEnvironment: @unchecked Sendable {
    // @unchecked: NSCondition is thread-safe but not marked Sendable; everything else is.
    let bindings: PlonkBindings
    let fp: SRSHandle<Vesta>
    let fq: SRSHandle<Pallas>
    let faults: Set<PlantedFault>
    let directory: String
    let handles = Locked<[Int: Handle]>([:])
    /// The family each handle name was created in.
    let handleFamilies = Locked<[Int: Family]>([:])
    let slots = Locked<[Int: Handle]>([:])
    /// Signalled when a slot name is bound: a slot reaches another thread
    /// only after it exists, as o1js posts it to a worker after creating it.
    let slotBound = NSCondition()
    let readHandles = Locked<Set<Int>>([])

    init(bindings: PlonkBindings, depth: Int, faults: Set<PlantedFault>, directory: String) throws {
        self.bindings = bindings
        fp = try bindings.fp.create(depth: depth)
        fq = try bindings.fq.create(depth: depth)
        self.faults = faults
        self.directory = directory
    }
}

/// Runs one operation against the real bindings and reports what happened.
enum StepExecutor {
    /// The handle a name is bound to. An unbound name (its `ptr` step is on
    /// another thread that has not got there, say after a slot wait timed
    /// out) is handle 0 in checked mode, which the registry refuses as
    /// forged; in raw mode it is nil, because the raw API's precondition
    /// would trap on it.
    static func boundHandle(_ name: Int, _ environment: ProgramEnvironment) -> Handle? {
        if let handle = environment.handles.withLock({ $0[name] }) { return handle }
        return environment.bindings.configuration.mode == .raw ? nil : Handle(rawValue: 0)
    }

    /// What a raw-mode step on an unbound name reports instead of crashing.
    static func unboundInRawMode(_ name: Int) -> Outcome {
        .inconsistent("raw mode: handle h\(name) used before its ptr step ran on another thread")
    }

    static func execute(_ operation: Operation, step index: Int, in environment: ProgramEnvironment, waitTimeout: Duration) -> Outcome {
        do {
            switch operation {
            case .pointer(let family, let domain, let name):
                let handle = try family == .fp
                    ? environment.bindings.fp.lagrangeCommitmentsWholeDomainPointer(environment.fp, domainSize: domain)
                    : environment.bindings.fq.lagrangeCommitmentsWholeDomainPointer(environment.fq, domainSize: domain)
                environment.handles.withLock { $0[name] = handle }
                environment.handleFamilies.withLock { $0[name] = family }
                return .ok
            case .take(let family, let name):
                guard let handle = boundHandle(name, environment) else { return unboundInRawMode(name) }
                if environment.faults.contains(.takeReturnsWrongDomain) {
                    let basis = try digest(family, environment) { try $0.takeWholeDomain(handle) } fq: { try $0.takeWholeDomain(handle) }
                    return .data(basis ^ 0x5a5a)
                }
                return .data(try digest(family, environment) { try $0.takeWholeDomain(handle) } fq: { try $0.takeWholeDomain(handle) })
            case .free(let family, let name):
                guard let handle = boundHandle(name, environment) else { return unboundInRawMode(name) }
                if environment.faults.contains(.skipFreeAfterRead), environment.readHandles.withLock({ $0.contains(name) }) { return .ok }
                if family == .fp { try environment.bindings.fp.freeWholeDomain(handle) } else { try environment.bindings.fq.freeWholeDomain(handle) }
                return .ok
            case .read(let family, let name):
                guard let handle = boundHandle(name, environment) else { return unboundInRawMode(name) }
                environment.readHandles.withLock { _ = $0.insert(name) }
                return .data(try digest(family, environment) { try $0.readWholeDomain(handle) } fq: { try $0.readWholeDomain(handle) })
            case .takeOtherField(let declared, let name):
                guard let handle = boundHandle(name, environment) else { return unboundInRawMode(name) }
                // The call is the family the handle was not created in,
                // whatever family the step names (found by the OwnershipFuzzer).
                let own = environment.handleFamilies.withLock { $0[name] } ?? declared
                return .data(try digest(own == .fp ? .fq : .fp, environment) { try $0.takeWholeDomain(handle) } fq: { try $0.takeWholeDomain(handle) })
            case .takeForged(let family):
                let forged = Handle(rawValue: 0x7fff_0000_0000_0000 | UInt64(index + 1))
                return .data(try digest(family, environment) { try $0.takeWholeDomain(forged) } fq: { try $0.takeWholeDomain(forged) })
            case .direct(let family, let domain):
                return .data(try digest(family, environment) { try $0.lagrangeCommitmentsWholeDomain(environment.fp, domainSize: domain) }
                    fq: { try $0.lagrangeCommitmentsWholeDomain(environment.fq, domainSize: domain) })
            case .slotNew(let name):
                let slot = environment.bindings.createZeroU32Slot()
                environment.slotBound.lock()
                environment.slots.withLock { $0[name] = slot }
                environment.slotBound.broadcast()
                environment.slotBound.unlock()
                return .ok
            case .slotSet(let name, let value):
                try environment.bindings.setU32(slot(name, environment), to: value)
                return .ok
            case .slotWait(let name):
                return .data(UInt64(try environment.bindings.waitUntilNonZero(slot(name, environment), timeout: waitTimeout)))
            case .slotFree(let name):
                try environment.bindings.freeU32Slot(slot(name, environment))
                return .ok
            case .poolInit(let threads):
                try environment.bindings.initThreadPool(threads: threads)
                return .ok
            case .poolExit:
                try environment.bindings.exitThreadPool()
                return .ok
            case .reset:
                environment.bindings.resetAllocationTracking()
                return .ok
            case .assertLeaks:
                return .leaks(environment.bindings.leakedAllocationCount)
            case .lagrangeCommitment(let family, let domain, let index):
                return .data(try digest(family, environment) { [try $0.lagrangeCommitment(environment.fp, domainSize: domain, index: index)] }
                    fq: { [try $0.lagrangeCommitment(environment.fq, domainSize: domain, index: index)] })
            case .maybeLagrangeCommitment(let family, let domain, let index):
                if family == .fp {
                    guard let found = try environment.bindings.fp.maybeLagrangeCommitment(environment.fp, domainSize: domain, index: index) else { return .absent }
                    return .data(Digest.of([found]))
                }
                guard let found = try environment.bindings.fq.maybeLagrangeCommitment(environment.fq, domainSize: domain, index: index) else { return .absent }
                return .data(Digest.of([found]))
            case .addLagrangeBasis(let family, let log2):
                if family == .fp { try environment.bindings.fp.addLagrangeBasis(environment.fp, log2Size: log2) } else { try environment.bindings.fq.addLagrangeBasis(environment.fq, log2Size: log2) }
                return .ok
            case .getLagrangeBasis(let family, let domain):
                return .data(try digest(family, environment) { try $0.getLagrangeBasis(environment.fp, domainSize: domain) }
                    fq: { try $0.getLagrangeBasis(environment.fq, domainSize: domain) })
            case .setLagrangeBasis(let family, let domain):
                // A basis computed elsewhere (as from an o1js cache file), set once.
                if family == .fp {
                    try environment.bindings.fp.setLagrangeBasis(environment.fp, domainSize: domain, try SRS<Vesta>(g: environment.fp.srs.g, h: environment.fp.srs.h).lagrangeBasis(domainSize: domain, executor: SerialExecutor()))
                } else {
                    try environment.bindings.fq.setLagrangeBasis(environment.fq, domainSize: domain, try SRS<Pallas>(g: environment.fq.srs.g, h: environment.fq.srs.h).lagrangeBasis(domainSize: domain, executor: SerialExecutor()))
                }
                return .ok
            case .commitEvaluations(let family, let domain, let seed):
                let size = ReferenceData.domainSize(domain)
                return .data(try digest(family, environment) { [try $0.commitEvaluations(environment.fp, domainSize: size, evaluations: ReferenceData.values(Fp.self, count: size, seed: seed))] }
                    fq: { [try $0.commitEvaluations(environment.fq, domainSize: size, evaluations: ReferenceData.values(Fq.self, count: size, seed: seed))] })
            case .bPolyCommitment(let family, let rounds):
                return .data(try digest(family, environment) { [try $0.bPolyCommitment(environment.fp, challenges: ReferenceData.values(Fp.self, count: rounds, seed: 7))] }
                    fq: { [try $0.bPolyCommitment(environment.fq, challenges: ReferenceData.values(Fq.self, count: rounds, seed: 7))] })
            case .accumulators(let family, let count):
                return family == .fp ? try accumulators(environment.bindings.fp, environment.fp, count: count) : try accumulators(environment.bindings.fq, environment.fq, count: count)
            case .srsRoundTrip(let family):
                return family == .fp ? try roundTrip(environment.bindings.fp, environment.fp) : try roundTrip(environment.bindings.fq, environment.fq)
            case .srsFile(let family):
                let path = environment.directory + "/srs-\(family.rawValue)-\(index)"
                defer { try? FileManager.default.removeItem(atPath: path) }
                return family == .fp ? try file(environment.bindings.fp, environment.fp, path) : try file(environment.bindings.fq, environment.fq, path)
            }
        } catch let error as BindingsError {
            return .refused(Refusal(error))
        } catch {
            return .refused(.other)
        }
    }

    /// The slot bound to a name, waiting (up to 10 s) for another thread to bind it.
    private static func slot(_ name: Int, _ environment: ProgramEnvironment) -> Handle {
        let deadline = Date().addingTimeInterval(10)
        environment.slotBound.lock()
        defer { environment.slotBound.unlock() }
        while true {
            if let slot = environment.slots.withLock({ $0[name] }) { return slot }
            if !environment.slotBound.wait(until: deadline) { return Handle(rawValue: 0) }
        }
    }

    private static func digest(
        _ family: Family, _ environment: ProgramEnvironment,
        fp: (FieldBindings<Vesta>) throws -> [PolyComm<Vesta>], fq: (FieldBindings<Pallas>) throws -> [PolyComm<Pallas>]
    ) throws -> UInt64 {
        family == .fp ? Digest.of(try fp(environment.bindings.fp)) : Digest.of(try fq(environment.bindings.fq))
    }

    private static func accumulators<Curve: BindingsCurve>(_ calls: FieldBindings<Curve>, _ srs: SRSHandle<Curve>, count: Int) throws -> Outcome {
        var rounds = 0
        while (1 << rounds) < srs.srs.g.count { rounds += 1 }
        // The check needs |g| = 2^rounds with at least one round (kimchi
        // divides by the round count; with one point there are none). Not
        // applicable otherwise (found by the OwnershipFuzzer at depth 1).
        guard rounds > 0, 1 << rounds == srs.srs.g.count else { return .flag(true) }
        let challenges = ReferenceData.values(Curve.ScalarField.self, count: count * rounds, seed: count)
        let commitments = try calls.batchAccumulatorGenerate(srs, count: count, challenges: challenges)
        return .flag(try calls.batchAccumulatorCheck(srs, commitments: commitments, challenges: challenges))
    }

    private static func roundTrip<Curve: BindingsCurve>(_ calls: FieldBindings<Curve>, _ srs: SRSHandle<Curve>) throws -> Outcome {
        let fromBytes = try calls.deserialize(calls.serialize(srs))
        guard try calls.createParallel(depth: srs.srs.g.count).srs == srs.srs else { return .inconsistent("create_parallel differs from create") }
        let fromPoints = try calls.set(calls.get(srs))
        guard fromBytes.srs == srs.srs else { return .inconsistent("deserialize(serialize(srs)) differs") }
        guard fromPoints.srs == srs.srs, calls.h(fromPoints) == calls.h(srs) else { return .inconsistent("set(get(srs)) differs") }
        return .ok
    }

    private static func file<Curve: BindingsCurve>(_ calls: FieldBindings<Curve>, _ srs: SRSHandle<Curve>, _ path: String) throws -> Outcome {
        try calls.write(srs, append: false, path: path)
        guard let back = try calls.read(path: path) else { return .inconsistent("read found no SRS in the written file") }
        return back.srs == srs.srs ? .ok : .inconsistent("read(write(srs)) differs")
    }
}
