public import Pasta

/// Something a radix-2 transform can act on: field elements (an ordinary
/// FFT) or curve points (the same linear map with points as coefficients,
/// which is how Lagrange-basis commitments are computed).
public protocol FFTElement<Scalar>: Sendable {
    /// The field the transform's roots of unity live in.
    associatedtype Scalar: PrimeField
    /// The additive identity.
    static var fftZero: Self { get }
    /// Whether this is the identity (lets the transform skip work on padding).
    var isFFTZero: Bool { get }
    /// The sum.
    static func + (lhs: Self, rhs: Self) -> Self
    /// The difference.
    static func - (lhs: Self, rhs: Self) -> Self
    /// This times a scalar.
    func scaled(by scalar: Scalar) -> Self
}

/// A field element seen as a transform element (the ordinary FFT).
struct FieldElement<Field: PrimeField>: FFTElement {
    typealias Scalar = Field
    var value: Field
    static var fftZero: FieldElement { FieldElement(value: .zero) }
    var isFFTZero: Bool { value.isZero }
    static func + (lhs: FieldElement, rhs: FieldElement) -> FieldElement { FieldElement(value: lhs.value + rhs.value) }
    static func - (lhs: FieldElement, rhs: FieldElement) -> FieldElement { FieldElement(value: lhs.value - rhs.value) }
    func scaled(by scalar: Field) -> FieldElement { FieldElement(value: value * scalar) }
}

extension JacobianPoint: FFTElement {
    public typealias Scalar = Curve.ScalarField
    public static var fftZero: JacobianPoint { .infinity }
    public var isFFTZero: Bool { isInfinity }
    public func scaled(by scalar: Curve.ScalarField) -> JacobianPoint {
        isInfinity || scalar.isOne ? self : multipliedGLV(by: scalar)
    }
}
