/// Harness-level faults, planted to prove the oracle catches each kind of
/// bug. (Bindings-level faults live in `BindingsFault`.)
public enum PlantedFault: String, Sendable, Hashable, Codable, CaseIterable {
    /// End-of-program cleanup forgets `exit_thread_pool`.
    case forgetPoolExit = "forget-pool-exit"
    /// `free` after a `read` silently does nothing: a read handle never freed.
    case skipFreeAfterRead = "skip-free-after-read"
    /// `take` returns the basis of twice the domain.
    case takeReturnsWrongDomain = "take-wrong-domain"
}
