import FuzzSupport

/// Compressed and uncompressed points and o1js JSON points: decoding never
/// traps, and a decoded point is on the curve and re-encodes to its input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPointDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    if let point = try? Pallas.Point(compressedBytes: bytes) {
        if !point.isOnCurve || point.compressedBytes != bytes { fuzzFinding("compressed Pallas point does not round-trip") }
    }
    if let point = try? Vesta.Point(uncompressedBytes: bytes) {
        if !point.isOnCurve || point.uncompressedBytes != bytes { fuzzFinding("uncompressed Vesta point does not round-trip") }
    }
    if let text = String(validating: bytes, as: UTF8.self), let point = try? Vesta.Point(jsonText: text) {
        if !point.isOnCurve || (try? Vesta.Point(jsonText: point.jsonText)) != point { fuzzFinding("JSON Vesta point does not round-trip") }
    }
    return 0
}
