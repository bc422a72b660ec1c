public import Pasta
import Locking
import Synchronization

/// Lagrange bases per domain size, shared by every thread that holds the SRS
/// (kimchi's `HashMapCache` with `get_or_generate` and `set_once`).
///
/// Each domain size has its own cell with two locks. The value lock guards
/// the stored basis and is only ever held for a moment (to read or store
/// it). The compute lock is held while a basis is computed: the first
/// thread to find the cell empty computes under it, and every other thread
/// asking for the same size blocks on it and then reads the result. So a
/// basis is computed once even when many threads ask at the same moment,
/// threads asking for other sizes are not held up, and `ready` never
/// mistakes a thread reading a finished basis for one still computing it
/// (the linearizability check of the leak harness found that confusion when
/// one lock did both jobs).
///
/// Its methods are specialized for both curves: the bindings reach them
/// from generic code in another module, where every use of a type built
/// on `Curve` (the table, its cells, optional bases, the closures) looked
/// up runtime metadata, about a tenth of the leak harness's cheap steps.
final class LagrangeBasisCache<Curve: PastaCurve>: Sendable {
    private final class Cell: Sendable {
        let value = Locked<[PolyComm<Curve>]?>(nil)
        /// Held while this size's basis is computed; guards how many times
        /// it was (0 or 1). Not `Locked<Void>`: the access to a zero-sized
        /// value lies one past the end of the lock's object, where
        /// ThreadSanitizer takes it for a race with whatever was allocated
        /// next (it reported one in the harness's free schedule).
        let computing = Locked<Int>(0)
    }

    private let cells = Locked<[Int: Cell]>([:])
    private let computationCount = Atomic<Int>(0)

    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    private func cell(_ size: Int) -> Cell {
        cells.withLock { table in
            if let existing = table[size] { return existing }
            let created = Cell()
            table[size] = created
            return created
        }
    }

    /// The basis for `size`, computing it with `compute` if nobody has.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    func basis(size: Int, compute: () -> [PolyComm<Curve>]) -> [PolyComm<Curve>] {
        let cell = cell(size)
        if let stored = cell.value.withLock({ $0 }) { return stored }
        return cell.computing.withLock { computations in
            if let stored = cell.value.withLock({ $0 }) { return stored }
            computations += 1
            computationCount.add(1, ordering: .relaxed)
            let computed = compute()
            cell.value.withLock { $0 = computed }
            return computed
        }
    }

    /// Stores a basis unless one is already there; returns whether it was stored.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    func setOnce(size: Int, _ basis: [PolyComm<Curve>]) -> Bool {
        let cell = cell(size)
        return cell.computing.withLock { _ in
            cell.value.withLock { stored in
                if stored != nil { return false }
                stored = basis
                return true
            }
        }
    }

    /// The basis if it is ready now; never computes and never waits for a
    /// computation in progress.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    func ready(size: Int) -> [PolyComm<Curve>]? {
        guard let cell = cells.withLock({ $0[size] }) else { return nil }
        return cell.value.withLock { $0 }
    }

    /// How many bases this cache has computed (not counting `setOnce`).
    var computations: Int { computationCount.load(ordering: .relaxed) }

    /// The domain sizes with a ready basis.
    var readySizes: [Int] {
        let table = cells.withLock { $0 }
        return table.compactMap { size, cell in cell.value.withLock { $0 } == nil ? nil : size }.sorted()
    }
}
