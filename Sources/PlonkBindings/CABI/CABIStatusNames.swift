import CPlonkBindings

/// Static C strings for status codes: made once, never freed, so the
/// pointers `plonk_status_name` returns stay valid for the process.
enum CABIStatusNames {
    private static let names: [Int32: String] = [
        PLONK_OK: "PLONK_OK",
        PLONK_ERR_INVALID_ARGUMENT: "PLONK_ERR_INVALID_ARGUMENT",
        PLONK_ERR_IO: "PLONK_ERR_IO",
        PLONK_ERR_NOT_AN_SRS: "PLONK_ERR_NOT_AN_SRS",
        PLONK_ERR_HANDLE_RELEASED: "PLONK_ERR_HANDLE_RELEASED",
        PLONK_ERR_HANDLE_FORGED: "PLONK_ERR_HANDLE_FORGED",
        PLONK_ERR_HANDLE_WRONG_FIELD: "PLONK_ERR_HANDLE_WRONG_FIELD",
        PLONK_ERR_UNSUPPORTED_IN_LEGACY: "PLONK_ERR_UNSUPPORTED_IN_LEGACY",
        PLONK_ERR_POOL: "PLONK_ERR_POOL",
        PLONK_ERR_TIMED_OUT: "PLONK_ERR_TIMED_OUT",
        PLONK_ERR_NULL_POINTER: "PLONK_ERR_NULL_POINTER",
        PLONK_ERR_BUSY: "PLONK_ERR_BUSY",
    ]

    nonisolated(unsafe) private static let cStrings: [Int32: UnsafePointer<CChar>] = names.mapValues { name in
        // Immutable after initialization, hence nonisolated(unsafe); intentionally immortal: one small string per code, for the process's life.
        UnsafePointer(strdup(name)!)
    }

    nonisolated(unsafe) private static let unknown: UnsafePointer<CChar> = UnsafePointer(strdup("PLONK_UNKNOWN_STATUS")!)

    static func name(_ status: Int32) -> UnsafePointer<CChar> {
        cStrings[status] ?? unknown
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
