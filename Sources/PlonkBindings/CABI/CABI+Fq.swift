// The caml_fq_srs_* exports: each forwards to CABIFieldCalls<Pallas>.
// fp and fq differ only in names; CABIExportFilesTests fails if they drift apart.
import CPlonkBindings
import Pasta

@_cdecl("caml_fq_srs_create")
func cabiFqCreate(_ depth: Int32, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    CABIFieldCalls<Pallas>.create(depth, out, parallel: false)
}

@_cdecl("caml_fq_srs_create_parallel")
func cabiFqCreateParallel(_ depth: Int32, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    CABIFieldCalls<Pallas>.create(depth, out, parallel: true)
}

@_cdecl("caml_fq_srs_retain")
func cabiFqRetain(_ srs: OpaquePointer?) -> Int32 {
    CABIFieldCalls<Pallas>.retain(srs)
}

@_cdecl("caml_fq_srs_free")
func cabiFqFree(_ srs: OpaquePointer?) -> Int32 {
    CABIFieldCalls<Pallas>.free(srs)
}

@_cdecl("caml_fq_srs_write")
func cabiFqWrite(_ append: Int32, _ srs: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
    CABIFieldCalls<Pallas>.write(append, srs, path)
}

@_cdecl("caml_fq_srs_read")
func cabiFqRead(_ offset: Int32, _ path: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    CABIFieldCalls<Pallas>.read(offset, path, out)
}

@_cdecl("caml_fq_srs_serialize")
func cabiFqSerialize(_ srs: OpaquePointer?, _ out: UnsafeMutablePointer<plonk_bytes>?) -> Int32 {
    CABIFieldCalls<Pallas>.serialize(srs, out)
}

@_cdecl("caml_fq_srs_deserialize")
func cabiFqDeserialize(_ bytes: UnsafePointer<UInt8>?, _ length: Int, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    CABIFieldCalls<Pallas>.deserialize(bytes, length, out)
}

@_cdecl("caml_fq_srs_get")
func cabiFqGet(_ srs: OpaquePointer?, _ out: UnsafeMutablePointer<plonk_points>?) -> Int32 {
    CABIFieldCalls<Pallas>.get(srs, out)
}

@_cdecl("caml_fq_srs_set")
func cabiFqSet(_ points: UnsafePointer<UInt8>?, _ count: Int, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
    CABIFieldCalls<Pallas>.set(points, count, out)
}

@_cdecl("caml_fq_srs_h")
func cabiFqH(_ srs: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> Int32 {
    CABIFieldCalls<Pallas>.h(srs, out)
}

@_cdecl("caml_fq_srs_add_lagrange_basis")
func cabiFqAddLagrangeBasis(_ srs: OpaquePointer?, _ log2Size: Int32) -> Int32 {
    CABIFieldCalls<Pallas>.addLagrangeBasis(srs, log2Size)
}

@_cdecl("caml_fq_srs_lagrange_commitment")
func cabiFqLagrangeCommitment(_ srs: OpaquePointer?, _ domain: Int32, _ index: Int32, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Pallas>.lagrangeCommitment(srs, domain, index, out)
}

@_cdecl("caml_fq_srs_maybe_lagrange_commitment")
func cabiFqMaybeLagrangeCommitment(_ srs: OpaquePointer?, _ domain: Int32, _ index: Int32, _ found: UnsafeMutablePointer<Int32>?, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Pallas>.maybeLagrangeCommitment(srs, domain, index, found, out)
}

@_cdecl("caml_fq_srs_set_lagrange_basis")
func cabiFqSetLagrangeBasis(_ srs: OpaquePointer?, _ domain: Int32, _ bases: UnsafePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Pallas>.setLagrangeBasis(srs, domain, bases)
}

@_cdecl("caml_fq_srs_get_lagrange_basis")
func cabiFqGetLagrangeBasis(_ srs: OpaquePointer?, _ domain: Int32, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Pallas>.getLagrangeBasis(srs, domain, out)
}

@_cdecl("caml_fq_srs_commit_evaluations")
func cabiFqCommitEvaluations(_ srs: OpaquePointer?, _ domain: Int32, _ evals: UnsafePointer<UInt8>?, _ count: Int, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Pallas>.commitEvaluations(srs, domain, evals, count, out)
}

@_cdecl("caml_fq_srs_b_poly_commitment")
func cabiFqBPolyCommitment(_ srs: OpaquePointer?, _ chals: UnsafePointer<UInt8>?, _ count: Int, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Pallas>.bPolyCommitment(srs, chals, count, out)
}

@_cdecl("caml_fq_srs_batch_accumulator_check")
func cabiFqBatchAccumulatorCheck(_ srs: OpaquePointer?, _ comms: UnsafePointer<UInt8>?, _ commsCount: Int, _ chals: UnsafePointer<UInt8>?, _ chalsCount: Int, _ ok: UnsafeMutablePointer<Int32>?) -> Int32 {
    CABIFieldCalls<Pallas>.batchAccumulatorCheck(srs, comms, commsCount, chals, chalsCount, ok)
}

@_cdecl("caml_fq_srs_batch_accumulator_generate")
func cabiFqBatchAccumulatorGenerate(_ srs: OpaquePointer?, _ comms: Int32, _ chals: UnsafePointer<UInt8>?, _ chalsCount: Int, _ out: UnsafeMutablePointer<plonk_points>?) -> Int32 {
    CABIFieldCalls<Pallas>.batchAccumulatorGenerate(srs, comms, chals, chalsCount, out)
}

@_cdecl("caml_fq_srs_lagrange_commitments_whole_domain_ptr")
func cabiFqLagrangeCommitmentsWholeDomainPtr(_ srs: OpaquePointer?, _ domain: Int32, _ out: UnsafeMutablePointer<UInt64>?) -> Int32 {
    CABIFieldCalls<Pallas>.wholeDomainPointer(srs, domain, out)
}

@_cdecl("caml_fq_srs_lagrange_commitments_whole_domain_take")
func cabiFqLagrangeCommitmentsWholeDomainTake(_ handle: UInt64, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Pallas>.take(handle, out)
}

@_cdecl("caml_fq_srs_lagrange_commitments_whole_domain_free")
func cabiFqLagrangeCommitmentsWholeDomainFree(_ handle: UInt64) -> Int32 {
    CABIFieldCalls<Pallas>.freeWholeDomain(handle)
}

@_cdecl("caml_fq_srs_lagrange_commitments_whole_domain_read_from_ptr")
func cabiFqLagrangeCommitmentsWholeDomainReadFromPtr(_ handle: UInt64, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Pallas>.readFromPointer(handle, out)
}

@_cdecl("caml_fq_srs_lagrange_commitments_whole_domain")
func cabiFqLagrangeCommitmentsWholeDomain(_ srs: OpaquePointer?, _ domain: Int32, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
    CABIFieldCalls<Pallas>.wholeDomain(srs, domain, out)
}
