import FuzzSupport

/// kimchi SRS files: decoding never traps, and whatever decodes re-encodes
/// to the same bytes (each point has one encoding).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSRSDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    for curve in 0..<2 {
        if curve == 0, let srs = try? KimchiSRSFormat.decode(bytes, curve: Vesta.self) {
            if KimchiSRSFormat.encode(srs) != bytes { fuzzFinding("Vesta SRS does not re-encode to its bytes") }
        }
        if curve == 1, let srs = try? KimchiSRSFormat.decode(bytes, curve: Pallas.self) {
            if KimchiSRSFormat.encode(srs) != bytes { fuzzFinding("Pallas SRS does not re-encode to its bytes") }
        }
    }
    _ = try? KimchiSRSFormat.decodePrefix(bytes, at: Int(bytes.first ?? 0) % max(1, bytes.count), curve: Vesta.self)
    _ = try? O1jsSRSFormat.decode(bytes, curve: Vesta.self)
    return 0
}
