/// A value that is only ever touched with its lock held.
///
/// The package's one lock. It stands in for the standard library's
/// `Synchronization.Mutex`, which on Linux takes its contended path through
/// futex calls inside the Swift runtime: ThreadSanitizer cannot see that
/// synchronization, so every contended `Mutex` reads as a data race to it
/// (a two-thread counter under `Mutex.withLock` is reported, and runs ~1000×
/// slower under TSan). A pthread mutex is what TSan, valgrind's helgrind and
/// every other tool understand, so the concurrency checks in
/// `ci/sanitize.sh` see the real happens-before edges; uncontended it costs
/// about what `Mutex` does.
///
/// Give it a value with a size: ThreadSanitizer places the access to a
/// zero-sized value (`Locked<Void>`) one past the end of this object and
/// reports a race with whatever the allocator put next.
public final class Locked<Value: ~Copyable>: @unchecked Sendable {
    // @unchecked: `value` is only read or written between `lock` and
    // `unlock` of `mutex`, which is what makes sharing it sound.
    private let mutex = UnsafePthreadMutex()
    private var value: Value

    /// - Parameter initialValue: the value the lock guards.
    public init(_ initialValue: consuming Value) {
        value = initialValue
    }

    deinit { mutex.destroy() }

    /// Runs `body` with exclusive access to the value.
    ///
    /// - Parameter body: must not call `withLock` on this same instance
    ///   (the mutex is not recursive; it would deadlock).
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws; the lock is released either way.
    public func withLock<Result: ~Copyable, Failure: Error>(
        _ body: (inout Value) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        mutex.lock()
        defer { mutex.unlock() }
        return try body(&value)
    }
}
