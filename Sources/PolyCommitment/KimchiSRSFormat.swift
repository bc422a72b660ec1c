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
    /// - Returns: the SRS.
    /// - Throws: `SRSDecodingError` naming the offset (and point) at fault,
    ///   including `.trailingBytes` when anything follows.
    public static func decode<Curve: PastaCurve>(_ bytes: [UInt8], curve: Curve.Type = Curve.self) throws(SRSDecodingError) -> SRS<Curve> {
        let (srs, end) = try decodePrefix(bytes, at: 0, curve: curve)
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
    /// - Returns: the SRS and the offset just past it.
    /// - Throws: `SRSDecodingError` naming the offset (and point) at fault.
    public static func decodePrefix<Curve: PastaCurve>(
        _ bytes: [UInt8], at offset: Int, curve: Curve.Type = Curve.self
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
        var g = [AffinePoint<Curve>]()
        g.reserveCapacity(count)
        for index in 0..<count {
            g.append(try readPoint(&reader, entry: .g(index)))
        }
        let h: AffinePoint<Curve> = try readPoint(&reader, entry: .h)
        return (SRS(g: g, h: h), reader.offset)
    }

    private static func readPoint<Curve: PastaCurve>(
        _ reader: inout MessagePackReader, entry: SRSEntry
    ) throws(SRSDecodingError) -> AffinePoint<Curve> {
        let start = reader.offset
        let blob: ArraySlice<UInt8>
        do {
            blob = try reader.readBinary()
        } catch {
            throw SRSDecodingError(error)
        }
        guard blob.count == AffinePoint<Curve>.compressedByteCount else {
            throw SRSDecodingError(offset: start, reason: .wrongEntryLength(entry, blob.count))
        }
        do {
            return try AffinePoint<Curve>(compressedBytes: blob)
        } catch {
            throw SRSDecodingError(offset: start, reason: .invalidPoint(entry, error))
        }
    }
}
