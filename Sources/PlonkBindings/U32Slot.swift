import Foundation

/// plonk-wasm's u32 slot: a word one thread sets and another waits on, the
/// way o1js hands pointers between a web worker and the main thread.
///
/// plonk-wasm spins on a volatile read; this waits on a condition variable,
/// so a waiter sleeps instead of burning a core and can time out.
final class U32Slot: @unchecked Sendable {
    // @unchecked: `value` is only touched with `condition` locked.
    private let condition = NSCondition()
    private var value: UInt32 = 0

    /// Sets the word and wakes every waiter.
    func set(_ newValue: UInt32) {
        condition.lock()
        value = newValue
        condition.broadcast()
        condition.unlock()
    }

    /// The word now, without waiting.
    var current: UInt32 {
        condition.lock()
        defer { condition.unlock() }
        return value
    }

    /// Waits until the word is nonzero.
    ///
    /// - Parameter timeout: how long at most; nil waits for ever.
    /// - Returns: the word, or nil when the time ran out.
    func waitUntilNonZero(timeout: Duration?) -> UInt32? {
        let deadline = timeout.map { Date().addingTimeInterval(Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18) }
        condition.lock()
        defer { condition.unlock() }
        while value == 0 {
            if let deadline {
                if !condition.wait(until: deadline) && value == 0 { return nil }
            } else {
                condition.wait()
            }
        }
        return value
    }
}
