import Foundation
@_exported import TestSupport

/// Loads a known-answer file from this target's Vectors folder.
func loadVectors<T: Decodable>(_ name: String, as type: T.Type) throws -> T {
    try TestSupport.loadVectors(name, as: type, bundle: .module)
}
