import CPlonkBindings
import Pasta
import PolyCommitment

/// Every raw pointer the C ABI reads or writes goes through here. Each
/// function states what its C caller must guarantee; NULL is always
/// checked, lengths never are (C cannot tell us), which the header says.
enum UnsafeCABIBuffers {
    /// Copies `count` bytes from C. The caller guarantees `bytes` points to
    /// at least `count` readable bytes (or is NULL, refused).
    static func read(_ bytes: UnsafePointer<UInt8>?, count: Int) throws(CABIError) -> [UInt8] {
        guard count >= 0 else { throw .status(PLONK_ERR_INVALID_ARGUMENT) }
        if count == 0 { return [] }
        guard let bytes else { throw .status(PLONK_ERR_NULL_POINTER) }
        return Array(UnsafeBufferPointer(start: bytes, count: count))
    }

    /// A NUL-terminated path from C. The caller guarantees a valid C string.
    static func path(_ text: UnsafePointer<CChar>?) throws(CABIError) -> String {
        guard let text else { throw .status(PLONK_ERR_NULL_POINTER) }
        return String(cString: text)
    }

    /// Writes through an out-pointer. The caller guarantees it points to
    /// writable storage for one `T` (or is NULL, refused).
    static func store<T>(_ value: T, into pointer: UnsafeMutablePointer<T>?) throws(CABIError) {
        guard let pointer else { throw .status(PLONK_ERR_NULL_POINTER) }
        pointer.pointee = value
    }

    /// Copies bytes into a fresh tracked allocation that C will release with
    /// `releaseBuffer`. Returns the pointer (NULL for no bytes).
    static func export(_ bytes: [UInt8], tracker: AllocationTracker, exports: ExportTable) -> UnsafeMutablePointer<UInt8>? {
        if bytes.isEmpty { return nil }
        let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count)
        pointer.initialize(from: bytes, count: bytes.count)
        exports.insert(UInt(bitPattern: pointer), token: tracker.recordAllocation(.exportedBuffer, bytes: bytes.count))
        return pointer
    }

    /// Frees a buffer `export` made. An address the table does not know
    /// (never exported, or already released) is refused without touching it.
    static func releaseBuffer(_ pointer: UnsafeMutablePointer<UInt8>?, tracker: AllocationTracker, exports: ExportTable) throws(CABIError) {
        guard let pointer else { return }
        switch exports.remove(UInt(bitPattern: pointer)) {
        case .success(let token):
            pointer.deallocate()
            tracker.recordDeallocation(token)
        case .failure(let error):
            tracker.recordMisuse(error.misuse)
            throw .status(error == .forged ? PLONK_ERR_HANDLE_FORGED : PLONK_ERR_HANDLE_RELEASED)
        }
    }

    /// Reads a `plonk_poly_comms` the caller built. The caller guarantees
    /// `points` holds count × chunks × 33 bytes.
    static func readPolyComms(_ comms: UnsafePointer<plonk_poly_comms>?) throws(CABIError) -> (count: Int, chunks: Int, bytes: [UInt8]) {
        guard let comms else { throw .status(PLONK_ERR_NULL_POINTER) }
        let value = comms.pointee
        let (total, overflow) = value.count.multipliedReportingOverflow(by: value.chunks)
        guard !overflow, total <= Int.max / 33 else { throw .status(PLONK_ERR_INVALID_ARGUMENT) }
        return (value.count, value.chunks, try read(UnsafePointer(value.points), count: total * 33))
    }
}

/// Addresses of buffers handed to C, with their tracker tokens; also the
/// released ones, so a second free is told apart from a forged pointer.
final class ExportTable: Sendable {
    private let state = Locked<(live: [UInt: AllocationTracker.Token], released: Set<UInt>)>(([:], []))

    func insert(_ address: UInt, token: AllocationTracker.Token) {
        state.withLock {
            $0.live[address] = token
            $0.released.remove(address)
        }
    }

    func remove(_ address: UInt) -> Result<AllocationTracker.Token, HandleError> {
        state.withLock { state in
            if let token = state.live.removeValue(forKey: address) {
                state.released.insert(address)
                return .success(token)
            }
            return .failure(state.released.contains(address) ? .released(.doubleFree) : .forged)
        }
    }

    var isEmpty: Bool { state.withLock { $0.live.isEmpty } }
}

import Locking
import Synchronization
