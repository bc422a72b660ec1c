import Foundation
import Pasta
import PolyCommitment
import Testing

@Suite("Lagrange cache files")
struct LagrangeCacheFileTests {
    static let basis8 = try! realVesta16.lagrangeBasis(domainSize: 8)
    static let basis32 = try! realVesta16.lagrangeBasis(domainSize: 32)

    @Test("both formats round-trip, chunked bases included")
    func roundTrips() throws {
        for format in LagrangeCacheFormat.allCases {
            for basis in [Self.basis8, Self.basis32] {
                #expect(try format.decode(format.encode(basis), curve: Vesta.self) == basis, "\(format)")
            }
        }
        let json = String(decoding: LagrangeCacheFormat.o1jsJSON.encode(Self.basis8), as: UTF8.self)
        #expect(json.hasPrefix("[{\"shifted\":[{\"x\":\""))
    }

    @Test("kimchi's encoding is rmp_serde's: each PolyComm a one-field array")
    func kimchiLayout() {
        let bytes = LagrangeCacheFormat.kimchi.encode(Self.basis32)
        #expect(Array(bytes.prefix(6)) == [0xdc, 0x00, 0x20, 0x91, 0x92, 0xc4])
        #expect(bytes.count == 3 + 32 * (2 + 2 * 35))
    }

    @Test("file names are kimchi's and o1js's")
    func names() {
        #expect(LagrangeCacheFormat.kimchi.fileName(curve: Vesta.self, srsLength: 65536, domainSize: 1024) == "lagrange_basis_65536-1024")
        #expect(LagrangeCacheFormat.o1jsJSON.fileName(curve: Vesta.self, srsLength: 65536, domainSize: 1024) == "lagrange-basis-fp-1024")
        #expect(LagrangeCacheFormat.o1jsJSON.fileName(curve: Pallas.self, srsLength: 65536, domainSize: 8) == "lagrange-basis-fq-8")
    }

    @Test("a saved file loads into a fresh SRS without computing")
    func saveAndLoad() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("lagrange-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        for format in LagrangeCacheFormat.allCases {
            let path = directory.appendingPathComponent(format.fileName(curve: Vesta.self, srsLength: 16, domainSize: 8)).path
            try realVesta16.saveLagrangeBasis(domainSize: 8, to: path, format: format)
            let fresh = try SRS<Vesta>.create(depth: 16)
            #expect(try fresh.loadLagrangeBasis(domainSize: 8, from: path, format: format) == Self.basis8)
            #expect(fresh.maybeLagrangeBasis(domainSize: 8) == Self.basis8)
            #expect(fresh.lagrangeBasisComputationCount == 0)
            // the same file does not fit a domain of 16, nor an SRS of 8
            #expect(throws: LagrangeCacheFileError.shape(path: path, .basisShapeMismatch("8 commitments for a domain of 16"))) {
                try fresh.loadLagrangeBasis(domainSize: 16, from: path, format: format)
            }
            let smallSRS = try SRS<Vesta>.create(depth: 4)
            #expect(throws: LagrangeCacheFileError.shape(path: path, .basisShapeMismatch("commitment 0 has 1 chunks, expected 2"))) {
                try smallSRS.loadLagrangeBasis(domainSize: 8, from: path, format: format)
            }
        }
    }

    @Test("a basis of the other curve is refused")
    func wrongCurve() throws {
        let pallas = try SRS<Pallas>.create(depth: 8).lagrangeBasis(domainSize: 8)
        for format in LagrangeCacheFormat.allCases {
            #expect {
                try format.decode(format.encode(pallas), curve: Vesta.self)
            } throws: { error in
                guard case .invalidPoint = (error as? LagrangeCacheError)?.reason else { return false }
                return true
            }
        }
    }

    @Test("truncated, trailing, mistyped and malformed files are typed errors")
    func malformed() {
        let bytes = LagrangeCacheFormat.kimchi.encode(Self.basis8)
        for length in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: LagrangeCacheError.self) { try LagrangeCacheFormat.kimchi.decode(Array(bytes.prefix(length)), curve: Vesta.self) }
        }
        #expect(throws: LagrangeCacheError(offset: bytes.count, reason: .trailingBytes(1))) {
            try LagrangeCacheFormat.kimchi.decode(bytes + [0], curve: Vesta.self)
        }
        var twoFields = bytes
        twoFields[1] = 0x92
        #expect(throws: LagrangeCacheError(offset: 1, reason: .wrongStructFieldCount(commitment: 0, 2))) {
            try LagrangeCacheFormat.kimchi.decode(twoFields, curve: Vesta.self)
        }
        var shortEntry = bytes
        shortEntry[4] = 32
        shortEntry.remove(at: 5)
        #expect(throws: LagrangeCacheError(offset: 3, reason: .wrongEntryLength(commitment: 0, chunk: 0, 32))) {
            try LagrangeCacheFormat.kimchi.decode(shortEntry, curve: Vesta.self)
        }
        for text in ["{}", "[1]", "[{\"shifted\": 3}]", "[{\"unshifted\": []}]"] {
            #expect(throws: LagrangeCacheError.self) { try LagrangeCacheFormat.o1jsJSON.decode(Array(text.utf8), curve: Vesta.self) }
        }
        #expect(throws: LagrangeCacheError(offset: 12, reason: .jsonSyntax("JSON syntax error at byte 12: unexpected end of input"))) {
            try LagrangeCacheFormat.o1jsJSON.decode(Array("[{\"shifted\":".utf8) + [], curve: Vesta.self)
        }
    }
}
