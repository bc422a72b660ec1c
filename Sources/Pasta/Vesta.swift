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
}
