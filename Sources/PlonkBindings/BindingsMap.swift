/// Every call of the bindings surface with its plonk-wasm name: the one
/// place in Swift where those names are spelled, besides the C ABI.
public enum BindingsCall: String, Sendable, CaseIterable, Codable {
    case create, createParallel, addLagrangeBasis, write, read, serialize, deserialize
    case get, set, h, lagrangeCommitment, maybeLagrangeCommitment, setLagrangeBasis, getLagrangeBasis
    case commitEvaluations, bPolyCommitment, batchAccumulatorCheck, batchAccumulatorGenerate
    case wholeDomainPointer, wholeDomainTake, wholeDomainFree, wholeDomainReadFromPointer, wholeDomain
    case createZeroU32Pointer, setU32Pointer, waitUntilNonZero, freeU32Pointer
    case initThreadPool, exitThreadPool
    case leakedAllocationCount, resetAllocationTracking, logAllocationStats

    /// Whether the call exists once per field family (`caml_fp_srs_…`, `caml_fq_srs_…`).
    public var isPerField: Bool { plonkWasmSuffix != nil }

    /// The part after `caml_<f>_srs_` for per-field calls.
    private var plonkWasmSuffix: String? {
        switch self {
        case .create: return "create"
        case .createParallel: return "create_parallel"
        case .addLagrangeBasis: return "add_lagrange_basis"
        case .write: return "write"
        case .read: return "read"
        case .serialize: return "serialize"
        case .deserialize: return "deserialize"
        case .get: return "get"
        case .set: return "set"
        case .h: return "h"
        case .lagrangeCommitment: return "lagrange_commitment"
        case .maybeLagrangeCommitment: return "maybe_lagrange_commitment"
        case .setLagrangeBasis: return "set_lagrange_basis"
        case .getLagrangeBasis: return "get_lagrange_basis"
        case .commitEvaluations: return "commit_evaluations"
        case .bPolyCommitment: return "b_poly_commitment"
        case .batchAccumulatorCheck: return "batch_accumulator_check"
        case .batchAccumulatorGenerate: return "batch_accumulator_generate"
        case .wholeDomainPointer: return "lagrange_commitments_whole_domain_ptr"
        case .wholeDomainTake: return "lagrange_commitments_whole_domain_take"
        case .wholeDomainFree: return "lagrange_commitments_whole_domain_free"
        case .wholeDomainReadFromPointer: return "lagrange_commitments_whole_domain_read_from_ptr"
        case .wholeDomain: return "lagrange_commitments_whole_domain"
        default: return nil
        }
    }

    /// The plonk-wasm name, for a field family when the call has one per family.
    ///
    /// - Parameter family: which family; ignored for process-wide calls.
    public func plonkWasmName(_ family: FieldFamily = .fp) -> String {
        if let suffix = plonkWasmSuffix { return "caml_\(family.rawValue)_srs_\(suffix)" }
        switch self {
        case .createZeroU32Pointer: return "create_zero_u32_ptr"
        case .setU32Pointer: return "set_u32_ptr"
        case .waitUntilNonZero: return "wait_until_non_zero"
        case .freeU32Pointer: return "free_u32_ptr"
        case .initThreadPool: return "init_thread_pool"
        case .exitThreadPool: return "exit_thread_pool"
        case .leakedAllocationCount: return "get_leaked_allocation_count"
        case .resetAllocationTracking: return "reset_allocation_tracking"
        case .logAllocationStats: return "log_allocation_stats"
        default: return rawValue
        }
    }
}
