import Foundation
import Pasta
import PolyCommitment
import Testing

@Suite("SRS file formats")
struct SRSFileTests {
    static let small = try! SRS<Vesta>.create(depth: 4)

    @Test("kimchi and o1js JSON encodings round-trip")
    func roundTrips() throws {
        for format in SRSFileFormat.allCases {
            #expect(try format.decode(format.encode(Self.small), curve: Vesta.self) == Self.small, "\(format)")
        }
        let json = String(decoding: O1jsSRSFormat.encode(Self.small), as: UTF8.self)
        #expect(json.hasPrefix("[" + Self.small.h.jsonText + ","), "h comes first")
        #expect(!json.contains(" "), "compact like JSON.stringify")
    }

    @Test("headers are rmp_serde's: fixarray, array16, array32 by depth")
    func headers() throws {
        let fifteen = SRS<Vesta>(g: Array(repeating: Vesta.generator, count: 15), h: Vesta.generator)
        #expect(Array(KimchiSRSFormat.encode(fifteen).prefix(2)) == [0x92, 0x9f])
        let sixteen = SRS<Vesta>(g: Array(repeating: Vesta.generator, count: 16), h: Vesta.generator)
        #expect(Array(KimchiSRSFormat.encode(sixteen).prefix(4)) == [0x92, 0xdc, 0x00, 0x10])
        let big = SRS<Vesta>(g: Array(repeating: Vesta.generator, count: 65536), h: Vesta.generator)
        let encoded = KimchiSRSFormat.encode(big)
        #expect(Array(encoded.prefix(6)) == [0x92, 0xdd, 0x00, 0x01, 0x00, 0x00])
        #expect(encoded.count == 2_293_801, "the size of kimchi's 2^16 files")
        #expect(Array(encoded[6..<8]) == [0xc4, 0x21])
    }

    @Test("wider msgpack headers than rmp_serde writes decode to the same SRS, as rmp_serde reads them (an SRSDecodeFuzzer input)")
    func widerHeaders() throws {
        let canonical = KimchiSRSFormat.encode(Self.small)
        // [g, h] with g's fixarray as array16 and g₀'s bin8 as bin32.
        var wide: [UInt8] = [0x92, 0xdc, 0x00, UInt8(Self.small.g.count), 0xc6, 0x00, 0x00, 0x00, 0x21]
        wide += canonical[4..<(4 + 33)]  // g₀'s 33 bytes after [0x92, 0x94, 0xc4, 0x21]
        wide += canonical[(4 + 33)...]
        let decoded = try KimchiSRSFormat.decode(wide, curve: Vesta.self)
        #expect(decoded == Self.small)
        #expect(KimchiSRSFormat.encode(decoded) == canonical, "re-encoded the way kimchi writes")
        let kept = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("corpora/regressions/SRSDecodeFuzzer/non-minimal-bin32-header-71114c9d")
        let pallas = try KimchiSRSFormat.decode(Array(try Data(contentsOf: kept)), curve: Pallas.self)
        #expect(try KimchiSRSFormat.decode(KimchiSRSFormat.encode(pallas), curve: Pallas.self) == pallas)
    }

    @Test("write(append:) stacks SRSs that read(offset:) finds again")
    func appendAndOffset() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("stack.srs").path
        let other = try SRS<Vesta>.create(depth: 2)
        try Self.small.write(to: path, append: true)
        try other.write(to: path, append: true)
        let firstLength = KimchiSRSFormat.encode(Self.small).count
        #expect(try SRS<Vesta>.read(from: path) == Self.small)
        #expect(try SRS<Vesta>.read(from: path, offset: firstLength) == other)
        #expect(throws: SRSFileError.self) { try SRS<Vesta>.load(from: path, format: .kimchi) }
        try other.write(to: path, append: false)
        #expect(try SRS<Vesta>.load(from: path, format: .kimchi) == other)
    }

    @Test("files are written whole or not at all")
    func atomicWrites() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let missing = directory.appendingPathComponent("no-such-dir/out.srs").path
        #expect {
            try Self.small.save(to: missing, format: .kimchi)
        } throws: { error in
            guard case .io(let io)? = error as? SRSFileError else { return false }
            return io.path == missing
        }
        #expect(!FileManager.default.fileExists(atPath: missing))
        let path = directory.appendingPathComponent("out.srs").path
        try Self.small.save(to: path, format: .o1jsJSON)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(leftovers == ["out.srs"], "no temporary files stay behind")
        #expect(throws: SRSFileError.self) { try SRS<Vesta>.read(from: directory.appendingPathComponent("absent").path) }
    }
}
