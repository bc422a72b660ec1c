import Locking
import Synchronization

/// The checked-mode store behind handles: slots with generations.
///
/// Releasing a slot bumps its generation, so an old handle to it is
/// recognisably stale (a double take, a free after take, a read after free)
/// rather than a forgery, and can never reach the payload that replaced it.
/// Every operation holds the registry's lock for its whole check-and-act,
/// so when two threads race to release one handle exactly one wins.
final class HandleRegistry<Payload: Sendable>: Sendable {
    private struct Slot {
        var generation: UInt64 = 0
        var entry: (field: FieldFamily, payload: Payload, token: AllocationTracker.Token)?
    }

    private struct State {
        var slots: [Slot] = []
        var free: [Int] = []
    }

    private let kind: HandleKind
    private let releasesTwice: Bool
    private let state = Locked(State())

    init(kind: HandleKind, releasesTwice: Bool = false) {
        self.kind = kind
        self.releasesTwice = releasesTwice
    }

    /// Stores a payload and returns its handle.
    func insert(_ payload: Payload, field: FieldFamily, token: AllocationTracker.Token) -> Handle {
        state.withLock { state in
            let index: Int
            if let reused = state.free.popLast() {
                index = reused
            } else {
                state.slots.append(Slot())
                index = state.slots.count - 1
            }
            state.slots[index].entry = (field, payload, token)
            return CheckedHandleBits(field: field, kind: kind, generation: state.slots[index].generation, slot: index).handle
        }
    }

    /// Checks a handle and, if it is live, runs `act` on its payload inside
    /// the lock; `release` says whether the slot is freed afterwards.
    ///
    /// - Parameters:
    ///   - handle: the caller's handle.
    ///   - field: the family the call belongs to.
    ///   - staleMisuse: how to classify a released handle for this operation.
    ///   - release: whether a successful call frees the slot.
    /// - Returns: the payload and, when released, the tracker token to retire.
    func access(
        _ handle: Handle, field: FieldFamily, staleMisuse: MisuseKind, release: Bool
    ) -> Result<(payload: Payload, released: AllocationTracker.Token?), HandleError> {
        guard let bits = CheckedHandleBits(handle), bits.kind == kind else { return .failure(.forged) }
        guard bits.field == field else { return .failure(.wrongField(expected: field, actual: bits.field)) }
        return state.withLock { state in
            guard bits.slot < state.slots.count else { return .failure(.forged) }
            let slot = state.slots[bits.slot]
            // Generation g of a slot is issued when the slot is filled at g and
            // released when the slot moves to g + 1. So below the current
            // generation: issued and released; equal and filled: live; else
            // never issued. (Generations wrap after 2^30 reuses of one slot.)
            guard bits.generation == slot.generation, let entry = slot.entry else {
                return .failure(bits.generation < slot.generation ? .released(staleMisuse) : .forged)
            }
            if release && releasesTwice {
                // The planted fault: the payload is handed out and the slot left live.
                return .success((entry.payload, entry.token))
            }
            if release {
                state.slots[bits.slot].entry = nil
                state.slots[bits.slot].generation = (slot.generation + 1) & CheckedHandleBits.generationMask
                state.free.append(bits.slot)
                return .success((entry.payload, entry.token))
            }
            return .success((entry.payload, nil))
        }
    }

    /// Removes every live entry (used when the bindings object goes away),
    /// returning the tokens to retire.
    func drain() -> [AllocationTracker.Token] {
        state.withLock { state in
            var tokens = [AllocationTracker.Token]()
            for index in state.slots.indices {
                if let entry = state.slots[index].entry {
                    tokens.append(entry.token)
                    state.slots[index].entry = nil
                    state.slots[index].generation = (state.slots[index].generation + 1) & CheckedHandleBits.generationMask
                    state.free.append(index)
                }
            }
            return tokens
        }
    }
}
