/// Counters for one allocation kind.
public struct KindStats: Sendable, Equatable, Codable {
    /// Allocations made since the tracker was created.
    public var allocations = 0
    /// Deallocations since the tracker was created.
    public var deallocations = 0
    /// Allocations alive now.
    public var liveCount = 0
    /// Bytes alive now (estimated from the payload's shape).
    public var liveBytes = 0
    /// The most allocations alive at once.
    public var highWaterCount = 0
    /// The most bytes alive at once.
    public var highWaterBytes = 0
    /// Allocations alive now that were made since the last reset.
    public var leakedSinceReset = 0
}

/// Process-wide malloc counters from ordo-one/malloc-interposer, present
/// only when its library is preloaded (`LD_PRELOAD`).
public struct ProcessMallocStats: Sendable, Equatable, Codable {
    /// malloc-family calls counted.
    public var mallocCount: Int64
    /// Bytes they requested.
    public var mallocBytes: Int64
    /// free calls counted.
    public var freeCount: Int64
    /// Bytes freed.
    public var freeBytes: Int64

    /// Allocations not yet freed (while counting was on).
    public var outstandingCount: Int64 { mallocCount - freeCount }
    /// Bytes not yet freed.
    public var outstandingBytes: Int64 { mallocBytes - freeBytes }
}

/// A consistent snapshot of the tracker: every counter read under one lock.
public struct AllocationStats: Sendable, Equatable, Codable {
    /// Counters per kind.
    public var kinds: [AllocationKind: KindStats]
    /// Refused misuses per kind.
    public var misuses: [MisuseKind: Int]
    /// How many times tracking was reset.
    public var resets: Int
    /// Process-wide malloc counters, when malloc-interposer is preloaded.
    public var processMalloc: ProcessMallocStats?

    /// Tracked allocations alive now that were made since the last reset:
    /// plonk-wasm's `get_leaked_allocation_count`.
    public var leakedAllocationCount: Int { kinds.values.reduce(0) { $0 + $1.leakedSinceReset } }

    /// All misuses refused so far.
    public var misuseCount: Int { misuses.values.reduce(0, +) }

    /// Counters of one kind (zeros when none was seen).
    public subscript(kind: AllocationKind) -> KindStats { kinds[kind] ?? KindStats() }

    /// One line per kind with anything alive or leaked, then misuses.
    public var report: String {
        var lines = ["leaked allocations since reset: \(leakedAllocationCount)"]
        for kind in AllocationKind.allCases {
            let stats = self[kind]
            guard stats.allocations > 0 else { continue }
            lines.append("  \(kind.rawValue): leaked \(stats.leakedSinceReset), live \(stats.liveCount) (\(stats.liveBytes) bytes), allocated \(stats.allocations), freed \(stats.deallocations), high water \(stats.highWaterCount) (\(stats.highWaterBytes) bytes)")
        }
        for kind in MisuseKind.allCases where (misuses[kind] ?? 0) > 0 {
            lines.append("  misuse \(kind.rawValue): \(misuses[kind]!)")
        }
        if let malloc = processMalloc {
            lines.append("  process malloc (malloc-interposer): outstanding \(malloc.outstandingCount) allocations, \(malloc.outstandingBytes) bytes")
        }
        return lines.joined(separator: "\n")
    }
}
