import CPlonkBindings
import Pasta
import PolyCommitment

/// The C ABI's per-field calls, written once for both families; the
/// `@_cdecl` wrappers in `CABI+Fp.swift` and `CABI+Fq.swift` only forward.
enum CABIFieldCalls<Curve: BindingsCurve> {
    typealias Scalar = Curve.ScalarField

    static var runtime: CABIRuntime { CABIRuntime.current }

    static func srs(_ pointer: OpaquePointer?) throws(CABIError) -> SRSHandle<Curve> {
        let runtime = runtime
        return try runtime.srsReferences.lookup(pointer, Curve.self, tracker: runtime.bindings.tracker)
    }

    static func returnSRS(_ handle: SRSHandle<Curve>?, _ out: UnsafeMutablePointer<OpaquePointer?>?) throws(CABIError) {
        try UnsafeCABIBuffers.store(handle.map { runtime.srsReferences.insert($0) }, into: out)
    }

    static func points(_ bytes: UnsafePointer<UInt8>?, count: Int) throws(CABIError) -> [AffinePoint<Curve>] {
        guard count >= 0, count <= Int.max / 33 else { throw .status(PLONK_ERR_INVALID_ARGUMENT) }
        let data = try UnsafeCABIBuffers.read(bytes, count: count * 33)
        return try decodePoints(data, count: count)
    }

    static func decodePoints(_ data: [UInt8], count: Int) throws(CABIError) -> [AffinePoint<Curve>] {
        var out = [AffinePoint<Curve>]()
        out.reserveCapacity(count)
        for index in 0..<count {
            guard let point = try? AffinePoint<Curve>(compressedBytes: data[(33 * index)..<(33 * index + 33)]) else {
                throw .status(PLONK_ERR_INVALID_ARGUMENT)
            }
            out.append(point)
        }
        return out
    }

    static func scalars(_ bytes: UnsafePointer<UInt8>?, count: Int) throws(CABIError) -> [Scalar] {
        guard count >= 0, count <= Int.max / 32 else { throw .status(PLONK_ERR_INVALID_ARGUMENT) }
        let data = try UnsafeCABIBuffers.read(bytes, count: count * 32)
        return try (0..<count).map { index throws(CABIError) in
            guard let value = try? Scalar(littleEndianBytes: data[(32 * index)..<(32 * index + 32)]) else {
                throw .status(PLONK_ERR_INVALID_ARGUMENT)
            }
            return value
        }
    }

    static func export(_ basis: [PolyComm<Curve>], _ out: UnsafeMutablePointer<plonk_poly_comms>?) throws(CABIError) {
        guard out != nil else { throw .status(PLONK_ERR_NULL_POINTER) }
        let chunks = basis.map(\.chunks.count).max() ?? 0
        var bytes = [UInt8]()
        bytes.reserveCapacity(basis.count * chunks * 33)
        for commitment in basis {
            for index in 0..<chunks {
                bytes += (index < commitment.chunks.count ? commitment.chunks[index] : .infinity).compressedBytes
            }
        }
        try UnsafeCABIBuffers.store(plonk_poly_comms(count: basis.count, chunks: chunks, points: runtime.export(bytes)), into: out)
    }

    static func export(_ points: [AffinePoint<Curve>], _ out: UnsafeMutablePointer<plonk_points>?) throws(CABIError) {
        guard out != nil else { throw .status(PLONK_ERR_NULL_POINTER) }
        let bytes = points.flatMap(\.compressedBytes)
        try UnsafeCABIBuffers.store(plonk_points(count: points.count, points: runtime.export(bytes)), into: out)
    }

    static var calls: FieldBindings<Curve> { runtime.field(Curve.self) }

    // MARK: The calls

    static func create(_ depth: Int32, _ out: UnsafeMutablePointer<OpaquePointer?>?, parallel: Bool) -> Int32 {
        cabiCall {
            guard out != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
            let handle = parallel ? try calls.createParallel(depth: Int(depth)) : try calls.create(depth: Int(depth))
            try returnSRS(handle, out)
        }
    }

    static func retain(_ pointer: OpaquePointer?) -> Int32 {
        cabiCall { try runtime.srsReferences.adjust(pointer, Curve.self, by: 1, tracker: runtime.bindings.tracker) }
    }

    static func free(_ pointer: OpaquePointer?) -> Int32 {
        cabiCall { try runtime.srsReferences.adjust(pointer, Curve.self, by: -1, tracker: runtime.bindings.tracker) }
    }

    static func write(_ append: Int32, _ pointer: OpaquePointer?, _ path: UnsafePointer<CChar>?) -> Int32 {
        cabiCall { try calls.write(try srs(pointer), append: append != 0, path: try UnsafeCABIBuffers.path(path)) }
    }

    static func read(_ offset: Int32, _ path: UnsafePointer<CChar>?, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
        cabiCall {
            guard out != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
            let handle = try calls.read(offset: offset < 0 ? nil : Int(offset), path: try UnsafeCABIBuffers.path(path))
            try returnSRS(handle, out)
        }
    }

    static func serialize(_ pointer: OpaquePointer?, _ out: UnsafeMutablePointer<plonk_bytes>?) -> Int32 {
        cabiCall {
            guard out != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
            let bytes = calls.serialize(try srs(pointer))
            try UnsafeCABIBuffers.store(plonk_bytes(length: bytes.count, bytes: runtime.export(bytes)), into: out)
        }
    }

    static func deserialize(_ bytes: UnsafePointer<UInt8>?, _ length: Int, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
        cabiCall {
            guard out != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
            try returnSRS(try calls.deserialize(try UnsafeCABIBuffers.read(bytes, count: length)), out)
        }
    }

    static func get(_ pointer: OpaquePointer?, _ out: UnsafeMutablePointer<plonk_points>?) -> Int32 {
        cabiCall { try export(calls.get(try srs(pointer)), out) }
    }

    static func set(_ bytes: UnsafePointer<UInt8>?, _ count: Int, _ out: UnsafeMutablePointer<OpaquePointer?>?) -> Int32 {
        cabiCall {
            guard out != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
            try returnSRS(try calls.set(try points(bytes, count: count)), out)
        }
    }

    static func h(_ pointer: OpaquePointer?, _ out: UnsafeMutablePointer<UInt8>?) -> Int32 {
        cabiCall {
            guard let out else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
            let bytes = calls.h(try srs(pointer)).compressedBytes
            for (index, byte) in bytes.enumerated() { (out + index).pointee = byte }
        }
    }

    static func addLagrangeBasis(_ pointer: OpaquePointer?, _ log2Size: Int32) -> Int32 {
        cabiCall { try calls.addLagrangeBasis(try srs(pointer), log2Size: Int(log2Size)) }
    }

    static func lagrangeCommitment(_ pointer: OpaquePointer?, _ domain: Int32, _ index: Int32, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
        cabiCall { try export([try calls.lagrangeCommitment(try srs(pointer), domainSize: Int(domain), index: Int(index))], out) }
    }

    static func maybeLagrangeCommitment(
        _ pointer: OpaquePointer?, _ domain: Int32, _ index: Int32, _ found: UnsafeMutablePointer<Int32>?, _ out: UnsafeMutablePointer<plonk_poly_comms>?
    ) -> Int32 {
        cabiCall {
            guard found != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
            if let commitment = try calls.maybeLagrangeCommitment(try srs(pointer), domainSize: Int(domain), index: Int(index)) {
                try export([commitment], out)
                try UnsafeCABIBuffers.store(1, into: found)
            } else {
                try UnsafeCABIBuffers.store(0, into: found)
            }
        }
    }

    static func setLagrangeBasis(_ pointer: OpaquePointer?, _ domain: Int32, _ bases: UnsafePointer<plonk_poly_comms>?) -> Int32 {
        cabiCall {
            let (count, chunks, bytes) = try UnsafeCABIBuffers.readPolyComms(bases)
            let flat = try decodePoints(bytes, count: count * chunks)
            let basis = (0..<count).map { PolyComm(chunks: Array(flat[(chunks * $0)..<(chunks * $0 + chunks)])) }
            try calls.setLagrangeBasis(try srs(pointer), domainSize: Int(domain), basis)
        }
    }

    static func getLagrangeBasis(_ pointer: OpaquePointer?, _ domain: Int32, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
        cabiCall { try export(try calls.getLagrangeBasis(try srs(pointer), domainSize: Int(domain)), out) }
    }

    static func commitEvaluations(_ pointer: OpaquePointer?, _ domain: Int32, _ evals: UnsafePointer<UInt8>?, _ count: Int, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
        cabiCall {
            let values = try scalars(evals, count: count)
            try export([try calls.commitEvaluations(try srs(pointer), domainSize: Int(domain), evaluations: values)], out)
        }
    }

    static func bPolyCommitment(_ pointer: OpaquePointer?, _ chals: UnsafePointer<UInt8>?, _ count: Int, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
        cabiCall { try export([try calls.bPolyCommitment(try srs(pointer), challenges: try scalars(chals, count: count))], out) }
    }

    static func batchAccumulatorCheck(
        _ pointer: OpaquePointer?, _ comms: UnsafePointer<UInt8>?, _ commsCount: Int, _ chals: UnsafePointer<UInt8>?, _ chalsCount: Int,
        _ ok: UnsafeMutablePointer<Int32>?
    ) -> Int32 {
        cabiCall {
            guard ok != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
            let result = try calls.batchAccumulatorCheck(try srs(pointer), commitments: try points(comms, count: commsCount), challenges: try scalars(chals, count: chalsCount))
            try UnsafeCABIBuffers.store(result ? 1 : 0, into: ok)
        }
    }

    static func batchAccumulatorGenerate(
        _ pointer: OpaquePointer?, _ comms: Int32, _ chals: UnsafePointer<UInt8>?, _ chalsCount: Int, _ out: UnsafeMutablePointer<plonk_points>?
    ) -> Int32 {
        cabiCall {
            try export(try calls.batchAccumulatorGenerate(try srs(pointer), count: Int(comms), challenges: try scalars(chals, count: chalsCount)), out)
        }
    }

    static func wholeDomainPointer(_ pointer: OpaquePointer?, _ domain: Int32, _ out: UnsafeMutablePointer<UInt64>?) -> Int32 {
        cabiCall {
            guard out != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
            try UnsafeCABIBuffers.store(try calls.lagrangeCommitmentsWholeDomainPointer(try srs(pointer), domainSize: Int(domain)).rawValue, into: out)
        }
    }

    static func take(_ handle: UInt64, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
        cabiCall {
            guard out != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
            try export(try calls.takeWholeDomain(Handle(rawValue: handle)), out)
        }
    }

    static func freeWholeDomain(_ handle: UInt64) -> Int32 {
        cabiCall { try calls.freeWholeDomain(Handle(rawValue: handle)) }
    }

    static func readFromPointer(_ handle: UInt64, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
        cabiCall {
            guard out != nil else { throw CABIError.status(PLONK_ERR_NULL_POINTER) }
            try export(try calls.readWholeDomain(Handle(rawValue: handle)), out)
        }
    }

    static func wholeDomain(_ pointer: OpaquePointer?, _ domain: Int32, _ out: UnsafeMutablePointer<plonk_poly_comms>?) -> Int32 {
        cabiCall { try export(try calls.lagrangeCommitmentsWholeDomain(try srs(pointer), domainSize: Int(domain)), out) }
    }
}
