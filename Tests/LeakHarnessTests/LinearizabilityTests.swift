@testable import LeakHarness
import Testing

/// The Wing–Gong search on hand-built histories: one that needs
/// backtracking, one that no order explains, and one long enough that a
/// recursive search would overflow a task's stack.
@Suite("Linearizability checker")
struct LinearizabilityTests {
    let model = Model(reference: ReferenceData(depth: 2))

    func event(_ step: Int, _ operation: Operation, _ start: UInt64, _ end: UInt64, _ outcome: Outcome) -> HistoryEvent {
        HistoryEvent(step: step, operation: operation, start: start, end: end, outcome: outcome)
    }

    /// Two overlapping sets of one slot and a later wait that saw the first
    /// set's value: the search tries the sets in start order, finds the
    /// wait fails, and must back out to put them the other way round.
    func overlappingSets(waitSees value: UInt64) -> [HistoryEvent] {
        [
            event(0, .slotNew(slot: 0), 0, 1, .ok),
            event(1, .slotSet(slot: 0, value: 1), 2, 10, .ok),
            event(2, .slotSet(slot: 0, value: 2), 3, 10, .ok),
            event(3, .slotWait(slot: 0), 20, 30, .data(value)),
        ]
    }

    @Test("a history linearizable only in the order the search tries second is found, and the model left as that order leaves it")
    func backtracking() {
        guard case .linearizable(let final) = LinearizabilityChecker.check(overlappingSets(waitSees: 1), model: model) else {
            Issue.record("not found linearizable")
            return
        }
        var expected = model
        for operation: Operation in [.slotNew(slot: 0), .slotSet(slot: 0, value: 2), .slotSet(slot: 0, value: 1)] { _ = expected.apply(operation) }
        #expect(final == expected)
    }

    @Test("a history no order explains is refused, naming the step that failed")
    func refusal() {
        guard case .notLinearizable(let prefix, let failing) = LinearizabilityChecker.check(overlappingSets(waitSees: 3), model: model) else {
            Issue.record("found linearizable or inconclusive")
            return
        }
        #expect(failing == 3)
        #expect(prefix.count == 3)
    }

    @Test("undo puts the model back exactly after every kind of step")
    func undo() {
        var state = model
        _ = state.apply(.pointer(.fp, domain: 2, handle: 0))
        _ = state.apply(.slotNew(slot: 1))
        let operations: [Operation] = [
            .pointer(.fq, domain: 2, handle: 5), .take(.fp, handle: 0), .read(.fp, handle: 0), .free(.fp, handle: 0),
            .slotNew(slot: 2), .slotSet(slot: 1, value: 9), .slotFree(slot: 1), .poolInit(threads: 2), .direct(.fq, domain: 2), .reset, .takeForged(.fp),
        ]
        for operation in operations {
            var changed = state
            let (_, undo) = changed.applyUndoably(operation)
            changed.undo(undo)
            #expect(changed == state, "\(operation)")
            #expect(changed.stateDigest == state.stateDigest, "\(operation)")
        }
    }

    @Test("a 40,000-call history is checked on a task's stack")
    func longHistory() async {
        var events: [HistoryEvent] = [event(0, .slotNew(slot: 0), 0, 1, .ok)]
        for i in 1..<40_000 {
            let t = UInt64(i) * 4
            events.append(i % 2 == 1 ? event(i, .slotSet(slot: 0, value: UInt32(i % 97)), t, t + 2, .ok) : event(i, .slotWait(slot: 0), t, t + 2, .data(UInt64((i - 1) % 97))))
        }
        let verdict = await Task.detached { LinearizabilityChecker.check(events, model: model) }.value
        guard case .linearizable = verdict else {
            Issue.record("a sequential history was not found linearizable")
            return
        }
    }
}
