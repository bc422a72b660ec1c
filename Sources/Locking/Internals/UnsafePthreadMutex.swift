#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The raw pthread mutex behind `Locked`: the only place this module makes a
/// system call or holds a raw pointer.
///
/// The `pthread_mutex_t` lives in its own heap allocation because POSIX
/// forbids moving one after initialisation, and Swift may move stored
/// properties of value types.
struct UnsafePthreadMutex: @unchecked Sendable {
    // @unchecked: the pointer is shared on purpose; pthread functions are
    // what make concurrent use of it safe.
    private let pointer: UnsafeMutablePointer<pthread_mutex_t>

    /// A new, unlocked mutex. The caller must call `destroy` exactly once,
    /// when no thread holds or waits for it.
    init() {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: pthread_mutex_t())
        let status = pthread_mutex_init(pointer, nil)
        precondition(status == 0, "pthread_mutex_init failed with \(status)")
    }

    /// Blocks until this thread holds the mutex. The caller must not hold it
    /// already and must call `unlock` on the same thread.
    func lock() {
        let status = pthread_mutex_lock(pointer)
        precondition(status == 0, "pthread_mutex_lock failed with \(status)")
    }

    /// Releases the mutex. The caller must hold it.
    func unlock() {
        let status = pthread_mutex_unlock(pointer)
        precondition(status == 0, "pthread_mutex_unlock failed with \(status)")
    }

    /// Destroys and frees the mutex. The caller must guarantee nobody holds
    /// it, waits for it or uses it afterwards.
    func destroy() {
        pthread_mutex_destroy(pointer)
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }
}
