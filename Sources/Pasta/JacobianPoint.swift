/// A point of a Pasta curve in Jacobian coordinates: (X, Y, Z) stands for
/// (X/Z², Y/Z³), and Z = 0 for the point at infinity.
///
/// The formulas are the a = 0 ones from the Explicit-Formulas Database
/// (dbl-2009-l, add-2007-bl, madd-2007-bl), with the exceptional cases
/// (equal or opposite inputs, infinity) handled explicitly.
public struct JacobianPoint<Curve: PastaCurve>: Sendable, CustomStringConvertible {
    public typealias Field = Curve.BaseField

    /// X.
    public var x: Field
    /// Y.
    public var y: Field
    /// Z; zero exactly for the point at infinity.
    public var z: Field

    /// Wraps Jacobian coordinates as given.
    @inlinable
    public init(x: Field, y: Field, z: Field) {
        self.x = x
        self.y = y
        self.z = z
    }

    /// The Jacobian form of an affine point.
    @inlinable
    public init(_ point: AffinePoint<Curve>) {
        if point.isInfinity {
            self.init(x: .one, y: .one, z: .zero)
        } else {
            self.init(x: point.x, y: point.y, z: .one)
        }
    }

    /// The point at infinity.
    @inlinable
    public static var infinity: Self { Self(x: .one, y: .one, z: .zero) }

    /// Whether this is the point at infinity.
    @inlinable
    public var isInfinity: Bool { z.isZero }

    /// The point doubled.
    @inlinable
    public var doubled: Self {
        if isInfinity { return self }
        let a = x.squared
        let b = y.squared
        let c = b.squared
        let d = ((x + b).squared - a - c).doubled
        let e = a.doubled + a
        let f = e.squared
        let x3 = f - d.doubled
        let y3 = e * (d - x3) - c.doubled.doubled.doubled
        let z3 = (y * z).doubled
        return Self(x: x3, y: y3, z: z3)
    }

    /// The sum of two Jacobian points.
    @inlinable
    public static func + (lhs: Self, rhs: Self) -> Self {
        if lhs.isInfinity { return rhs }
        if rhs.isInfinity { return lhs }
        let z1z1 = lhs.z.squared
        let z2z2 = rhs.z.squared
        let u1 = lhs.x * z2z2
        let u2 = rhs.x * z1z1
        let s1 = lhs.y * rhs.z * z2z2
        let s2 = rhs.y * lhs.z * z1z1
        if u1 == u2 {
            return s1 == s2 ? lhs.doubled : .infinity
        }
        let h = u2 - u1
        let i = h.doubled.squared
        let j = h * i
        let r = (s2 - s1).doubled
        let v = u1 * i
        let x3 = r.squared - j - v.doubled
        let y3 = r * (v - x3) - (s1 * j).doubled
        let z3 = ((lhs.z + rhs.z).squared - z1z1 - z2z2) * h
        return Self(x: x3, y: y3, z: z3)
    }

    /// The sum of a Jacobian and an affine point (mixed addition, cheaper).
    @inlinable
    public static func + (lhs: Self, rhs: AffinePoint<Curve>) -> Self {
        if rhs.isInfinity { return lhs }
        if lhs.isInfinity { return Self(rhs) }
        let z1z1 = lhs.z.squared
        let u2 = rhs.x * z1z1
        let s2 = rhs.y * lhs.z * z1z1
        if lhs.x == u2 {
            return lhs.y == s2 ? lhs.doubled : .infinity
        }
        let h = u2 - lhs.x
        let hh = h.squared
        let i = hh.doubled.doubled
        let j = h * i
        let r = (s2 - lhs.y).doubled
        let v = lhs.x * i
        let x3 = r.squared - j - v.doubled
        let y3 = r * (v - x3) - (lhs.y * j).doubled
        let z3 = (lhs.z + h).squared - z1z1 - hh
        return Self(x: x3, y: y3, z: z3)
    }

    /// Adds in place.
    @inlinable
    public static func += (lhs: inout Self, rhs: Self) { lhs = lhs + rhs }

    /// Adds an affine point in place.
    @inlinable
    public static func += (lhs: inout Self, rhs: AffinePoint<Curve>) { lhs = lhs + rhs }

    /// The negated point.
    @inlinable
    public static prefix func - (point: Self) -> Self {
        Self(x: point.x, y: -point.y, z: point.z)
    }

    /// The difference of two points.
    @inlinable
    public static func - (lhs: Self, rhs: Self) -> Self { lhs + (-rhs) }

    /// The point multiplied by a scalar, by double-and-add over the scalar's
    /// canonical bits: the plain reference method.
    ///
    /// - Parameter scalar: any element of the scalar field.
    /// - Returns: [scalar]·self.
    @inlinable
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public func multiplied(by scalar: Curve.ScalarField) -> Self {
        multiplied(byInteger: scalar.canonical)
    }

    /// The point multiplied by a non-negative integer, by double-and-add.
    ///
    /// - Parameter scalar: any 256-bit integer.
    @inlinable
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public func multiplied(byInteger scalar: UInt256) -> Self {
        var result = Self.infinity
        var i = scalar.bitWidth - 1
        while i >= 0 {
            result = result.doubled
            if scalar.bit(i) { result += self }
            i -= 1
        }
        return result
    }

    /// The point in affine coordinates; costs one inversion.
    @inlinable
    public var affine: AffinePoint<Curve> {
        guard let zInverse = z.inverse else { return .infinity }
        let zInverse2 = zInverse.squared
        return AffinePoint(unchecked: x * zInverse2, y * zInverse2 * zInverse)
    }

    /// Converts many points to affine with one shared inversion.
    ///
    /// - Parameter points: the points to convert.
    /// - Returns: the affine points, in the same order.
    @inlinable
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public static func batchNormalize(_ points: [Self]) -> [AffinePoint<Curve>] {
        var inverses = points.map(\.z)
        Field.batchInvert(&inverses)
        var out = [AffinePoint<Curve>]()
        out.reserveCapacity(points.count)
        for (point, zInverse) in zip(points, inverses) {
            if point.isInfinity {
                out.append(.infinity)
            } else {
                let zInverse2 = zInverse.squared
                out.append(AffinePoint(unchecked: point.x * zInverse2, point.y * zInverse2 * zInverse))
            }
        }
        return out
    }

    /// The point as affine coordinates in text.
    public var description: String { affine.description }
}

extension JacobianPoint: Equatable {
    /// Compares the points the coordinates stand for, not the coordinates.
    @inlinable
    public static func == (lhs: Self, rhs: Self) -> Bool {
        if lhs.isInfinity || rhs.isInfinity { return lhs.isInfinity == rhs.isInfinity }
        let z1z1 = lhs.z.squared
        let z2z2 = rhs.z.squared
        return lhs.x * z2z2 == rhs.x * z1z1
            && lhs.y * rhs.z * z2z2 == rhs.y * lhs.z * z1z1
    }
}
