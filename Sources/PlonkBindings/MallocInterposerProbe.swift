import CPlonkBindings

/// Reads ordo-one/malloc-interposer's process-wide counters when its library
/// was preloaded (`LD_PRELOAD=…/libMallocInterposerSwift.so`); otherwise
/// reports nothing. Looked up at run time so that linking this module never
/// changes the process's allocator.
enum MallocInterposerProbe {
    /// Turns counting on, if the interposer is present; returns whether it is.
    @discardableResult
    static func enable() -> Bool {
        plonk_shim_malloc_interposer_enable() == 1
    }

    /// LeakSanitizer's recoverable check: nil without LSan, else whether it reported leaks.
    static func sanitizerReportsLeaks() -> Bool? {
        switch plonk_shim_lsan_recoverable_leak_check() {
        case -1: return nil
        case 0: return false
        default: return true
        }
    }

    /// The counters, or nil when the interposer is not loaded.
    static func statistics() -> ProcessMallocStats? {
        var mallocCount: Int64 = 0, mallocBytes: Int64 = 0, freeCount: Int64 = 0, freeBytes: Int64 = 0
        guard plonk_shim_malloc_interposer_stats(&mallocCount, &mallocBytes, &freeCount, &freeBytes) == 1 else { return nil }
        return ProcessMallocStats(mallocCount: mallocCount, mallocBytes: mallocBytes, freeCount: freeCount, freeBytes: freeBytes)
    }
}
