/// The Pasta field p = 0x4000…224698fc094cf91b992d30ed00000001: Pallas's base
/// field and Vesta's scalar field.
///
/// kimchi calls it `Fp`; plonk-wasm's `caml_fp_srs_*` SRS is the Vesta SRS,
/// whose commitments take scalars in this field.
public struct Fp: PrimeField {
    public var montgomeryValue: UInt256

    @inlinable @inline(__always)
    public init(montgomeryValue: UInt256) { self.montgomeryValue = montgomeryValue }

    @inlinable public static var modulus: UInt256 {
        UInt256(0x992d_30ed_0000_0001, 0x2246_98fc_094c_f91b, 0x0000_0000_0000_0000, 0x4000_0000_0000_0000)
    }
    @inlinable public static var montgomeryOne: UInt256 {
        UInt256(0x3478_6d38_ffff_fffd, 0x992c_350b_e419_14ad, 0xffff_ffff_ffff_ffff, 0x3fff_ffff_ffff_ffff)
    }
    @inlinable public static var montgomeryRSquared: UInt256 {
        UInt256(0x8c78_ecb3_0000_000f, 0xd7d3_0dbd_8b0d_e0e7, 0x7797_a99b_c3c9_5d18, 0x096d_41af_7b9c_b714)
    }
    @inlinable public static var montgomeryInverse: UInt64 { 0x992d_30ec_ffff_ffff }
    @inlinable public static var twoAdicity: Int { 32 }
    @inlinable public static var traceMinusOneOverTwo: UInt256 {
        UInt256(0x04a6_7c8d_cc96_9876, 0x0000_0000_1123_4c7e, 0x0000_0000_0000_0000, 0x0000_0000_2000_0000)
    }
    @inlinable public static var generatorToTrace: UInt256 {
        UInt256(0xa28d_b849_bad6_dbf0, 0x9083_cd03_d3b5_39df, 0xfba6_b9ca_9dc8_448e, 0x3ec9_2874_7b89_c6da)
    }
    @inlinable public static var modulusMinusOneOverTwo: UInt256 {
        UInt256(0xcc96_9876_8000_0000, 0x1123_4c7e_04a6_7c8d, 0x0000_0000_0000_0000, 0x2000_0000_0000_0000)
    }
    public static var name: String { "Fp" }
    /// Built on the first square root taken in this field.
    public static let twoAdicDiscreteLog = TwoAdicDiscreteLog<Fp>()
}
