/// Why a file could not be read or written.
public struct FileIOError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// What the system said.
    public let reason: String

    /// A sentence for people.
    public var description: String { "\(path): \(reason)" }
}

/// Every file operation of this module goes through here, so that the
/// guarantee "a file is written whole or not at all" lives in one place.
package enum FileIO {
    /// Reads a whole file.
    ///
    /// - Parameter path: the file.
    /// - Returns: its bytes.
    /// - Throws: `FileIOError` when it cannot be read.
    package static func read(_ path: String) throws(FileIOError) -> [UInt8] {
        switch UnsafeSyscalls.readFile(path) {
        case .success(let bytes): return bytes
        case .failure(let failure): throw FileIOError(path: path, reason: "cannot read: \(failure.reason)")
        }
    }

    /// Replaces a file's contents atomically: the bytes go to a new
    /// temporary file beside the target, are flushed to disk, and the
    /// temporary file is renamed over the target, so a reader sees the old
    /// file or the new one, never a part.
    ///
    /// - Parameters:
    ///   - bytes: the new contents.
    ///   - path: the file.
    /// - Throws: `FileIOError`; the target is then unchanged and no
    ///   temporary file remains.
    package static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileIOError) {
        let temporary = path + ".tmp-" + UnsafeSyscalls.uniqueSuffix()
        if let reason = UnsafeSyscalls.writeNewFile(temporary, bytes) {
            throw FileIOError(path: path, reason: "cannot write: \(reason)")
        }
        if let reason = UnsafeSyscalls.rename(temporary, path) {
            UnsafeSyscalls.remove(temporary)
            throw FileIOError(path: path, reason: "cannot replace: \(reason)")
        }
    }

    /// Whether a file exists at the path.
    package static func exists(_ path: String) -> Bool {
        UnsafeSyscalls.exists(path)
    }
}
