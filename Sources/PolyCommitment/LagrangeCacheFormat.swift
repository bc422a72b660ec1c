public import Pasta

/// The two files a Lagrange basis is cached in.
public enum LagrangeCacheFormat: String, Sendable, CaseIterable {
    /// kimchi's `FileCache`: `lagrange_basis_{srsLength}-{domainSize}`,
    /// rmp_serde of `Vec<PolyComm<G>>`. rmp_serde writes a struct as an array
    /// of its fields, so each commitment is `[[point, …]]`.
    case kimchi
    /// o1js's cache entry `lagrange-basis-fp-{n}` (Vesta) or
    /// `lagrange-basis-fq-{n}` (Pallas): a JSON array of `{"shifted": [point, …]}`.
    case o1jsJSON = "o1js-json"

    /// The file name each cache uses for a basis.
    ///
    /// - Parameters:
    ///   - curve: the SRS's curve.
    ///   - srsLength: |g|, part of kimchi's name.
    ///   - domainSize: n.
    public func fileName<Curve: PastaCurve>(curve: Curve.Type, srsLength: Int, domainSize: Int) -> String {
        switch self {
        case .kimchi: return "lagrange_basis_\(srsLength)-\(domainSize)"
        case .o1jsJSON: return "lagrange-basis-\(Curve.ScalarField.name.lowercased())-\(domainSize)"
        }
    }

    /// Encodes a basis.
    public func encode<Curve>(_ basis: [PolyComm<Curve>]) -> [UInt8] {
        switch self {
        case .kimchi:
            let chunkCount = basis.first?.chunks.count ?? 0
            var writer = MessagePackWriter(reservingCapacity: 5 + basis.count * (2 + 35 * chunkCount))
            writer.writeArrayHeader(basis.count)
            for commitment in basis {
                writer.writeArrayHeader(1)
                writer.writeArrayHeader(commitment.chunks.count)
                for point in commitment.chunks { writer.writeBinary(point.compressedBytes) }
            }
            return writer.bytes
        case .o1jsJSON:
            return Array(("[" + basis.map(\.jsonText).joined(separator: ",") + "]").utf8)
        }
    }

    /// Decodes a whole file, checking every point.
    ///
    /// - Parameters:
    ///   - bytes: the file.
    ///   - curve: the curve the points must be on.
    /// - Returns: the commitments, as stored; `SRS.setLagrangeBasis` checks
    ///   that they fit a domain.
    /// - Throws: `LagrangeCacheError` naming the offset, commitment and chunk.
    public func decode<Curve: PastaCurve>(_ bytes: [UInt8], curve: Curve.Type = Curve.self) throws(LagrangeCacheError) -> [PolyComm<Curve>] {
        switch self {
        case .kimchi: return try Self.decodeKimchi(bytes)
        case .o1jsJSON: return try Self.decodeJSON(bytes)
        }
    }

    private static func decodeKimchi<Curve: PastaCurve>(_ bytes: [UInt8]) throws(LagrangeCacheError) -> [PolyComm<Curve>] {
        var reader = MessagePackReader(bytes)
        let count: Int
        do { count = try reader.readArrayHeader(minimumElementSize: 2) } catch { throw LagrangeCacheError(error) }
        var basis = [PolyComm<Curve>]()
        basis.reserveCapacity(count)
        for index in 0..<count {
            let structAt = reader.offset
            let fields: Int, chunkCount: Int
            do { fields = try reader.readArrayHeader() } catch { throw LagrangeCacheError(error) }
            guard fields == 1 else { throw LagrangeCacheError(offset: structAt, reason: .wrongStructFieldCount(commitment: index, fields)) }
            do { chunkCount = try reader.readArrayHeader(minimumElementSize: 35) } catch { throw LagrangeCacheError(error) }
            var chunks = [AffinePoint<Curve>]()
            chunks.reserveCapacity(chunkCount)
            for chunk in 0..<chunkCount {
                let entryAt = reader.offset
                let blob: ArraySlice<UInt8>
                do { blob = try reader.readBinary() } catch { throw LagrangeCacheError(error) }
                guard blob.count == 33 else {
                    throw LagrangeCacheError(offset: entryAt, reason: .wrongEntryLength(commitment: index, chunk: chunk, blob.count))
                }
                do {
                    chunks.append(try AffinePoint<Curve>(compressedBytes: blob))
                } catch {
                    throw LagrangeCacheError(offset: entryAt, reason: .invalidPoint(commitment: index, chunk: chunk, error))
                }
            }
            basis.append(PolyComm(chunks: chunks))
        }
        guard reader.remaining == 0 else {
            throw LagrangeCacheError(offset: reader.offset, reason: .trailingBytes(reader.remaining))
        }
        return basis
    }

    private static func decodeJSON<Curve: PastaCurve>(_ bytes: [UInt8]) throws(LagrangeCacheError) -> [PolyComm<Curve>] {
        let value: JSONValue
        do { value = try JSONParser.parse(bytes) } catch {
            throw LagrangeCacheError(offset: error.offset, reason: .jsonSyntax(error.description))
        }
        guard case .array(let elements) = value else {
            throw LagrangeCacheError(offset: nil, reason: .jsonShape("expected an array, found \(value.kind)"))
        }
        var basis = [PolyComm<Curve>]()
        basis.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard case .array(let points)? = element["shifted"] else {
                throw LagrangeCacheError(offset: nil, reason: .jsonShape("commitment \(index) has no \"shifted\" array"))
            }
            var chunks = [AffinePoint<Curve>]()
            for (chunk, point) in points.enumerated() {
                do {
                    chunks.append(try AffinePoint<Curve>(json: point))
                } catch {
                    throw LagrangeCacheError(offset: nil, reason: .invalidPoint(commitment: index, chunk: chunk, error))
                }
            }
            basis.append(PolyComm(chunks: chunks))
        }
        return basis
    }
}

/// Why a Lagrange cache file could not be read or written.
public enum LagrangeCacheFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file system refused.
    case io(FileIOError)
    /// The bytes are not a basis.
    case decoding(path: String, LagrangeCacheError)
    /// The basis does not fit this SRS and domain.
    case shape(path: String, CommitmentError)

    /// A sentence for people.
    public var description: String {
        switch self {
        case .io(let error): return error.description
        case .decoding(let path, let error): return "\(path): \(error)"
        case .shape(let path, let error): return "\(path): \(error)"
        }
    }
}

extension SRS {
    /// Writes a domain's basis (computing it if needed) to a cache file,
    /// whole or not at all.
    ///
    /// - Parameters:
    ///   - domainSize: the domain.
    ///   - path: the file.
    ///   - format: kimchi's or o1js's.
    ///   - executor: where the basis is computed if needed.
    public func saveLagrangeBasis(
        domainSize: Int, to path: String, format: LagrangeCacheFormat, executor: some ParallelExecutor = DispatchExecutor()
    ) throws(LagrangeCacheFileError) {
        let basis: [PolyComm<Curve>]
        do { basis = try lagrangeBasis(domainSize: domainSize, executor: executor) } catch { throw .shape(path: path, error) }
        do { try FileIO.writeAtomically(format.encode(basis), to: path) } catch { throw .io(error) }
    }

    /// Reads a cache file and stores its basis (set-once), after checking it
    /// is on this curve and has the shape this SRS gives the domain.
    ///
    /// - Returns: the basis read.
    public func loadLagrangeBasis(domainSize: Int, from path: String, format: LagrangeCacheFormat) throws(LagrangeCacheFileError) -> [PolyComm<Curve>] {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch { throw .io(error) }
        let basis: [PolyComm<Curve>]
        do { basis = try format.decode(bytes, curve: Curve.self) } catch { throw .decoding(path: path, error) }
        do { try setLagrangeBasis(domainSize: domainSize, basis) } catch { throw .shape(path: path, error) }
        return basis
    }
}
