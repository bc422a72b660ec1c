import PolyCommitment

/// Why an HTML report could not be written.
public struct HTMLReportWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The report's path.
    public let path: String
    /// What the system said.
    public let reason: String

    /// A sentence for people.
    public var description: String { "cannot write the HTML report \(path): \(reason)" }
}

extension HTMLReport {
    /// Writes the page whole or not at all (a temporary file renamed over
    /// the target), so a reader never sees half a report.
    ///
    /// - Parameter path: where the page goes.
    /// - Throws: `HTMLReportWriteError` naming the path and the reason; the
    ///   target is then unchanged.
    public func write(to path: String) throws(HTMLReportWriteError) {
        do {
            try FileIO.writeAtomically(Array(render().utf8), to: path)
        } catch {
            throw HTMLReportWriteError(path: path, reason: error.reason)
        }
    }
}
