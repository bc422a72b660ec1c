#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// Why a file could not be read or written.
public struct FileIOError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file.
    public let path: String
    /// What the system said.
    public let reason: String

    /// A sentence for people.
    public var description: String { "\(path): \(reason)" }
}

/// Every file-system call of this module goes through here, so that the
/// guarantee "a file is written whole or not at all" lives in one place.
package enum FileIO {
    /// Reads a whole file.
    ///
    /// - Parameter path: the file.
    /// - Returns: its bytes.
    /// - Throws: `FileIOError` when it cannot be read.
    package static func read(_ path: String) throws(FileIOError) -> [UInt8] {
        do {
            return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw FileIOError(path: path, reason: "cannot read: \(error)")
        }
    }

    /// Replaces a file's contents atomically: the bytes go to a temporary
    /// file in the same directory, which is then renamed over the target, so
    /// a reader sees the old file or the new one, never a part.
    ///
    /// - Parameters:
    ///   - bytes: the new contents.
    ///   - path: the file.
    /// - Throws: `FileIOError`; the target is then unchanged.
    package static func writeAtomically(_ bytes: [UInt8], to path: String) throws(FileIOError) {
        do {
            try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw FileIOError(path: path, reason: "cannot write: \(error)")
        }
    }

    /// Whether a file exists at the path.
    package static func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: path)
    }
}
