/// How handles handed to callers are made.
public enum HandleMode: String, Sendable, CaseIterable, Codable {
    /// A handle is a registry slot plus a generation: misuse of any kind is
    /// refused with a typed error and counted, and freed memory is never touched.
    case checked
    /// A handle is the real heap address, like Rust's `Box::into_raw`:
    /// misuse is undefined behaviour. Sanitizer and valgrind runs use this
    /// mode to show what those tools catch.
    case raw
}

/// Which ownership semantics the whole-domain calls have.
public enum Implementation: String, Sendable, CaseIterable, Codable {
    /// The fix: `take` and `free` release; `read_from_ptr` copies and leaves
    /// the allocation alive (the caller still owes a take or a free).
    case fixed
    /// plonk-wasm before the fix, reproduced exactly: `read_from_ptr` copies
    /// and then frees the allocation while the caller still holds the
    /// handle, and there is no `take` or `free`. Shipped so users can watch
    /// the harness catch it.
    case legacy
}

/// The bindings' settings, fixed for the lifetime of a `PlonkBindings`.
public struct BindingsConfiguration: Sendable, Equatable, Codable {
    /// How handles are made.
    public var mode: HandleMode
    /// Which semantics the whole-domain calls have.
    public var implementation: Implementation
    /// Deliberate bugs, for proving that the harness catches them. Empty in
    /// every real use.
    @_spi(FaultInjection) public var faults: Set<BindingsFault> = []

    /// Creates a configuration; the defaults are the safe ones.
    public init(mode: HandleMode = .checked, implementation: Implementation = .fixed) {
        self.mode = mode
        self.implementation = implementation
    }
}

/// A deliberate bug the bindings can be built with, to test the harness.
@_spi(FaultInjection)
public enum BindingsFault: String, Sendable, Hashable, Codable, CaseIterable {
    /// The checked registry releases a handle without retiring it, so a
    /// second (or racing) take of the same handle also succeeds.
    case registryReleasesTwice = "registry-releases-twice"
}
