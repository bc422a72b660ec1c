/// BLAKE2b (RFC 7693), the hash kimchi turns into SRS points.
///
/// Streaming: `update` any number of times, then `finalize`. Unkeyed or keyed,
/// with a digest of 1 to 64 bytes; kimchi uses the unkeyed 64-byte BLAKE2b-512.
public struct BLAKE2b: Sendable {
    private var state: InlineArray<8, UInt64>
    private var buffer: InlineArray<128, UInt8>
    private var bufferCount = 0
    private var byteCount: UInt128 = 0
    private let outputByteCount: Int

    private static let iv: InlineArray<8, UInt64> = [
        0x6a09_e667_f3bc_c908, 0xbb67_ae85_84ca_a73b, 0x3c6e_f372_fe94_f82b, 0xa54f_f53a_5f1d_36f1,
        0x510e_527f_ade6_82d1, 0x9b05_688c_2b3e_6c1f, 0x1f83_d9ab_fb41_bd6b, 0x5be0_cd19_137e_2179,
    ]

    private static let sigma: [[Int]] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
        [14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3],
        [11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4],
        [7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8],
        [9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13],
        [2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9],
        [12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11],
        [13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10],
        [6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5],
        [10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0],
    ]

    /// Why a BLAKE2b parameter was refused.
    public enum ParameterError: Error, Sendable, Equatable {
        /// The digest length is not in 1...64.
        case outputLength(Int)
        /// The key is longer than 64 bytes.
        case keyLength(Int)
    }

    /// Starts a hash.
    ///
    /// - Parameters:
    ///   - outputByteCount: the digest length, 1 to 64 (64 for BLAKE2b-512).
    ///   - key: an optional key of at most 64 bytes.
    /// - Throws: `ParameterError` when a length is out of range.
    public init(outputByteCount: Int = 64, key: [UInt8] = []) throws(ParameterError) {
        guard (1...64).contains(outputByteCount) else { throw .outputLength(outputByteCount) }
        guard key.count <= 64 else { throw .keyLength(key.count) }
        self.outputByteCount = outputByteCount
        state = Self.iv
        state[0] ^= 0x0101_0000 ^ (UInt64(key.count) << 8) ^ UInt64(outputByteCount)
        buffer = InlineArray(repeating: 0)
        if !key.isEmpty {
            var block = key
            block += [UInt8](repeating: 0, count: 128 - key.count)
            update(block)
        }
    }

    /// The unkeyed BLAKE2b-512 digest of some bytes.
    ///
    /// - Parameter bytes: the message.
    /// - Returns: 64 bytes.
    public static func hash512(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var hasher = try! BLAKE2b()  // 64 bytes and no key are always valid
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// Absorbs more of the message.
    ///
    /// - Parameter bytes: the next bytes.
    public mutating func update(_ bytes: some Sequence<UInt8>) {
        for byte in bytes {
            if bufferCount == 128 {
                byteCount &+= 128
                compress(isLast: false)
                bufferCount = 0
            }
            buffer[bufferCount] = byte
            bufferCount += 1
        }
    }

    /// Finishes the hash.
    ///
    /// - Returns: the digest, `outputByteCount` bytes.
    public consuming func finalize() -> [UInt8] {
        byteCount &+= UInt128(bufferCount)
        for i in bufferCount..<128 { buffer[i] = 0 }
        compress(isLast: true)
        var out = [UInt8]()
        out.reserveCapacity(64)
        for i in 0..<8 {
            for j in 0..<8 { out.append(UInt8(truncatingIfNeeded: state[i] >> UInt64(8 * j))) }
        }
        return Array(out.prefix(outputByteCount))
    }

    private mutating func compress(isLast: Bool) {
        var m = InlineArray<16, UInt64>(repeating: 0)
        for i in 0..<16 {
            var word: UInt64 = 0
            for j in 0..<8 { word |= UInt64(buffer[8 * i + j]) << UInt64(8 * j) }
            m[i] = word
        }
        var v = InlineArray<16, UInt64>(repeating: 0)
        for i in 0..<8 {
            v[i] = state[i]
            v[i + 8] = Self.iv[i]
        }
        v[12] ^= UInt64(truncatingIfNeeded: byteCount)
        v[13] ^= UInt64(truncatingIfNeeded: byteCount >> 64)
        if isLast { v[14] = ~v[14] }

        @inline(__always)
        func mix(_ a: Int, _ b: Int, _ c: Int, _ d: Int, _ x: UInt64, _ y: UInt64) {
            v[a] = v[a] &+ v[b] &+ x
            v[d] = (v[d] ^ v[a]).rotatedRight(32)
            v[c] = v[c] &+ v[d]
            v[b] = (v[b] ^ v[c]).rotatedRight(24)
            v[a] = v[a] &+ v[b] &+ y
            v[d] = (v[d] ^ v[a]).rotatedRight(16)
            v[c] = v[c] &+ v[d]
            v[b] = (v[b] ^ v[c]).rotatedRight(63)
        }

        for round in 0..<12 {
            let s = Self.sigma[round % 10]
            mix(0, 4, 8, 12, m[s[0]], m[s[1]])
            mix(1, 5, 9, 13, m[s[2]], m[s[3]])
            mix(2, 6, 10, 14, m[s[4]], m[s[5]])
            mix(3, 7, 11, 15, m[s[6]], m[s[7]])
            mix(0, 5, 10, 15, m[s[8]], m[s[9]])
            mix(1, 6, 11, 12, m[s[10]], m[s[11]])
            mix(2, 7, 8, 13, m[s[12]], m[s[13]])
            mix(3, 4, 9, 14, m[s[14]], m[s[15]])
        }
        for i in 0..<8 { state[i] ^= v[i] ^ v[i + 8] }
    }
}

extension UInt64 {
    @inline(__always)
    fileprivate func rotatedRight(_ count: UInt64) -> UInt64 {
        (self >> count) | (self << (64 - count))
    }
}
