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
}
