/// Curve arithmetic on many independent points at once, in affine
/// coordinates, sharing one field inversion per round.
///
/// An affine addition costs one inversion; Montgomery's trick turns K
/// inversions into one inversion and 3(K − 1) multiplications, so a whole
/// layer of independent additions costs about six multiplications each,
/// where a Jacobian addition costs about sixteen. This is what makes the
/// group FFT of a Lagrange basis and MSM buckets cheap.
///
/// The affine formulas break on the identity and when the two x
/// coordinates agree (a point added to itself or to its negation). Every
/// routine here checks for those cases per element and computes them
/// separately with the exact Jacobian formulas, so the results equal the
/// one-at-a-time arithmetic on every input.
public enum BatchAffine<Curve: PastaCurve> {
    /// A point of the curve.
    public typealias Point = AffinePoint<Curve>
    /// The field the coordinates live in.
    public typealias Field = Curve.BaseField

    /// Whether the chord formula applies: neither is the identity and the x
    /// coordinates differ (so the points are neither equal nor opposite).
    @inlinable @inline(__always)
    static func isGeneric(_ p: Point, _ q: Point) -> Bool {
        !p.isInfinity && !q.isInfinity && p.x != q.x
    }

    /// p + q in the backward pass of a chord round (`add(_:into:scratch:)`,
    /// `bucketSums`): by the chord when it applies, peeling this element's
    /// inverse off `inverse`, the inverse of the product of the denominators
    /// up to this one, given `before`, the product of those preceding it;
    /// otherwise by the exact formulas for the identity, P + P and P + (−P),
    /// which the forward pass left out of the product.
    @inlinable @inline(__always)
    static func roundSum(_ p: Point, _ q: Point, inverse: inout Field, before: Field) -> Point {
        if isGeneric(p, q) {
            let elementInverse = inverse * before
            inverse *= q.x - p.x
            return chord(p, q.x, q.y, inverse: elementInverse)
        }
        return exceptionalSum(p, q)
    }

    /// p + q where the chord does not apply (`isGeneric` is false): the
    /// identity on either side, P + P or P + (−P), by the exact formulas.
    @inlinable @inline(__always)
    static func exceptionalSum(_ p: Point, _ q: Point) -> Point {
        if q.isInfinity { return p }
        if p.isInfinity { return q }
        return (p.projective + q).affine
    }

    /// p + (qx, qy) by the chord through them, given 1/(qx − px).
    @inlinable @inline(__always)
    static func chord(_ p: Point, _ qx: Field, _ qy: Field, inverse: Field) -> Point {
        let slope = (qy - p.y) * inverse
        let x3 = slope.squared - p.x - qx
        return Point(unchecked: x3, slope * (p.x - x3) - p.y)
    }
}
