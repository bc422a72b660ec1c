public import Pasta
public import PolyCommitment

/// One field family of plonk-wasm's SRS bindings: `caml_fp_srs_*` for Vesta
/// or `caml_fq_srs_*` for Pallas. `BindingsMap` lists each call's
/// plonk-wasm name.
public struct FieldBindings<Curve: BindingsCurve>: Sendable {
    let core: BindingsCore

    /// The largest depth accepted: beyond it a call would only exhaust memory.
    public static var maximumDepth: Int { 1 << 24 }
    /// The largest domain accepted, for the same reason.
    public static var maximumDomainSize: Int { 1 << 21 }

    private var family: FieldFamily { Curve.family }

    // MARK: SRS lifecycle

    /// `create(depth)`: kimchi's `SRS::create`.
    ///
    /// - Throws: `BindingsError.invalidDepth` outside 0…`maximumDepth`.
    public func create(depth: Int) throws(BindingsError) -> SRSHandle<Curve> {
        try checkDepth(depth)
        return handle(try! SRS<Curve>.create(depth: depth))  // depth checked above
    }

    /// `create_parallel(depth)`: the same points, computed in parallel.
    ///
    /// - Throws: `BindingsError.invalidDepth` outside 0…`maximumDepth`.
    public func createParallel(depth: Int) throws(BindingsError) -> SRSHandle<Curve> {
        try checkDepth(depth)
        return handle(try! SRS<Curve>.createParallel(depth: depth))  // depth checked above
    }

    /// `set(h_and_gs)`: an SRS from h followed by the g's (kimchi's `SRS::new`).
    ///
    /// - Throws: `BindingsError.emptyPointList` without h.
    public func set(_ hAndGs: [AffinePoint<Curve>]) throws(BindingsError) -> SRSHandle<Curve> {
        guard let h = hAndGs.first else { throw .emptyPointList }
        return handle(SRS(g: Array(hAndGs.dropFirst()), h: h))
    }

    /// `get(srs)`: h, then the g's.
    public func get(_ srs: SRSHandle<Curve>) -> [AffinePoint<Curve>] {
        [srs.srs.h] + srs.srs.g
    }

    /// `h(srs)`: the blinding point.
    public func h(_ srs: SRSHandle<Curve>) -> AffinePoint<Curve> { srs.srs.h }

    /// `serialize(srs)`: kimchi's msgpack bytes.
    public func serialize(_ srs: SRSHandle<Curve>) -> [UInt8] { KimchiSRSFormat.encode(srs.srs) }

    /// `deserialize(bytes)`.
    ///
    /// - Throws: `BindingsError.notAnSRS` naming where the bytes are wrong.
    public func deserialize(_ bytes: [UInt8]) throws(BindingsError) -> SRSHandle<Curve> {
        do {
            return handle(try KimchiSRSFormat.decode(bytes, curve: Curve.self, executor: core.executor))
        } catch {
            throw .notAnSRS(error.description)
        }
    }

    /// `write(append, srs, path)`: kimchi's format. With `append` (the
    /// default, as in plonk-wasm) the SRS goes after the file's contents;
    /// otherwise it replaces them. Unlike kimchi, a missing file is created;
    /// the new contents are put in place atomically.
    ///
    /// - Throws: `BindingsError.io`.
    public func write(_ srs: SRSHandle<Curve>, append: Bool = true, path: String) throws(BindingsError) {
        do { try srs.srs.write(to: path, append: append) } catch { throw .io(error.description) }
    }

    /// `read(offset, path)`: the SRS at a byte offset of a kimchi file, or
    /// nil when the bytes there are not an SRS (as kimchi returns `None`).
    ///
    /// - Throws: `BindingsError.io` when the file cannot be read at all, or
    ///   the offset is negative.
    public func read(offset: Int? = nil, path: String) throws(BindingsError) -> SRSHandle<Curve>? {
        let start = offset ?? 0
        guard start >= 0 else { throw .io("\(path): negative offset \(start)") }
        do {
            return handle(try SRS<Curve>.read(from: path, offset: start))
        } catch .io(let error) {
            throw .io(error.description)
        } catch {
            return nil
        }
    }

    // MARK: Lagrange bases

    /// `add_lagrange_basis(srs, log2_size)`: computes and caches the basis.
    ///
    /// - Throws: `BindingsError.invalidDomainSize` outside 0…21.
    public func addLagrangeBasis(_ srs: SRSHandle<Curve>, log2Size: Int) throws(BindingsError) {
        guard (0...21).contains(log2Size) else { throw .invalidDomainSize(log2Size) }
        _ = try basis(srs, domainSize: 1 << log2Size)
    }

    /// `lagrange_commitment(srs, domain_size, i)`.
    ///
    /// - Throws: `BindingsError` for a bad domain size or index.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public func lagrangeCommitment(_ srs: SRSHandle<Curve>, domainSize: Int, index: Int) throws(BindingsError) -> PolyComm<Curve> {
        let all = try basis(srs, domainSize: domainSize)
        guard all.indices.contains(index) else { throw .commitment(.indexOutOfRange(index, count: all.count)) }
        return all[index]
    }

    /// `maybe_lagrange_commitment(srs, domain_size, i)`: nil unless the basis
    /// is cached; never computes.
    ///
    /// This and `lagrangeCommitment` are specialized for both curves: callers
    /// in other modules reach them generically, and each use of the basis's
    /// array type looked up its metadata at run time.
    ///
    /// - Throws: `BindingsError` for a bad index of a cached basis (kimchi panics).
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public func maybeLagrangeCommitment(_ srs: SRSHandle<Curve>, domainSize: Int, index: Int) throws(BindingsError) -> PolyComm<Curve>? {
        guard let all = srs.srs.maybeLagrangeBasis(domainSize: domainSize) else { return nil }
        guard all.indices.contains(index) else { throw .commitment(.indexOutOfRange(index, count: all.count)) }
        return all[index]
    }

    /// `set_lagrange_basis(srs, domain_size, bases)`: set-once, shape-checked.
    ///
    /// - Throws: `BindingsError` for a bad size or a basis that does not fit.
    public func setLagrangeBasis(_ srs: SRSHandle<Curve>, domainSize: Int, _ bases: [PolyComm<Curve>]) throws(BindingsError) {
        try checkDomain(domainSize)
        do { try srs.srs.setLagrangeBasis(domainSize: domainSize, bases) } catch { throw .commitment(error) }
    }

    /// `get_lagrange_basis(srs, domain_size)`: computes if needed.
    public func getLagrangeBasis(_ srs: SRSHandle<Curve>, domainSize: Int) throws(BindingsError) -> [PolyComm<Curve>] {
        try basis(srs, domainSize: domainSize)
    }

    // MARK: Commitments

    /// `commit_evaluations(srs, domain_size, evals)`: interpolates, then
    /// commits non-hiding in one chunk-padded commitment.
    ///
    /// - Throws: `BindingsError` for a bad size or the wrong number of values.
    public func commitEvaluations(_ srs: SRSHandle<Curve>, domainSize: Int, evaluations: [Curve.ScalarField]) throws(BindingsError) -> PolyComm<Curve> {
        try checkDomain(domainSize)
        let domain = try! EvaluationDomain<Curve.ScalarField>(size: domainSize)  // size checked above
        do {
            let values = try Evaluations(values: evaluations, domain: domain)
            return srs.srs.commitNonHiding(values.interpolate(executor: core.executor), numChunks: 1, executor: core.executor)
        } catch {
            throw .commitment(error)
        }
    }

    /// `b_poly_commitment(srs, chals)`.
    public func bPolyCommitment(_ srs: SRSHandle<Curve>, challenges: [Curve.ScalarField]) throws(BindingsError) -> PolyComm<Curve> {
        guard challenges.count <= 24 else { throw .commitment(.roundsDoNotMatchSRS(rounds: challenges.count, srsSize: srs.srs.g.count)) }
        return srs.srs.bPolyCommitment(challenges: challenges, executor: core.executor)
    }

    /// `batch_accumulator_check(srs, comms, chals)`.
    public func batchAccumulatorCheck(_ srs: SRSHandle<Curve>, commitments: [AffinePoint<Curve>], challenges: [Curve.ScalarField]) throws(BindingsError) -> Bool {
        do { return try srs.srs.batchDlogAccumulatorCheck(commitments: commitments, challenges: challenges, executor: core.executor) } catch { throw .commitment(error) }
    }

    /// `batch_accumulator_generate(srs, comms, chals)`.
    public func batchAccumulatorGenerate(_ srs: SRSHandle<Curve>, count: Int, challenges: [Curve.ScalarField]) throws(BindingsError) -> [AffinePoint<Curve>] {
        do { return try srs.srs.batchDlogAccumulatorGenerate(count: count, challenges: challenges, executor: core.executor) } catch { throw .commitment(error) }
    }

    // MARK: Whole-domain ownership

    /// `lagrange_commitments_whole_domain(srs, domain_size)`: the basis, no handle.
    public func lagrangeCommitmentsWholeDomain(_ srs: SRSHandle<Curve>, domainSize: Int) throws(BindingsError) -> [PolyComm<Curve>] {
        try basis(srs, domainSize: domainSize)
    }

    /// `lagrange_commitments_whole_domain_ptr(srs, domain_size)`: the whole
    /// basis in one tracked heap allocation behind a pointer-sized handle.
    /// The caller owes exactly one `take` or `free` (fixed implementation).
    public func lagrangeCommitmentsWholeDomainPointer(_ srs: SRSHandle<Curve>, domainSize: Int) throws(BindingsError) -> Handle {
        let all = try basis(srs, domainSize: domainSize)
        let token = core.tracker.recordAllocation(.wholeDomainBuffer, bytes: trackedBytes(all))
        switch core.configuration.mode {
        case .checked: return core.registry.insert(Curve.wrap(all), field: family, token: token)
        case .raw: return UnsafeRawHandles.box(RawEntry(value: all, token: token, field: family))
        }
    }

    /// `lagrange_commitments_whole_domain_take(handle)`: the data, and the
    /// allocation is freed; the handle is dead.
    ///
    /// - Throws: `BindingsError.handle` for a released, forged or other-field
    ///   handle (checked mode; counted as a misuse), or `.unsupportedInLegacy`.
    public func takeWholeDomain(_ handle: Handle) throws(BindingsError) -> [PolyComm<Curve>] {
        guard core.configuration.implementation == .fixed else { throw try legacyRefusal(handle, "lagrange_commitments_whole_domain_take") }
        return try release(handle, misuse: .doubleTake, returning: true) ?? []
    }

    /// `lagrange_commitments_whole_domain_free(handle)`: frees without
    /// returning the data.
    ///
    /// - Throws: as `takeWholeDomain`.
    public func freeWholeDomain(_ handle: Handle) throws(BindingsError) {
        guard core.configuration.implementation == .fixed else { throw try legacyRefusal(handle, "lagrange_commitments_whole_domain_free") }
        _ = try release(handle, misuse: .doubleFree, returning: false)
    }

    /// `lagrange_commitments_whole_domain_read_from_ptr(handle)`.
    ///
    /// Fixed: a copy, and the allocation stays alive (the caller still owes
    /// a take or a free; if none comes it shows as a leak). Legacy: a copy,
    /// and the allocation is freed while the caller still holds the handle,
    /// so the next use of the handle is a use after free.
    ///
    /// - Throws: `BindingsError.handle` in checked mode for a bad handle.
    public func readWholeDomain(_ handle: Handle) throws(BindingsError) -> [PolyComm<Curve>] {
        switch core.configuration.implementation {
        case .fixed:
            switch core.configuration.mode {
            case .checked:
                switch core.registry.access(handle, field: family, staleMisuse: .useAfterFree, release: false) {
                case .success(let found): return Curve.unwrap(found.payload) ?? []
                case .failure(let error): throw core.refuse(error)
                }
            case .raw:
                return UnsafeRawHandles.read(handle, as: RawEntry<[PolyComm<Curve>]>.self).value
            }
        case .legacy:
            return try release(handle, misuse: .useAfterFree, returning: true) ?? []
        }
    }

    /// Legacy has no take or free. In checked mode a handle the legacy read
    /// already freed is reported as what it is, a use after free; any other
    /// handle gets `.unsupportedInLegacy`. Raw mode never looks at the handle.
    private func legacyRefusal(_ handle: Handle, _ call: String) throws(BindingsError) -> BindingsError {
        if core.configuration.mode == .checked,
           case .failure(.released) = core.registry.access(handle, field: family, staleMisuse: .useAfterFree, release: false) {
            return core.refuse(.released(.useAfterFree))
        }
        return .unsupportedInLegacy(call)
    }

    private func release(_ handle: Handle, misuse: MisuseKind, returning: Bool) throws(BindingsError) -> [PolyComm<Curve>]? {
        switch core.configuration.mode {
        case .checked:
            switch core.registry.access(handle, field: family, staleMisuse: misuse, release: true) {
            case .success(let found):
                core.tracker.recordDeallocation(found.released!)
                return returning ? Curve.unwrap(found.payload) : nil
            case .failure(let error):
                throw core.refuse(error)
            }
        case .raw:
            if returning {
                let entry = UnsafeRawHandles.take(handle, as: RawEntry<[PolyComm<Curve>]>.self)
                core.tracker.recordDeallocation(entry.token)
                return entry.value
            }
            let token = UnsafeRawHandles.read(handle, as: RawEntry<[PolyComm<Curve>]>.self).token
            UnsafeRawHandles.free(handle, as: RawEntry<[PolyComm<Curve>]>.self)
            core.tracker.recordDeallocation(token)
            return nil
        }
    }

    // MARK: Helpers

    private func handle(_ srs: SRS<Curve>) -> SRSHandle<Curve> {
        SRSHandle(srs, tracker: core.tracker)
    }

    private func basis(_ srs: SRSHandle<Curve>, domainSize: Int) throws(BindingsError) -> [PolyComm<Curve>] {
        try checkDomain(domainSize)
        do { return try srs.srs.lagrangeBasis(domainSize: domainSize, executor: core.executor) } catch { throw .commitment(error) }
    }

    private func checkDepth(_ depth: Int) throws(BindingsError) {
        guard depth >= 0, depth <= Self.maximumDepth else { throw .invalidDepth(depth) }
    }

    private func checkDomain(_ size: Int) throws(BindingsError) {
        guard size >= 1, size <= Self.maximumDomainSize else { throw .invalidDomainSize(size) }
    }
}
