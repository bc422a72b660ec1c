#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The number of processors online, for reports.
var activeProcessorCount: Int {
    Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
}
