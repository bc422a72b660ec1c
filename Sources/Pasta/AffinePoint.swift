/// A point of a Pasta curve in affine coordinates, or the point at infinity.
///
/// This is the form points are stored, encoded and committed with; arithmetic
/// happens in `JacobianPoint`, which needs no inversions.
public struct AffinePoint<Curve: PastaCurve>: Sendable, Hashable, CustomStringConvertible {
    /// The x coordinate; zero for the point at infinity.
    public let x: Curve.BaseField
    /// The y coordinate; zero for the point at infinity.
    public let y: Curve.BaseField
    /// Whether this is the point at infinity, the group's identity.
    public let isInfinity: Bool

    /// Wraps coordinates without checking that they lie on the curve.
    ///
    /// For values this library computed itself; anything read from outside
    /// goes through `init(x:y:)`.
    @inlinable
    public init(unchecked x: Curve.BaseField, _ y: Curve.BaseField) {
        self.x = x
        self.y = y
        self.isInfinity = false
    }

    @inlinable
    init(unchecked x: Curve.BaseField, _ y: Curve.BaseField, isInfinity: Bool) {
        self.x = x
        self.y = y
        self.isInfinity = isInfinity
    }

    @inlinable
    init(infinity: Void) {
        self.x = .zero
        self.y = .zero
        self.isInfinity = true
    }

    /// Creates a finite point, checking the curve equation.
    ///
    /// - Parameters:
    ///   - x: the x coordinate.
    ///   - y: the y coordinate.
    /// - Throws: `PointDecodingError.notOnCurve` when y² ≠ x³ + 5.
    public init(x: Curve.BaseField, y: Curve.BaseField) throws(PointDecodingError) {
        guard y.squared == Curve.curveEquation(x) else { throw .notOnCurve }
        self.init(unchecked: x, y)
    }

    /// The point at infinity.
    @inlinable
    public static var infinity: Self { Self(infinity: ()) }

    /// Whether the point satisfies the curve equation (infinity does).
    @inlinable
    public var isOnCurve: Bool {
        isInfinity || y.squared == Curve.curveEquation(x)
    }

    /// The point with y negated.
    @inlinable
    public static prefix func - (point: Self) -> Self {
        point.isInfinity ? point : Self(unchecked: point.x, -point.y)
    }

    /// −P when `condition` holds, else P, without a branch on the condition
    /// (see `PrimeField.negated(if:)`).
    ///
    /// - Parameter condition: whether to negate.
    /// - Returns: the point or its negation.
    @inlinable @inline(__always)
    public func negated(if condition: Bool) -> Self {
        Self(unchecked: x, y.negated(if: condition), isInfinity: isInfinity)
    }

    /// The same point in Jacobian coordinates.
    @inlinable
    public var projective: JacobianPoint<Curve> { JacobianPoint(self) }

    /// φ(P) = (ξx, y), which equals [λ]P; see `PastaCurve.endomorphismScalar`.
    @inlinable
    public var endomorphism: Self {
        isInfinity ? self : Self(unchecked: Curve.endomorphismCoefficient * x, y)
    }

    /// The sum of two points.
    @inlinable
    public static func + (lhs: Self, rhs: Self) -> Self {
        (lhs.projective + rhs).affine
    }

    /// The point multiplied by a scalar.
    @inlinable
    public static func * (scalar: Curve.ScalarField, point: Self) -> Self {
        point.projective.multiplied(by: scalar).affine
    }

    /// "Infinity" or "(x, y)" in decimal.
    public var description: String {
        isInfinity ? "Infinity" : "(\(x), \(y))"
    }
}
