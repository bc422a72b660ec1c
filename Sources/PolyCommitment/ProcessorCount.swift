#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The processor count, through the one system call this module makes for it.
package enum ProcessorCount {
    /// Processors online now (at least 1).
    package static var active: Int {
        max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    }
}
