import FuzzSupport

/// kimchi and o1js Lagrange cache files: decoding never traps; what decodes
/// re-encodes and decodes to the same basis; setting it on an SRS either
/// fits or is refused with a typed error.
nonisolated(unsafe) private var vesta: SRS<Vesta>?

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLagrangeCache(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = fuzzInput(data, size)
    if vesta == nil { vesta = try? SRS<Vesta>.create(depth: 4) }
    for format in LagrangeCacheFormat.allCases {
        guard let basis = try? format.decode(bytes, curve: Vesta.self) else { continue }
        guard let again = try? format.decode(format.encode(basis), curve: Vesta.self), again == basis else {
            fuzzFinding("a decoded \(format) basis does not survive a round trip")
        }
        let fresh = SRS(g: vesta!.g, h: vesta!.h)
        _ = try? fresh.setLagrangeBasis(domainSize: max(1, basis.count), basis)
    }
    return 0
}
