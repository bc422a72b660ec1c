import Pasta
import PolyCommitment
import Testing

/// Files above `KimchiSRSFormat`'s parallel threshold are decompressed on
/// several threads; the result, and the error a bad file gets, must be the
/// ones a reading in file order gives.
@Suite("Parallel SRS decoding")
struct SRSParallelDecodingTests {
    static let srs = try! SRS<Vesta>.createParallel(depth: 2048)
    static let encoded = KimchiSRSFormat.encode(srs)
    /// [g, h] header, then g's array16 header: entries start at byte 4.
    static func entryOffset(_ i: Int) -> Int { 4 + 35 * i }

    private func decodingError(_ bytes: [UInt8]) -> SRSDecodingError? {
        do {
            _ = try KimchiSRSFormat.decode(bytes, curve: Vesta.self, executor: DispatchExecutor(threads: 2))
            return nil
        } catch {
            return error
        }
    }

    /// Both flag bits set: a point fault.
    private func badPoint(_ bytes: inout [UInt8], _ i: Int) { bytes[Self.entryOffset(i) + 34] = 0xc0 }

    /// A 32-byte entry: a framing fault (later offsets shift by one).
    private func shortEntry(_ bytes: inout [UInt8], _ i: Int) {
        bytes[Self.entryOffset(i) + 1] = 32
        bytes.remove(at: Self.entryOffset(i) + 2)
    }

    @Test("a 2,048-point file decodes the same on two threads as on one")
    func sameResult() throws {
        #expect(Self.encoded[1] == 0xdc)  // the layout entryOffset assumes
        let parallel = try KimchiSRSFormat.decode(Self.encoded, curve: Vesta.self, executor: DispatchExecutor(threads: 2))
        let serial = try KimchiSRSFormat.decode(Self.encoded, curve: Vesta.self, executor: SerialExecutor())
        #expect(parallel == Self.srs)
        #expect(serial == Self.srs)
    }

    @Test("of two bad points the first in the file is reported")
    func firstBadPoint() {
        var bytes = Self.encoded
        badPoint(&bytes, 1900)
        badPoint(&bytes, 1100)
        #expect(decodingError(bytes) == SRSDecodingError(offset: Self.entryOffset(1100), reason: .invalidPoint(.g(1100), .invalidFlags(0xc0))))
    }

    @Test("a bad point before a framing fault is reported, not the fault")
    func pointBeforeFraming() {
        var bytes = Self.encoded
        shortEntry(&bytes, 1500)
        badPoint(&bytes, 5)
        #expect(decodingError(bytes) == SRSDecodingError(offset: Self.entryOffset(5), reason: .invalidPoint(.g(5), .invalidFlags(0xc0))))
    }

    @Test("a framing fault before a bad point is reported, not the point")
    func framingBeforePoint() {
        var bytes = Self.encoded
        badPoint(&bytes, 1500)
        shortEntry(&bytes, 3)
        #expect(decodingError(bytes) == SRSDecodingError(offset: Self.entryOffset(3), reason: .wrongEntryLength(.g(3), 32)))
    }
}
