/// The Vesta curve: y² = x³ + 5 over `Fq`, with a group of order p, so its
/// scalars are `Fp`. Its SRS is plonk-wasm's `caml_fp_srs`, the one o1js
/// proves with.
public enum Vesta: PastaCurve {
    public typealias BaseField = Fq
    public typealias ScalarField = Fp
    /// An affine Vesta point.
    public typealias Point = AffinePoint<Vesta>
    /// A Vesta point in Jacobian coordinates.
    public typealias Projective = JacobianPoint<Vesta>

    public static var name: String { "vesta" }

    public static var generator: Point {
        Point(
            unchecked: .one,
            Fq(canonical: UInt256(0x4e43_89b9_b027_6a62, 0xacce_3a7f_298b_a20c, 0x13b6_4e3a_ae89_754c, 0x1943_666e_a922_ae6b))!
        )
    }

    public static var endomorphismCoefficient: Fq {
        Fq(canonical: UInt256(0x2aa9_d2e0_50aa_0e4f, 0x0fed_467d_47c0_33af, 0x511d_b4d8_1cf7_0f5a, 0x0681_9a58_283e_528e))!
    }

    public static var endomorphismScalar: Fp {
        Fp(canonical: UInt256(0x1dad_5ebd_fdfe_4ab9, 0x1d1f_8bd2_37ad_3149, 0x2caa_d5dc_57aa_b1b0, 0x12cc_ca83_4acd_ba71))!
    }

    /// The GLV basis for Fp around `endomorphismScalar` (derived by
    /// `Tests/tools/glv_basis.py`; the tests check a + b·λ ≡ 0).
    public static let glvBasis = GLVBasis<Fp>(
        a1: Fp(canonical: UInt256(0x7fca_e1c7_0000_0000, 0x49e6_9d16_40f0_4915, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000))!,
        b1: Fp(canonical: UInt256(0x0c7c_095a_0000_0000, 0xd85f_fbe5_c8a4_5fc8, 0xffff_ffff_ffff_ffff, 0x3fff_ffff_ffff_ffff))!,
        a2: Fp(canonical: UInt256(0x8cb1_2793_0000_0001, 0x49e6_9d16_40a8_9953, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000))!,
        b2: Fp(canonical: UInt256(0x0c7c_095a_0000_0001, 0x93cd_3a2c_8198_e269, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000))!,
        g1: UInt256(0x31f0_2568_0000_0003, 0x4f34_e8b2_0663_89a4, 0x0000_0000_0000_0002, 0x0000_0000_0000_0000),
        g2: UInt256(0x32c4_9e4c_0000_0003, 0x279a_7459_02a2_654e, 0x0000_0000_0000_0001, 0x0000_0000_0000_0000)
    )
}
