import ArgumentParser
import Foundation
import Pasta

/// A JSON array of decimal field elements, as o1js writes field vectors.
enum FieldListFile {
    static func read<F: PrimeField>(_ path: String, field: F.Type) throws -> [F] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        guard let items = try JSONSerialization.jsonObject(with: data) as? [Any] else {
            throw ValidationError("\(path): expected a JSON array of decimal strings")
        }
        return try items.enumerated().map { index, item in
            guard let text = item as? String else {
                throw ValidationError("\(path): element \(index) is not a decimal string")
            }
            do {
                return try F(decimal: text)
            } catch {
                throw ValidationError("\(path): element \(index): \(error)")
            }
        }
    }
}
