import Pasta
public import PolyCommitment

/// A reference to an SRS held by a bindings caller (plonk-wasm's
/// `WasmFpSrs`/`WasmFqSrs`, an `Arc<SRS>`).
///
/// Reference counted: every copy of a handle shares one SRS, and when the
/// last reference goes the SRS, its cached Lagrange bases and its tracked
/// allocation are released together.
public final class SRSHandle<Curve: BindingsCurve>: Sendable {
    /// The SRS.
    public let srs: SRS<Curve>
    private let token: AllocationTracker.Token
    private let tracker: AllocationTracker

    init(_ srs: SRS<Curve>, tracker: AllocationTracker) {
        self.srs = srs
        self.tracker = tracker
        token = tracker.recordAllocation(.srsHandle, bytes: srs.g.count * MemoryLayout<AffinePoint<Curve>>.stride)
    }

    deinit {
        tracker.recordDeallocation(token)
    }
}
