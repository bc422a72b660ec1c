/// What a tracked allocation holds; the leak report says which kind leaked.
public enum AllocationKind: String, Sendable, CaseIterable, Codable {
    /// A whole-domain Lagrange basis boxed behind a handle
    /// (`lagrange_commitments_whole_domain_ptr`).
    case wholeDomainBuffer = "whole-domain-buffer"
    /// A u32 slot (`create_zero_u32_ptr`).
    case u32Slot = "u32-slot"
    /// A live SRS object behind one or more references.
    case srsHandle = "srs-handle"
    /// A worker thread of the pool (`init_thread_pool`).
    case poolThread = "pool-thread"
    /// A result buffer handed to a C caller, released with `plonk_buffer_free`.
    case exportedBuffer = "exported-buffer"
}

/// A way a caller misused a handle; each is refused and counted.
public enum MisuseKind: String, Sendable, CaseIterable, Codable {
    /// `take` of a handle already taken or freed.
    case doubleTake = "double-take"
    /// `free` of a handle already taken or freed.
    case doubleFree = "double-free"
    /// `read_from_ptr` (or a u32 slot operation) on a handle already released.
    case useAfterFree = "use-after-free"
    /// A value that was never issued as a handle (or is of the wrong kind).
    case forgedHandle = "forged-handle"
    /// A handle of the other field's SRS family.
    case wrongField = "wrong-field"
}
