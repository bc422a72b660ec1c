#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every system call this module makes, and the only buffer pointers its
/// file handling touches. Each function takes and returns Swift values, so
/// callers never see a pointer.
enum UnsafeSyscalls {
    /// The error number of the last failed call, as text.
    static var lastError: String { String(cString: strerror(errno)) }

    /// A failed call's reason.
    struct Failure: Error {
        let reason: String
    }

    /// Reads a whole file with open/fstat/read/close.
    ///
    /// - Returns: the bytes, or the system's reason.
    static func readFile(_ path: String) -> Result<[UInt8], Failure> {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return .failure(Failure(reason: lastError)) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return .failure(Failure(reason: lastError)) }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(Failure(reason: "not a regular file")) }
        var bytes = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            // The buffer belongs to `chunk` for the duration of the call only.
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(reason: lastError))
            }
            if count == 0 { return .success(bytes) }
            bytes += chunk[0..<count]
        }
    }

    /// Writes `bytes` to a new file (it must not exist yet), flushes it to
    /// disk and closes it; on any failure the partial file is removed.
    ///
    /// - Returns: nil on success, else the system's reason.
    static func writeNewFile(_ path: String, _ bytes: [UInt8]) -> String? {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return lastError }
        var offset = 0
        var failure: String?
        while offset < bytes.count {
            // The buffer belongs to `bytes` for the duration of the call only.
            let written = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                failure = lastError
                break
            }
            offset += written
        }
        if failure == nil, fsync(descriptor) != 0 { failure = lastError }
        if close(descriptor) != 0, failure == nil { failure = lastError }
        if failure != nil { unlink(path) }
        return failure
    }

    /// Renames atomically (replacing `destination` if it exists).
    static func rename(_ source: String, _ destination: String) -> String? {
        Glibc.rename(source, destination) == 0 ? nil : lastError
    }

    /// Removes a file, ignoring failure.
    static func remove(_ path: String) {
        unlink(path)
    }

    /// Whether something exists at the path.
    static func exists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }

    /// A name unique to this process and call, for temporary files.
    static func uniqueSuffix() -> String {
        "\(getpid())-\(UInt64.random(in: 0...UInt64.max))"
    }
}
