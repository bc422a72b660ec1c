/// The Pallas curve: y² = x³ + 5 over `Fp`, with a group of order q, so its
/// scalars are `Fq`. Its SRS is plonk-wasm's `caml_fq_srs`.
public enum Pallas: PastaCurve {
    public typealias BaseField = Fp
    public typealias ScalarField = Fq
    /// An affine Pallas point.
    public typealias Point = AffinePoint<Pallas>
    /// A Pallas point in Jacobian coordinates.
    public typealias Projective = JacobianPoint<Pallas>

    public static var name: String { "pallas" }

    public static var generator: Point {
        Point(
            unchecked: .one,
            Fp(canonical: UInt256(0x19cf_7a23_caed_2abb, 0x8f65_5bd4_333d_4771, 0x53df_a9f0_6378_ee54, 0x1b74_b5a3_0a12_937c))!
        )
    }

    public static var endomorphismCoefficient: Fp {
        Fp(canonical: UInt256(0x7b7f_d22f_0201_b547, 0x0527_0d29_d19f_c7d2, 0xd355_2a23_a855_4e50, 0x2d33_357c_b532_458e))!
    }

    public static var endomorphismScalar: Fq {
        Fq(canonical: UInt256(0x619d_1840_af55_f1b1, 0x1259_527e_c1d4_752e, 0xaee2_4b27_e308_f0a6, 0x397e_65a7_d7c1_ad71))!
    }

    /// The GLV basis for Fq around `endomorphismScalar` (derived by
    /// `Tests/tools/glv_basis.py`; the tests check a + b·λ ≡ 0).
    public static let glvBasis = GLVBasis<Fq>(
        a1: Fq(canonical: UInt256(0x8cb1_2793_0000_0000, 0x49e6_9d16_40a8_9953, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000))!,
        b1: Fq(canonical: UInt256(0x0c7c_095a_0000_0000, 0xd85f_fbe5_c8a4_5fc8, 0xffff_ffff_ffff_ffff, 0x3fff_ffff_ffff_ffff))!,
        a2: Fq(canonical: UInt256(0x0c7c_095a_0000_0001, 0x93cd_3a2c_8198_e269, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000))!,
        b2: Fq(canonical: UInt256(0x8cb1_2793_0000_0000, 0x49e6_9d16_40a8_9953, 0x0000_0000_0000_0000, 0x0000_0000_0000_0000))!,
        g1: UInt256(0x32c4_9e4b_ffff_ffff, 0x279a_7459_02a2_654e, 0x0000_0000_0000_0001, 0x0000_0000_0000_0000),
        g2: UInt256(0xff2b_871c_0000_0003, 0x279a_7459_03c1_2455, 0x0000_0000_0000_0001, 0x0000_0000_0000_0000)
    )
}
