import ArgumentParser
import Foundation

/// The command-line tool: the leak harness (`run`, `replay`, `minimize`) and
/// the SRS, Lagrange and benchmark tools around it.
///
/// Exit codes: 0 clean; 1 findings; 2 bad usage or input.
@main
struct LeakCheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "leakcheck",
        abstract: "Check plonk-wasm's SRS bindings (rebuilt in Swift) for leaks and use-after-free, and work with kimchi's SRS files.",
        subcommands: [
            RunCommand.self, ReplayCommand.self, MinimizeCommand.self, GenerateCommand.self, GateCommand.self, OwnershipCommand.self,
            SRSCommand.self, LagrangeCommand.self, CommitCommand.self, BenchCommand.self,
        ]
    )

    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as InputError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            Foundation.exit(2)
        } catch let code as ExitCode {
            exit(withError: code)
        } catch {
            // Help and version exit 0 as ArgumentParser decides; any other
            // usage error exits 2 (ArgumentParser's own default is 64).
            let code = exitCode(for: error)
            if code == .success { exit(withError: error) }
            FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
            Foundation.exit(2)
        }
    }
}
