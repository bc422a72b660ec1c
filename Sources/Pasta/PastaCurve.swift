/// One of the two Pasta curves, y² = x³ + 5, as a type-level description.
///
/// Pallas and Vesta form a cycle: each one's scalar field is the other's base
/// field. Points are `AffinePoint<Curve>` and `JacobianPoint<Curve>`, reached
/// as `Pallas.Point` and `Pallas.Projective`.
public protocol PastaCurve: Sendable {
    /// The field the coordinates live in.
    associatedtype BaseField: PrimeField
    /// The field of scalars: the order of the curve's group.
    associatedtype ScalarField: PrimeField

    /// "pallas" or "vesta", as kimchi names its SRS files.
    static var name: String { get }
    /// The generator kimchi and arkworks use: x = 1.
    static var generator: AffinePoint<Self> { get }
    /// ξ, a primitive cube root of unity in the base field: (x, y) ↦ (ξx, y)
    /// is an automorphism of the curve.
    static var endomorphismCoefficient: BaseField { get }
    /// λ, the cube root of unity in the scalar field with φ(P) = [λ]P for
    /// every point P, where φ(x, y) = (ξx, y).
    static var endomorphismScalar: ScalarField { get }
    /// The short lattice basis for splitting scalars around λ (GLV).
    static var glvBasis: GLVBasis<ScalarField> { get }
}

extension PastaCurve {
    /// b in y² = x³ + b; a is zero on both curves.
    @inlinable
    public static var coefficientB: BaseField { BaseField(5) }

    /// The right-hand side x³ + 5 of the curve equation.
    @inlinable
    public static func curveEquation(_ x: BaseField) -> BaseField {
        x.squared * x + coefficientB
    }
}
