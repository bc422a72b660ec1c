import CPlonkBindings
import Pasta
import PolyCommitment
import Locking
import Synchronization

/// A C status, thrown inside the ABI layer and returned at its edge.
enum CABIError: Error {
    case status(Int32)
}

extension BindingsError {
    /// The C status for this error.
    var status: Int32 {
        switch self {
        case .invalidDepth, .invalidDomainSize, .commitment, .emptyPointList: return PLONK_ERR_INVALID_ARGUMENT
        case .io: return PLONK_ERR_IO
        case .notAnSRS: return PLONK_ERR_NOT_AN_SRS
        case .handle(.released): return PLONK_ERR_HANDLE_RELEASED
        case .handle(.forged): return PLONK_ERR_HANDLE_FORGED
        case .handle(.wrongField): return PLONK_ERR_HANDLE_WRONG_FIELD
        case .unsupportedInLegacy: return PLONK_ERR_UNSUPPORTED_IN_LEGACY
        case .pool: return PLONK_ERR_POOL
        case .timedOut: return PLONK_ERR_TIMED_OUT
        }
    }
}

/// Runs one ABI call: PLONK_OK, or the status of whatever it threw.
func cabiCall(_ body: () throws -> Void) -> Int32 {
    do {
        try body()
        return PLONK_OK
    } catch let error as BindingsError {
        return error.status
    } catch CABIError.status(let status) {
        return status
    } catch {
        return PLONK_ERR_INVALID_ARGUMENT
    }
}

/// The process-wide bindings the C ABI serves, with the tables that map C
/// pointers to Swift objects.
final class CABIRuntime: Sendable {
    let bindings: PlonkBindings
    let srsReferences = SRSReferenceTable()
    let exports = ExportTable()

    init(configuration: BindingsConfiguration) {
        bindings = PlonkBindings(configuration: configuration)
    }

    /// The bindings every C call uses.
    static var current: CABIRuntime { shared.withLock { $0 } }

    private static let shared = Locked(CABIRuntime(configuration: BindingsConfiguration()))

    /// Replaces the bindings when nothing is alive in the current ones.
    static func configure(_ configuration: BindingsConfiguration) throws(CABIError) {
        try shared.withLock { (runtime: inout CABIRuntime) throws(CABIError) in
            let stats = runtime.bindings.allocationStats
            let live = stats.kinds.values.reduce(0) { $0 + $1.liveCount }
            guard live == 0, runtime.srsReferences.isEmpty, runtime.exports.isEmpty else { throw .status(PLONK_ERR_BUSY) }
            runtime = CABIRuntime(configuration: configuration)
        }
    }

    func field<Curve: BindingsCurve>(_: Curve.Type) -> FieldBindings<Curve> {
        if let calls = bindings.fp as? FieldBindings<Curve> { return calls }
        return bindings.fq as! FieldBindings<Curve>  // BindingsCurve has exactly these two
    }

    /// Hands a buffer of bytes to C.
    func export(_ bytes: [UInt8]) -> UnsafeMutablePointer<UInt8>? {
        UnsafeCABIBuffers.export(bytes, tracker: bindings.tracker, exports: exports)
    }
}

/// The SRS references C holds: an opaque pointer per SRS, with a count.
/// Pointers are looked up, never dereferenced, so a stale or foreign one is
/// refused instead of crashing.
final class SRSReferenceTable: Sendable {
    private enum Entry {
        case fp(SRSHandle<Vesta>, references: Int)
        case fq(SRSHandle<Pallas>, references: Int)

        var references: Int {
            switch self {
            case .fp(_, let count), .fq(_, let count): return count
            }
        }

        func adding(_ delta: Int) -> Entry {
            switch self {
            case .fp(let handle, let count): return .fp(handle, references: count + delta)
            case .fq(let handle, let count): return .fq(handle, references: count + delta)
            }
        }
    }

    private let state = Locked<(live: [UInt: Entry], released: Set<UInt>)>(([:], []))

    var isEmpty: Bool { state.withLock { $0.live.isEmpty } }

    /// Registers one C reference to `handle` and returns its pointer.
    func insert<Curve: BindingsCurve>(_ handle: SRSHandle<Curve>) -> OpaquePointer {
        let address = UInt(bitPattern: ObjectIdentifier(handle))
        state.withLock { state in
            if let existing = state.live[address] {
                state.live[address] = existing.adding(1)
            } else if let fp = handle as? SRSHandle<Vesta> {
                state.live[address] = .fp(fp, references: 1)
            } else if let fq = handle as? SRSHandle<Pallas> {
                state.live[address] = .fq(fq, references: 1)
            }
            state.released.remove(address)
        }
        return OpaquePointer(bitPattern: address)!
    }

    /// The SRS behind a pointer, if it is a live one of this family.
    func lookup<Curve: BindingsCurve>(_ pointer: OpaquePointer?, _: Curve.Type, tracker: AllocationTracker) throws(CABIError) -> SRSHandle<Curve> {
        guard let pointer else { throw .status(PLONK_ERR_NULL_POINTER) }
        let address = UInt(bitPattern: pointer)
        let entry = state.withLock { $0.live[address] }
        switch entry {
        case .fp(let handle, _)?:
            if let match = handle as? SRSHandle<Curve> { return match }
        case .fq(let handle, _)?:
            if let match = handle as? SRSHandle<Curve> { return match }
        case nil:
            let released = state.withLock { $0.released.contains(address) }
            tracker.recordMisuse(released ? .useAfterFree : .forgedHandle)
            throw .status(released ? PLONK_ERR_HANDLE_RELEASED : PLONK_ERR_HANDLE_FORGED)
        }
        tracker.recordMisuse(.wrongField)
        throw .status(PLONK_ERR_HANDLE_WRONG_FIELD)
    }

    /// Adds (+1) or drops (−1) a reference; the last drop lets the SRS go.
    func adjust<Curve: BindingsCurve>(_ pointer: OpaquePointer?, _ curve: Curve.Type, by delta: Int, tracker: AllocationTracker) throws(CABIError) {
        _ = try lookup(pointer, curve, tracker: tracker)
        let address = UInt(bitPattern: pointer!)
        state.withLock { state in
            guard let entry = state.live[address] else { return }
            let updated = entry.adding(delta)
            if updated.references <= 0 {
                state.live[address] = nil
                state.released.insert(address)
            } else {
                state.live[address] = updated
            }
        }
    }
}

// MARK: - Runtime calls

@_cdecl("plonk_configure")
func cabiConfigure(_ mode: Int32, _ implementation: Int32) -> Int32 {
    cabiCall {
        guard let handleMode = [HandleMode.checked, .raw][safe: Int(mode)],
              let choice = [Implementation.fixed, .legacy][safe: Int(implementation)]
        else { throw CABIError.status(PLONK_ERR_INVALID_ARGUMENT) }
        try CABIRuntime.configure(BindingsConfiguration(mode: handleMode, implementation: choice))
    }
}

@_cdecl("plonk_status_name")
func cabiStatusName(_ status: Int32) -> UnsafePointer<CChar> {
    CABIStatusNames.name(status)
}

@_cdecl("init_thread_pool")
func cabiInitThreadPool(_ threads: Int32) -> Int32 {
    cabiCall { try CABIRuntime.current.bindings.initThreadPool(threads: Int(threads)) }
}

@_cdecl("exit_thread_pool")
func cabiExitThreadPool() -> Int32 {
    cabiCall { try CABIRuntime.current.bindings.exitThreadPool() }
}

@_cdecl("get_leaked_allocation_count")
func cabiLeakedAllocationCount() -> Int64 {
    Int64(CABIRuntime.current.bindings.leakedAllocationCount)
}

@_cdecl("get_misuse_count")
func cabiMisuseCount() -> Int64 {
    Int64(CABIRuntime.current.bindings.allocationStats.misuseCount)
}

@_cdecl("reset_allocation_tracking")
func cabiResetAllocationTracking() {
    CABIRuntime.current.bindings.resetAllocationTracking()
}

@_cdecl("log_allocation_stats")
func cabiLogAllocationStats() {
    CABIRuntime.current.bindings.logAllocationStats()
}

@_cdecl("create_zero_u32_ptr")
func cabiCreateZeroU32(_ out: UnsafeMutablePointer<UInt64>?) -> Int32 {
    cabiCall {
        guard out != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
        try UnsafeCABIBuffers.store(CABIRuntime.current.bindings.createZeroU32Slot().rawValue, into: out)
    }
}

@_cdecl("set_u32_ptr")
func cabiSetU32(_ slot: UInt64, _ value: UInt32) -> Int32 {
    cabiCall { try CABIRuntime.current.bindings.setU32(Handle(rawValue: slot), to: value) }
}

@_cdecl("wait_until_non_zero")
func cabiWaitUntilNonZero(_ slot: UInt64, _ out: UnsafeMutablePointer<UInt32>?) -> Int32 {
    cabiCall {
        guard out != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
        try UnsafeCABIBuffers.store(try CABIRuntime.current.bindings.waitUntilNonZero(Handle(rawValue: slot)), into: out)
    }
}

@_cdecl("wait_until_non_zero_timeout")
func cabiWaitUntilNonZeroTimeout(_ slot: UInt64, _ milliseconds: UInt32, _ out: UnsafeMutablePointer<UInt32>?) -> Int32 {
    cabiCall {
        guard out != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
        let value = try CABIRuntime.current.bindings.waitUntilNonZero(Handle(rawValue: slot), timeout: .milliseconds(Int64(milliseconds)))
        try UnsafeCABIBuffers.store(value, into: out)
    }
}

@_cdecl("free_u32_ptr")
func cabiFreeU32(_ slot: UInt64) -> Int32 {
    cabiCall { try CABIRuntime.current.bindings.freeU32Slot(Handle(rawValue: slot)) }
}

@_cdecl("plonk_poly_comms_free")
func cabiPolyCommsFree(_ comms: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    cabiCall {
        guard let comms else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
        let runtime = CABIRuntime.current
        try UnsafeCABIBuffers.releaseBuffer(comms.pointee.points, tracker: runtime.bindings.tracker, exports: runtime.exports)
        comms.pointee = plonk_poly_comms(count: 0, chunks: 0, points: nil)
    }
}

@_cdecl("plonk_points_free")
func cabiPointsFree(_ points: UnsafeMutablePointer<plonk_points>?) -> Int32 {
    cabiCall {
        guard let points else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
        let runtime = CABIRuntime.current
        try UnsafeCABIBuffers.releaseBuffer(points.pointee.points, tracker: runtime.bindings.tracker, exports: runtime.exports)
        points.pointee = plonk_points(count: 0, points: nil)
    }
}

@_cdecl("plonk_bytes_free")
func cabiBytesFree(_ bytes: UnsafeMutablePointer<plonk_bytes>?) -> Int32 {
    cabiCall {
        guard let bytes else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
        let runtime = CABIRuntime.current
        try UnsafeCABIBuffers.releaseBuffer(bytes.pointee.bytes, tracker: runtime.bindings.tracker, exports: runtime.exports)
        bytes.pointee = plonk_bytes(length: 0, bytes: nil)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
