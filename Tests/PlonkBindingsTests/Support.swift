import Foundation
import Logging
import Pasta
import PlonkBindings
import PolyCommitment
import Locking

/// Collects log lines so tests can read what `logAllocationStats` said.
final class CapturedLog: Sendable {
    let lines = Locked<[String]>([])

    var logger: Logger {
        Logger(label: "test") { _ in CapturingHandler(sink: self) }
    }

    struct CapturingHandler: LogHandler {
        let sink: CapturedLog
        var metadata: Logger.Metadata = [:]
        var logLevel: Logger.Level = .trace

        subscript(metadataKey key: String) -> Logger.Metadata.Value? {
            get { metadata[key] }
            set { metadata[key] = newValue }
        }

        func log(event: LogEvent) {
            sink.lines.withLock { $0.append("\(event.level): \(event.message)") }
        }
    }
}

/// A fresh directory, removed by the caller.
func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("bindings-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// The field family of a curve's bindings.
func family<Curve: BindingsCurve>(_ bindings: PlonkBindings, _: Curve.Type) -> FieldBindings<Curve> {
    if Curve.self == Vesta.self { return bindings.fp as! FieldBindings<Curve> }
    return bindings.fq as! FieldBindings<Curve>
}
