public import Pasta

/// Why an SRS file could not be read or written.
public enum SRSFileError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file system refused.
    case io(FileIOError)
    /// The file's bytes are not an SRS.
    case decoding(path: String, SRSDecodingError)

    /// A sentence for people.
    public var description: String {
        switch self {
        case .io(let error): return error.description
        case .decoding(let path, let error): return "\(path): \(error)"
        }
    }
}

/// The two file formats an SRS travels in.
public enum SRSFileFormat: String, Sendable, CaseIterable {
    /// kimchi's msgpack (`SRSFormat`'s default, and plonk-wasm's `read`/`write`).
    case kimchi
    /// o1js's JSON cache entry.
    case o1jsJSON = "o1js-json"

    /// Encodes an SRS in this format.
    public func encode<Curve>(_ srs: SRS<Curve>) -> [UInt8] {
        switch self {
        case .kimchi: return KimchiSRSFormat.encode(srs)
        case .o1jsJSON: return O1jsSRSFormat.encode(srs)
        }
    }

    /// Decodes a whole file in this format.
    ///
    /// - Throws: `SRSDecodingError` naming where the bytes are wrong.
    public func decode<Curve: PastaCurve>(_ bytes: [UInt8], curve: Curve.Type = Curve.self) throws(SRSDecodingError) -> SRS<Curve> {
        switch self {
        case .kimchi: return try KimchiSRSFormat.decode(bytes, curve: curve)
        case .o1jsJSON: return try O1jsSRSFormat.decode(bytes, curve: curve)
        }
    }
}

extension SRS {
    /// kimchi's `read(offset)`: decodes the SRS that starts at a byte offset
    /// of a kimchi file, ignoring whatever follows it.
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - offset: where the SRS starts (0 for a file holding one).
    /// - Returns: the SRS.
    /// - Throws: `SRSFileError`.
    public static func read(from path: String, offset: Int = 0) throws(SRSFileError) -> SRS {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch { throw .io(error) }
        do {
            return try KimchiSRSFormat.decodePrefix(bytes, at: offset, curve: Curve.self).srs
        } catch {
            throw .decoding(path: path, error)
        }
    }

    /// Reads a file holding exactly one SRS in a format.
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - format: its format.
    /// - Throws: `SRSFileError`, including trailing bytes.
    public static func load(from path: String, format: SRSFileFormat) throws(SRSFileError) -> SRS {
        let bytes: [UInt8]
        do { bytes = try FileIO.read(path) } catch { throw .io(error) }
        do {
            return try format.decode(bytes, curve: Curve.self)
        } catch {
            throw .decoding(path: path, error)
        }
    }

    /// Writes the SRS in a format, replacing the file whole or not at all.
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - format: the format.
    /// - Throws: `SRSFileError.io`; the file is then unchanged.
    public func save(to path: String, format: SRSFileFormat) throws(SRSFileError) {
        do { try FileIO.writeAtomically(format.encode(self), to: path) } catch { throw .io(error) }
    }

    /// kimchi's `write(append)` in kimchi's format: with `append`, the SRS is
    /// added after the file's current contents (read them back with
    /// `read(from:offset:)`); without, it replaces them. Either way the new
    /// file is put in place atomically.
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - append: keep what the file holds and add after it.
    /// - Throws: `SRSFileError.io`; the file is then unchanged.
    public func write(to path: String, append: Bool) throws(SRSFileError) {
        var bytes: [UInt8] = []
        if append, FileIO.exists(path) {
            do { bytes = try FileIO.read(path) } catch { throw .io(error) }
        }
        bytes += KimchiSRSFormat.encode(self)
        do { try FileIO.writeAtomically(bytes, to: path) } catch { throw .io(error) }
    }
}
