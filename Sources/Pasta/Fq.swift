/// The Pasta field q = 0x4000…224698fc0994a8dd8c46eb2100000001: Vesta's base
/// field and Pallas's scalar field.
///
/// plonk-wasm's `caml_fq_srs_*` SRS is the Pallas SRS, whose commitments take
/// scalars in this field.
public struct Fq: PrimeField {
    public var montgomeryValue: UInt256

    @inlinable @inline(__always)
    public init(montgomeryValue: UInt256) { self.montgomeryValue = montgomeryValue }

    @inlinable public static var modulus: UInt256 {
        UInt256(0x8c46_eb21_0000_0001, 0x2246_98fc_0994_a8dd, 0x0000_0000_0000_0000, 0x4000_0000_0000_0000)
    }
    @inlinable public static var montgomeryOne: UInt256 {
        UInt256(0x5b2b_3e9c_ffff_fffd, 0x992c_350b_e342_0567, 0xffff_ffff_ffff_ffff, 0x3fff_ffff_ffff_ffff)
    }
    @inlinable public static var montgomeryRSquared: UInt256 {
        UInt256(0xfc96_78ff_0000_000f, 0x67bb_433d_891a_16e3, 0x7fae_2310_04cc_f590, 0x096d_41af_7ccf_daa9)
    }
    @inlinable public static var montgomeryInverse: UInt64 { 0x8c46_eb20_ffff_ffff }
    @inlinable public static var twoAdicity: Int { 32 }
    @inlinable public static var traceMinusOneOverTwo: UInt256 {
        UInt256(0x04ca_546e_c623_7590, 0x0000_0000_1123_4c7e, 0x0000_0000_0000_0000, 0x0000_0000_2000_0000)
    }
    @inlinable public static var generatorToTrace: UInt256 {
        UInt256(0x2180_7742_8c99_42de, 0xcc49_5789_21b6_0494, 0xac2e_5d27_b2ef_bee2, 0x0b79_fa89_7f2d_b056)
    }
    @inlinable public static var modulusMinusOneOverTwo: UInt256 {
        UInt256(0xc623_7590_8000_0000, 0x1123_4c7e_04ca_546e, 0x0000_0000_0000_0000, 0x2000_0000_0000_0000)
    }
    public static var name: String { "Fq" }
    /// Built on the first square root taken in this field.
    public static let twoAdicDiscreteLog = TwoAdicDiscreteLog<Fq>()
}
