public import PlonkBindings
/// The sequential specification of the fixed contract: the ownership state
/// (each handle live, with whether it was read, or released; each slot's
/// word or freed; the pool up or down) and what every step must return,
/// including the exact tracked-leak count at each assertion.
///
/// It knows nothing of implementations: the legacy implementation fails
/// against it, which is the point.
public struct Model: Sendable, Hashable {
    struct Handle: Hashable {
        var family: Family
        var domain: Int
        var live: Bool
        var sinceReset: Bool
    }

    struct Slot: Hashable {
        var value: UInt32
        var live: Bool
        var sinceReset: Bool
    }

    private(set) var handles: [Int: Handle] = [:]
    private(set) var slots: [Int: Slot] = [:]
    /// Order-free digests of `handles` and `slots` (a wrapping sum of each
    /// entry's hash), kept up to date by `setHandle` and `setSlot`, so that
    /// hashing a model (the linearizability search memoizes on it at every
    /// node) costs O(1) rather than O(handles ever made).
    private var handleDigest = 0
    private var slotDigest = 0
    /// Second digests under another salt, so the pair is 128 bits wide: the
    /// linearizability memo keys on digests alone (see `StateDigest`).
    private var handleDigest2 = 0
    private var slotDigest2 = 0
    private(set) var poolThreads = 0
    private var poolSinceReset = false
    /// Bases cached per family, for `maybe_lagrange_commitment`.
    private(set) var cachedDomains: Set<DomainKey> = []

    struct DomainKey: Hashable {
        var family: Family
        var size: Int
    }

    let reference: ReferenceData

    /// A fresh model over reference data.
    public init(reference: ReferenceData) {
        self.reference = reference
    }

    public static func == (lhs: Model, rhs: Model) -> Bool {
        lhs.handles == rhs.handles && lhs.slots == rhs.slots && lhs.poolThreads == rhs.poolThreads
            && lhs.poolSinceReset == rhs.poolSinceReset && lhs.cachedDomains == rhs.cachedDomains
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(handleDigest)
        hasher.combine(slotDigest)
        hasher.combine(poolThreads)
        hasher.combine(poolSinceReset)
        hasher.combine(cachedDomains)
    }

    /// Tracked allocations alive now that were made since the last reset.
    public var leakCount: Int {
        handles.values.filter { $0.live && $0.sinceReset }.count
            + slots.values.filter { $0.live && $0.sinceReset }.count
            + (poolSinceReset ? poolThreads : 0)
    }

    /// Live handles and slots and the pool, for end-of-program cleanup.
    public var liveHandles: [(name: Int, family: Family)] {
        handles.filter { $0.value.live }.map { ($0.key, $0.value.family) }.sorted { $0.name < $1.name }
    }

    public var liveSlots: [Int] { slots.filter { $0.value.live }.map(\.key).sorted() }

    /// What should be alive now, per kind the model tracks (SRS handles are
    /// the program's own and are not modelled): the report's expected lines.
    public var expectedLive: [AllocationKind: Int] {
        [
            .wholeDomainBuffer: handles.values.filter(\.live).count,
            .u32Slot: slots.values.filter(\.live).count,
            .poolThread: poolThreads,
        ]
    }
    public var poolIsUp: Bool { poolThreads > 0 }

    /// Whether a step can run now without blocking: a wait needs a nonzero word.
    public func isEnabled(_ operation: Operation) -> Bool {
        if case .slotWait(let slot) = operation, let state = slots[slot], state.live { return state.value != 0 }
        return true
    }

    /// Whether a step is well formed here (its names were bound before).
    public func isWellFormed(_ operation: Operation) -> Bool {
        switch operation {
        case .take(_, let h), .free(_, let h), .read(_, let h), .takeOtherField(_, let h): return handles[h] != nil
        case .pointer(_, _, let h): return handles[h] == nil
        case .slotNew(let s): return slots[s] == nil
        case .slotSet(let s, _), .slotWait(let s), .slotFree(let s): return slots[s] != nil
        default: return true
        }
    }

    private func domainKey(_ family: Family, _ domain: Int) -> DomainKey { DomainKey(family: family, size: ReferenceData.domainSize(domain)) }

    private static func entryHash<Value: Hashable>(_ name: Int, _ value: Value?, salt: Int = 0) -> Int {
        guard let value else { return 0 }
        var hasher = Hasher()
        hasher.combine(salt)
        hasher.combine(name)
        hasher.combine(value)
        return hasher.finalize()
    }

    private mutating func setHandle(_ name: Int, _ value: Handle?) {
        handleDigest &-= Self.entryHash(name, handles[name])
        handleDigest2 &-= Self.entryHash(name, handles[name], salt: 1)
        handles[name] = value
        handleDigest &+= Self.entryHash(name, value)
        handleDigest2 &+= Self.entryHash(name, value, salt: 1)
    }

    private mutating func setSlot(_ name: Int, _ value: Slot?) {
        slotDigest &-= Self.entryHash(name, slots[name])
        slotDigest2 &-= Self.entryHash(name, slots[name], salt: 1)
        slots[name] = value
        slotDigest &+= Self.entryHash(name, value)
        slotDigest2 &+= Self.entryHash(name, value, salt: 1)
    }

    /// The fields besides the two tables, saved and restored whole by `Undo`.
    struct Scalars: Hashable {
        var poolThreads: Int
        var poolSinceReset: Bool
        var cachedDomains: Set<DomainKey>
    }

    var scalars: Scalars {
        get { Scalars(poolThreads: poolThreads, poolSinceReset: poolSinceReset, cachedDomains: cachedDomains) }
        set {
            poolThreads = newValue.poolThreads
            poolSinceReset = newValue.poolSinceReset
            cachedDomains = newValue.cachedDomains
        }
    }

    /// Both digests of each table, for `stateDigest`.
    var tableDigests: (handles: (Int, Int), slots: (Int, Int)) { ((handleDigest, handleDigest2), (slotDigest, slotDigest2)) }

    /// Puts one handle entry back (nil removes it), keeping the digests right.
    mutating func restoreHandle(_ name: Int, _ value: Handle?) { setHandle(name, value) }

    /// Puts one slot entry back (nil removes it), keeping the digests right.
    mutating func restoreSlot(_ name: Int, _ value: Slot?) { setSlot(name, value) }

    /// Applies a step and says what it must return.
    public mutating func apply(_ operation: Operation) -> Outcome {
        switch operation {
        case .pointer(let family, let domain, let name):
            setHandle(name, Handle(family: family, domain: domain, live: true, sinceReset: true))
            cachedDomains.insert(domainKey(family, domain))
            return .ok
        case .take(let family, let name), .read(let family, let name), .free(let family, let name):
            guard let handle = handles[name] else { return .refused(.forged) }
            guard handle.family == family else { return .refused(.wrongField) }
            guard handle.live else {
                switch operation {
                case .take: return .refused(.doubleTake)
                case .free: return .refused(.doubleFree)
                default: return .refused(.useAfterFree)
                }
            }
            if case .read = operation { return .data(reference.basis(family, domain: handle.domain)) }
            var released = handle
            released.live = false
            setHandle(name, released)
            if case .take = operation { return .data(reference.basis(family, domain: handle.domain)) }
            return .ok
        case .takeOtherField(_, let name):
            // Through the family the handle was not created in: refused as
            // wrong-field, live or not, and the handle is untouched.
            return handles[name] == nil ? .refused(.forged) : .refused(.wrongField)
        case .takeForged:
            return .refused(.forged)
        case .direct(let family, let domain):
            cachedDomains.insert(domainKey(family, domain))
            return .data(reference.basis(family, domain: domain))
        case .slotNew(let name):
            setSlot(name, Slot(value: 0, live: true, sinceReset: true))
            return .ok
        case .slotSet(let name, let value):
            guard let slot = slots[name], slot.live else { return .refused(.useAfterFree) }
            var updated = slot
            updated.value = value
            setSlot(name, updated)
            return .ok
        case .slotWait(let name):
            guard let slot = slots[name], slot.live else { return .refused(.useAfterFree) }
            return .data(UInt64(slot.value))
        case .slotFree(let name):
            guard let slot = slots[name], slot.live else { return .refused(.doubleFree) }
            var freed = slot
            freed.live = false
            setSlot(name, freed)
            return .ok
        case .poolInit(let threads):
            guard poolThreads == 0 else { return .refused(.poolAlreadyRunning) }
            poolThreads = threads
            poolSinceReset = true
            return .ok
        case .poolExit:
            guard poolThreads > 0 else { return .refused(.poolNotRunning) }
            poolThreads = 0
            return .ok
        case .reset:
            handles = handles.mapValues { handle in var old = handle; old.sinceReset = false; return old }
            slots = slots.mapValues { slot in var old = slot; old.sinceReset = false; return old }
            handleDigest = handles.reduce(0) { $0 &+ Self.entryHash($1.key, $1.value) }
            handleDigest2 = handles.reduce(0) { $0 &+ Self.entryHash($1.key, $1.value, salt: 1) }
            slotDigest = slots.reduce(0) { $0 &+ Self.entryHash($1.key, $1.value) }
            slotDigest2 = slots.reduce(0) { $0 &+ Self.entryHash($1.key, $1.value, salt: 1) }
            poolSinceReset = false
            return .ok
        case .assertLeaks:
            return .leaks(leakCount)
        case .lagrangeCommitment(let family, let domain, let index):
            cachedDomains.insert(domainKey(family, domain))
            guard index < ReferenceData.domainSize(domain) else { return .refused(.invalidArgument) }
            return .data(reference.commitment(family, domain: domain, index: index))
        case .maybeLagrangeCommitment(let family, let domain, let index):
            guard cachedDomains.contains(domainKey(family, domain)) else { return .absent }
            guard index < ReferenceData.domainSize(domain) else { return .refused(.invalidArgument) }
            return .data(reference.commitment(family, domain: domain, index: index))
        case .addLagrangeBasis(let family, let log2):
            cachedDomains.insert(domainKey(family, 1 << log2))
            return .ok
        case .getLagrangeBasis(let family, let domain):
            cachedDomains.insert(domainKey(family, domain))
            return .data(reference.basis(family, domain: domain))
        case .setLagrangeBasis(let family, let domain):
            cachedDomains.insert(domainKey(family, domain))
            return .ok
        case .commitEvaluations(let family, let domain, let seed):
            // Interpolates and commits the coefficients: no basis is cached.
            return .data(reference.commitEvaluations(family, domain: domain, seed: seed))
        case .bPolyCommitment(let family, let rounds):
            return .data(reference.bPoly(family, rounds: rounds))
        case .accumulators:
            return .flag(true)
        case .srsRoundTrip, .srsFile:
            return .ok
        }
    }
}
