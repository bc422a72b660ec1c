import Foundation
import PlonkBindings
import Testing

/// Compiles Tests/CABI/abi_test.c with clang against plonk_bindings.h and
/// the libPlonkBindingsC.so that `swift test` builds beside this test
/// binary, runs it, and requires its own checks to pass.
@Suite("The C ABI from a C program")
struct CABIProgramTests {
    @Test("a C program runs ptr→read→take, ptr→free, a two-pthread u32 hand-off and ends with zero leaks")
    func cProgram() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let buildDirectory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        let library = buildDirectory.appendingPathComponent("libPlonkBindingsC.so")
        try #require(FileManager.default.fileExists(atPath: library.path), "libPlonkBindingsC.so is built with the tests at \(library.path)")
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("abi_test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }

        // A sanitizer build of the library needs the same sanitizer in the
        // program; ci/ scripts pass it in PLONK_ABI_TEST_CFLAGS.
        let extraFlags = ProcessInfo.processInfo.environment["PLONK_ABI_TEST_CFLAGS"]?.split(separator: " ").map(String.init) ?? []
        let compile = try run("/usr/bin/env", ["clang"] + extraFlags + [
            "-Wall", "-Wextra", "-Werror",
            "-I", root.appendingPathComponent("Sources/CPlonkBindings/include").path,
            root.appendingPathComponent("Tests/CABI/abi_test.c").path,
            "-L", buildDirectory.path, "-lPlonkBindingsC", "-Wl,-rpath," + buildDirectory.path, "-lpthread",
            "-o", output.path,
        ])
        try #require(compile.status == 0, "clang failed:\n\(compile.output)")

        let result = try run(output.path, [])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.contains(" passed, 0 failed"), "\(result.output)")
    }

    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite("The bindings map")
struct BindingsMapTests {
    @Test("every plonk-wasm name in the map is declared in the C header, for both families")
    func namesMatchHeader() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let header = try String(contentsOf: root.appendingPathComponent("Sources/CPlonkBindings/include/plonk_bindings.h"), encoding: .utf8)
        for call in BindingsCall.allCases {
            if call.isPerField {
                let suffix = call.plonkWasmName(.fp).replacingOccurrences(of: "caml_fp_srs_", with: "")
                #expect(header.contains("caml_##F##_srs_\(suffix)("), "\(call)")
                #expect(call.plonkWasmName(.fq) == "caml_fq_srs_\(suffix)")
            } else {
                #expect(header.contains(" \(call.plonkWasmName())("), "\(call)")
            }
        }
    }
}

@Suite("The generated export files")
struct CABIExportFilesTests {
    @Test("the fq exports are the fp exports with only the family names changed")
    func familiesInStep() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Sources/PlonkBindings/CABI")
        let fp = try String(contentsOf: directory.appendingPathComponent("CABI+Fp.swift"), encoding: .utf8)
        let fq = try String(contentsOf: directory.appendingPathComponent("CABI+Fq.swift"), encoding: .utf8)
        let translated = fp.replacingOccurrences(of: "caml_fp_", with: "caml_fq_")
            .replacingOccurrences(of: "cabiFp", with: "cabiFq")
            .replacingOccurrences(of: "<Vesta>", with: "<Pallas>")
        #expect(translated == fq)
        #expect(fp.components(separatedBy: "@_cdecl(").count - 1 == 25)
    }
}
