import FuzzSupport

/// The harness's text program format: parsing never traps, and a parsed
/// program formats to text that parses back to the same program.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProgramText(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    guard let text = String(validating: fuzzInput(data, size), as: UTF8.self) else { return 0 }
    if let program = try? ProgramText.parse(text) {
        guard let again = try? ProgramText.parse(ProgramText.format(program)), again == program else {
            fuzzFinding("a parsed program does not survive format and parse")
        }
        _ = ProgramBinary.decode(ProgramBinary.encode(program))
    }
    return 0
}
