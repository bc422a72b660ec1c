@_exported import Pasta
@_exported import PolyCommitment
@_exported import PlonkBindings
@_exported import LeakHarness

import Foundation

/// Copies libFuzzer's input into an array.
///
/// The caller (a fuzz entry point) guarantees `data` points to `size`
/// readable bytes, as libFuzzer does.
public func fuzzInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> [UInt8] {
    Array(UnsafeBufferPointer(start: data, count: size))
}

/// Stops the process so libFuzzer records the input as a crash: a finding
/// the oracle reported, which must be fixed and kept as a regression.
public func fuzzFinding(_ message: String) -> Never {
    FileHandle.standardError.write(Data("FUZZ FINDING: \(message)\n".utf8))
    abort()
}

/// Which implementation the OwnershipFuzzer runs: `fixed`, unless the
/// environment says `PLONK_FUZZ_IMPLEMENTATION=legacy` (to show that a
/// legacy corpus input crashes it).
public var fuzzImplementation: Implementation {
    guard let value = getenv("PLONK_FUZZ_IMPLEMENTATION") else { return .fixed }
    return String(cString: value) == "legacy" ? .legacy : .fixed
}
