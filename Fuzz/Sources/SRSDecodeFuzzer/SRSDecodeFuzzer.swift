import FuzzSupport

/// kimchi SRS files: decoding never traps, and whatever decodes survives
/// re-encoding (points have one encoding; msgpack headers may be wider than
/// the smallest, as rmp_serde accepts).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSRSDecode(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    // Like rmp_serde, the decoder takes any msgpack header width (a bin32
    // point, an array16 of 3), so only the decoded value must survive: its
    // canonical encoding decodes to the same SRS and re-encodes to itself.
    if let srs = try? KimchiSRSFormat.decode(bytes, curve: Vesta.self) {
        let canonical = KimchiSRSFormat.encode(srs)
        guard let again = try? KimchiSRSFormat.decode(canonical, curve: Vesta.self), again.g == srs.g, again.h == srs.h,
              KimchiSRSFormat.encode(again) == canonical else { fuzzFinding("Vesta SRS does not survive re-encoding") }
    }
    if let srs = try? KimchiSRSFormat.decode(bytes, curve: Pallas.self) {
        let canonical = KimchiSRSFormat.encode(srs)
        guard let again = try? KimchiSRSFormat.decode(canonical, curve: Pallas.self), again.g == srs.g, again.h == srs.h,
              KimchiSRSFormat.encode(again) == canonical else { fuzzFinding("Pallas SRS does not survive re-encoding") }
    }
    _ = try? KimchiSRSFormat.decodePrefix(bytes, at: Int(bytes.first ?? 0) % max(1, bytes.count), curve: Vesta.self)
    _ = try? O1jsSRSFormat.decode(bytes, curve: Vesta.self)
    return 0
}
