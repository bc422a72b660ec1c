// The caml_fp_srs_* exports: each forwards to CABIFieldCalls<Vesta>.
// fp and fq differ only in names; CABIExportFilesTests fails if they drift apart.
import CPlonkBindings
import Pasta

@_cdecl("caml_fp_srs_create")
func cabiFpCreate(_ depth: Int32, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    CABIFieldCalls<Vesta>.create(depth, out, parallel: false)
}

@_cdecl("caml_fp_srs_create_parallel")
func cabiFpCreateParallel(_ depth: Int32, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    CABIFieldCalls<Vesta>.create(depth, out, parallel: true)
}

@_cdecl("caml_fp_srs_retain")
func cabiFpRetain(_ srs: OpaquePointer?) -> Int32 {
    CABIFieldCalls<Vesta>.retain(srs)
}

@_cdecl("caml_fp_srs_free")
func cabiFpFree(_ srs: OpaquePointer?) -> Int32 {
    CABIFieldCalls<Vesta>.free(srs)
}

@_cdecl("caml_fp_srs_write")
func cabiFpWrite(_ append: Int32, _ srs: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    CABIFieldCalls<Vesta>.write(append, srs, path)
}

@_cdecl("caml_fp_srs_read")
func cabiFpRead(_ offset: Int32, _ path: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    CABIFieldCalls<Vesta>.read(offset, path, out)
}

@_cdecl("caml_fp_srs_serialize")
func cabiFpSerialize(_ srs: OpaquePointer?, _ out: UnsafeMutablePointer<plonk_bytes>?) -> Int32 {
    CABIFieldCalls<Vesta>.serialize(srs, out)
}

@_cdecl("caml_fp_srs_deserialize")
func cabiFpDeserialize(_ bytes: UnsafePointer<UInt8>?, _ length: Int, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    CABIFieldCalls<Vesta>.deserialize(bytes, length, out)
}

@_cdecl("caml_fp_srs_get")
func cabiFpGet(_ srs: OpaquePointer?, _ out: UnsafeMutablePointer<plonk_points>?) -> Int32 {
    CABIFieldCalls<Vesta>.get(srs, out)
}

@_cdecl("caml_fp_srs_set")
func cabiFpSet(_ points: UnsafePointer<UInt8>?, _ count: Int, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    CABIFieldCalls<Vesta>.set(points, count, out)
}

@_cdecl("caml_fp_srs_h")
func cabiFpH(_ srs: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> Int32 {
    CABIFieldCalls<Vesta>.h(srs, out)
}

@_cdecl("caml_fp_srs_add_lagrange_basis")
func cabiFpAddLagrangeBasis(_ srs: OpaquePointer?, _ log2Size: Int32) -> Int32 {
    CABIFieldCalls<Vesta>.addLagrangeBasis(srs, log2Size)
}

@_cdecl("caml_fp_srs_lagrange_commitment")
func cabiFpLagrangeCommitment(_ srs: OpaquePointer?, _ domain: Int32, _ index: Int32, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Vesta>.lagrangeCommitment(srs, domain, index, out)
}

@_cdecl("caml_fp_srs_maybe_lagrange_commitment")
func cabiFpMaybeLagrangeCommitment(_ srs: OpaquePointer?, _ domain: Int32, _ index: Int32, _ found: UnsafeMutablePointer<Int32>?, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Vesta>.maybeLagrangeCommitment(srs, domain, index, found, out)
}

@_cdecl("caml_fp_srs_set_lagrange_basis")
func cabiFpSetLagrangeBasis(_ srs: OpaquePointer?, _ domain: Int32, _ bases: UnsafePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Vesta>.setLagrangeBasis(srs, domain, bases)
}

@_cdecl("caml_fp_srs_get_lagrange_basis")
func cabiFpGetLagrangeBasis(_ srs: OpaquePointer?, _ domain: Int32, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Vesta>.getLagrangeBasis(srs, domain, out)
}

@_cdecl("caml_fp_srs_commit_evaluations")
func cabiFpCommitEvaluations(_ srs: OpaquePointer?, _ domain: Int32, _ evals: UnsafePointer<UInt8>?, _ count: Int, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Vesta>.commitEvaluations(srs, domain, evals, count, out)
}

@_cdecl("caml_fp_srs_b_poly_commitment")
func cabiFpBPolyCommitment(_ srs: OpaquePointer?, _ chals: UnsafePointer<UInt8>?, _ count: Int, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Vesta>.bPolyCommitment(srs, chals, count, out)
}

@_cdecl("caml_fp_srs_batch_accumulator_check")
func cabiFpBatchAccumulatorCheck(_ srs: OpaquePointer?, _ comms: UnsafePointer<UInt8>?, _ commsCount: Int, _ chals: UnsafePointer<UInt8>?, _ chalsCount: Int, _ ok: UnsafeMutablePointer<Int32>?) -> Int32 {
    CABIFieldCalls<Vesta>.batchAccumulatorCheck(srs, comms, commsCount, chals, chalsCount, ok)
}

@_cdecl("caml_fp_srs_batch_accumulator_generate")
func cabiFpBatchAccumulatorGenerate(_ srs: OpaquePointer?, _ comms: Int32, _ chals: UnsafePointer<UInt8>?, _ chalsCount: Int, _ out: UnsafeMutablePointer<plonk_points>?) -> Int32 {
    CABIFieldCalls<Vesta>.batchAccumulatorGenerate(srs, comms, chals, chalsCount, out)
}

@_cdecl("caml_fp_srs_lagrange_commitments_whole_domain_ptr")
func cabiFpLagrangeCommitmentsWholeDomainPtr(_ srs: OpaquePointer?, _ domain: Int32, _ out: UnsafeMutablePointer<UInt64>?) -> Int32 {
    CABIFieldCalls<Vesta>.wholeDomainPointer(srs, domain, out)
}

@_cdecl("caml_fp_srs_lagrange_commitments_whole_domain_take")
func cabiFpLagrangeCommitmentsWholeDomainTake(_ handle: UInt64, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Vesta>.take(handle, out)
}

@_cdecl("caml_fp_srs_lagrange_commitments_whole_domain_free")
func cabiFpLagrangeCommitmentsWholeDomainFree(_ handle: UInt64) -> Int32 {
    CABIFieldCalls<Vesta>.freeWholeDomain(handle)
}

@_cdecl("caml_fp_srs_lagrange_commitments_whole_domain_read_from_ptr")
func cabiFpLagrangeCommitmentsWholeDomainReadFromPtr(_ handle: UInt64, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Vesta>.readFromPointer(handle, out)
}

@_cdecl("caml_fp_srs_lagrange_commitments_whole_domain")
func cabiFpLagrangeCommitmentsWholeDomain(_ srs: OpaquePointer?, _ domain: Int32, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Vesta>.wholeDomain(srs, domain, out)
}
