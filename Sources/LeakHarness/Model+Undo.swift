extension Model {
    /// What a model state is, in O(1) space: the 128-bit digests of the
    /// handle and slot tables and the small fields whole. The
    /// linearizability memo keys on this instead of on the model, because
    /// a model kept in the memo shares its tables with the one the search
    /// is changing, and every change would then copy them (O(handles ever
    /// made) per node). Two different states agree with probability about
    /// 2^-128 per table.
    struct StateDigest: Hashable {
        var handles: Pair
        var slots: Pair
        var scalars: Scalars

        /// Two digests of one table.
        struct Pair: Hashable {
            var first: Int
            var second: Int
        }
    }

    var stateDigest: StateDigest {
        let digests = tableDigests
        return StateDigest(
            handles: .init(first: digests.handles.0, second: digests.handles.1),
            slots: .init(first: digests.slots.0, second: digests.slots.1), scalars: scalars
        )
    }

    /// Enough to put a model back as it was before one `apply`: the one
    /// handle or slot entry a step can change and the small fields, or,
    /// for `reset` (which touches every entry), the whole model.
    struct Undo {
        fileprivate var handle: (name: Int, value: Handle?)?
        fileprivate var slot: (name: Int, value: Slot?)?
        fileprivate var scalars: Scalars
        fileprivate var whole: Model?
    }

    /// Applies a step in place and returns what undoes it, so a search can
    /// try a step and back out of it without copying the model's tables.
    mutating func applyUndoably(_ operation: Operation) -> (outcome: Outcome, undo: Undo) {
        var undo = Undo(handle: nil, slot: nil, scalars: scalars, whole: nil)
        switch operation {
        case .pointer(_, _, let name), .take(_, let name), .read(_, let name), .free(_, let name), .takeOtherField(_, let name):
            undo.handle = (name, handles[name])
        case .slotNew(let name), .slotSet(let name, _), .slotWait(let name), .slotFree(let name):
            undo.slot = (name, slots[name])
        case .reset:
            undo.whole = self
        default:
            break
        }
        return (apply(operation), undo)
    }

    /// Puts the model back as it was before the `applyUndoably` that made `undo`.
    mutating func undo(_ undo: Undo) {
        if let whole = undo.whole {
            self = whole
            return
        }
        if let (name, value) = undo.handle { restoreHandle(name, value) }
        if let (name, value) = undo.slot { restoreSlot(name, value) }
        scalars = undo.scalars
    }
}
