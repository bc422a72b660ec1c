import ArgumentParser

/// The command-line tool: SRS files today; the leak harness and its gate as
/// they land.
@main
struct LeakCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leakcheck",
        abstract: "kimchi's IPA SRS in Swift, and the tools that check plonk-wasm's SRS bindings for leaks.",
        subcommands: [SRSCommand.self, LagrangeCommand.self, CommitCommand.self, OwnershipCommand.self, BenchCommand.self]
    )
}
