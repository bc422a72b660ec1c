import ArgumentParser
import Pasta
import PlonkBindings

/// `leakcheck ownership`: the fixed contract's ownership sequences, run
/// against either implementation in either handle mode.
///
/// Every sequence is valid under the fixed contract, including reading a
/// handle twice before taking it (the fixed read leaves the data alive).
/// Under the legacy implementation the first read frees the buffer, so the
/// second is a use after free: refused and counted in checked mode, and in
/// raw mode a real one that AddressSanitizer reports (ci/legacy-asan.sh).
struct OwnershipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ownership",
        abstract: "Run the whole-domain ownership sequences and report leaks and misuse (exit 1 on any)."
    )

    @Option(help: "fixed or legacy.")
    var implementation: ImplementationName = .fixed

    @Option(help: "checked or raw (raw: misuse is undefined behaviour; use with sanitizers).")
    var mode: ModeName = .checked

    func run() throws {
        // Fills the process-wide malloc line when malloc-interposer is preloaded; a no-op otherwise.
        PlonkBindings.enableProcessMallocCounting()
        let bindings = PlonkBindings(configuration: BindingsConfiguration(mode: mode.mode, implementation: implementation.implementation))
        let srs = try bindings.fp.create(depth: 8)
        bindings.resetAllocationTracking()
        var failures = 0
        func step(_ name: String, _ body: () throws -> Void) {
            do {
                try body()
                print("ok    \(name)")
            } catch {
                failures += 1
                print("FAIL  \(name): \(error)")
            }
        }
        let fp = bindings.fp
        step("ptr + take") { _ = try fp.takeWholeDomain(try fp.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: 16)) }
        step("ptr + free") { try fp.freeWholeDomain(try fp.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: 16)) }
        step("ptr + read + free") {
            let handle = try fp.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: 16)
            _ = try fp.readWholeDomain(handle)
            try fp.freeWholeDomain(handle)
        }
        step("ptr + read + read + take") {
            let handle = try fp.lagrangeCommitmentsWholeDomainPointer(srs, domainSize: 16)
            let first = try fp.readWholeDomain(handle)
            let second = try fp.readWholeDomain(handle)
            guard first == second else { throw ValidationError("the second read differs from the first") }
            _ = try fp.takeWholeDomain(handle)
        }
        step("direct") { _ = try fp.lagrangeCommitmentsWholeDomain(srs, domainSize: 16) }
        step("pool init + exit") {
            try bindings.initThreadPool(threads: 2)
            try bindings.exitThreadPool()
        }
        let stats = bindings.allocationStats
        print(stats.report)
        if failures > 0 || stats.leakedAllocationCount > 0 || stats.misuseCount > 0 {
            throw ExitCode(1)
        }
    }
}

/// An implementation named on the command line.
enum ImplementationName: String, ExpressibleByArgument, CaseIterable {
    case fixed, legacy
    var implementation: Implementation { self == .fixed ? .fixed : .legacy }
}

/// A handle mode named on the command line.
enum ModeName: String, ExpressibleByArgument, CaseIterable {
    case checked, raw
    var mode: HandleMode { self == .checked ? .checked : .raw }
}
