#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Joinable threads, through pthreads: the pool's workers must be really
/// joined on exit (Foundation's `Thread` cannot be joined). The only raw
/// system calls of this module are here.
enum UnsafeThreads {
    /// A started thread.
    struct Thread: Sendable, Equatable {
        fileprivate let id: pthread_t
    }

    private final class Start {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    /// Starts a thread running `body`.
    ///
    /// - Returns: the thread, or nil when the system refused (no resources).
    ///   The caller must pass a returned thread to `join` exactly once.
    static func spawn(_ body: @escaping @Sendable () -> Void) -> Thread? {
        let context = Unmanaged.passRetained(Start(body)).toOpaque()
        var id = pthread_t()
        let result = pthread_create(&id, nil, { context in
            // The context is the retained Start passed above; take it back exactly once.
            let start = Unmanaged<Start>.fromOpaque(context!).takeRetainedValue()
            start.body()
            return nil
        }, context)
        guard result == 0 else {
            Unmanaged<Start>.fromOpaque(context).release()
            return nil
        }
        return Thread(id: id)
    }

    /// Waits for a thread to finish. The caller must not join the same
    /// thread twice, nor a thread from itself.
    static func join(_ thread: Thread) {
        pthread_join(thread.id, nil)
    }

    /// The calling thread.
    static var current: Thread { Thread(id: pthread_self()) }
}
