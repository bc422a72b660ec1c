public import Pasta

/// kimchi's SRS file: `rmp_serde` of `SRS { g, h }`, which is the msgpack
/// array `[g, h]`, g an array of binary strings and each point arkworks'
/// 33-byte compressed encoding. This is how `srs/vesta.srs` and
/// `srs/pallas.srs` are stored and what plonk-wasm's `read`/`write` use.
public enum KimchiSRSFormat {
    /// One g entry takes at least a bin8 header and 33 bytes.
    static let entrySize = 2 + 33

    /// Encodes an SRS exactly as kimchi writes it.
    ///
    /// - Parameter srs: the SRS.
    /// - Returns: the file's bytes.
    public static func encode<Curve>(_ srs: SRS<Curve>) -> [UInt8] {
        var writer = MessagePackWriter(reservingCapacity: 6 + entrySize * (srs.g.count + 1))
        writer.writeArrayHeader(2)
        writer.writeArrayHeader(srs.g.count)
        for point in srs.g { writer.writeBinary(point.compressedBytes) }
        writer.writeBinary(srs.h.compressedBytes)
        return writer.bytes
    }

    /// Decodes a whole file: exactly one SRS and nothing after it.
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - curve: the curve the points are on.
    ///   - executor: where the points are decompressed (a square root each).
    /// - Returns: the SRS.
    /// - Throws: `SRSDecodingError` naming the offset (and point) at fault,
    ///   including `.trailingBytes` when anything follows.
    public static func decode<Curve: PastaCurve>(
        _ bytes: [UInt8], curve: Curve.Type = Curve.self, executor: some ParallelExecutor = DispatchExecutor()
    ) throws(SRSDecodingError) -> SRS<Curve> {
        let (srs, end) = try decodePrefix(bytes, at: 0, curve: curve, executor: executor)
        guard end == bytes.count else { throw SRSDecodingError(offset: end, reason: .trailingBytes(bytes.count - end)) }
        return srs
    }

    /// Decodes one SRS starting at a byte offset, as kimchi's `read(offset)`
    /// does from a stream: what follows it is left alone (files written with
    /// `append` hold several).
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - offset: where the SRS starts.
    ///   - curve: the curve the points are on.
    ///   - executor: where the points are decompressed (a square root each).
    /// - Returns: the SRS and the offset just past it.
    /// - Throws: `SRSDecodingError` naming the offset (and point) at fault:
    ///   the first fault in file order, whether in the framing or in a point.
    public static func decodePrefix<Curve: PastaCurve>(
        _ bytes: [UInt8], at offset: Int, curve: Curve.Type = Curve.self, executor: some ParallelExecutor = DispatchExecutor()
    ) throws(SRSDecodingError) -> (srs: SRS<Curve>, end: Int) {
        guard offset >= 0, offset <= bytes.count else {
            throw SRSDecodingError(offset: offset, reason: .messagePack(.truncated(needed: max(1, offset - bytes.count))))
        }
        var reader = MessagePackReader(bytes, offset: offset)
        let fieldsAt = reader.offset
        let fields: Int
        do { fields = try reader.readArrayHeader() } catch { throw SRSDecodingError(error) }
        guard fields == 2 else { throw SRSDecodingError(offset: fieldsAt, reason: .wrongFieldCount(fields)) }
        let count: Int
        do { count = try reader.readArrayHeader(minimumElementSize: entrySize) } catch { throw SRSDecodingError(error) }
        // The framing is read in one pass; the points, a square root each
        // and nearly all of the time, are decompressed in parallel. A
        // framing fault stops the pass, and is reported only if no point
        // before it is bad, so the error is the one a reading in order meets.
        var blobs: [Blob] = []
        blobs.reserveCapacity(count)
        var framingFault: SRSDecodingError?
        for index in 0..<count {
            do { blobs.append(try readBlob(&reader, entry: .g(index), curve: curve)) } catch {
                framingFault = error
                break
            }
        }
        let points = decompress(blobs, curve: curve, executor: executor)
        var g = [AffinePoint<Curve>]()
        g.reserveCapacity(points.count)
        for point in points { g.append(try point.get()) }
        if let framingFault { throw framingFault }
        let h = try decompress(readBlob(&reader, entry: .h, curve: curve), curve: curve).get()
        return (SRS(g: g, h: h), reader.offset)
    }

    /// Below this many points a file is decoded on the calling thread.
    static let parallelThreshold = 1024

    /// One entry's bytes and where they start.
    struct Blob: Sendable {
        var start: Int
        var entry: SRSEntry
        var bytes: ArraySlice<UInt8>
    }

    private static func readBlob<Curve: PastaCurve>(
        _ reader: inout MessagePackReader, entry: SRSEntry, curve: Curve.Type
    ) throws(SRSDecodingError) -> Blob {
        let start = reader.offset
        let bytes: ArraySlice<UInt8>
        do {
            bytes = try reader.readBinary()
        } catch {
            throw SRSDecodingError(error)
        }
        guard bytes.count == AffinePoint<Curve>.compressedByteCount else {
            throw SRSDecodingError(offset: start, reason: .wrongEntryLength(entry, bytes.count))
        }
        return Blob(start: start, entry: entry, bytes: bytes)
    }

    private static func decompress<Curve: PastaCurve>(
        _ blobs: [Blob], curve: Curve.Type, executor: some ParallelExecutor
    ) -> [Result<AffinePoint<Curve>, SRSDecodingError>] {
        if blobs.count < parallelThreshold { return blobs.map { decompress($0, curve: curve) } }
        return executor.map(blobs.count) { decompress(blobs[$0], curve: curve) }
    }

    private static func decompress<Curve: PastaCurve>(_ blob: Blob, curve: Curve.Type) -> Result<AffinePoint<Curve>, SRSDecodingError> {
        do {
            return .success(try AffinePoint<Curve>(compressedBytes: blob.bytes))
        } catch {
            return .failure(SRSDecodingError(offset: blob.start, reason: .invalidPoint(blob.entry, error)))
        }
    }
}
