/// groupmap's `BWParameters`: the Shallue–van de Woestijne map from a field
/// element t to a curve point, as kimchi uses it to derive SRS points.
///
/// For t it proposes three x candidates; the first whose x³ + 5 is a square
/// gives the point (x, √(x³ + 5)) with ark-ff's square root. At least one
/// candidate always works: f(x₁)·f(x₂)·f(x₃) is a square by construction.
public struct BWGroupMap<Curve: PastaCurve>: Sendable {
    public typealias Field = Curve.BaseField

    /// The smallest u ≥ 1 with f(u) ≠ 0; 1 on both Pasta curves.
    public let u: Field
    /// f(u) = u³ + 5.
    public let fu: Field
    /// (√(−3u²) − u) / 2.
    public let sqrtNegThreeUSquaredMinusUOverTwo: Field
    /// √(−3u²), with ark-ff's root.
    public let sqrtNegThreeUSquared: Field
    /// 1 / (3u²).
    public let inverseThreeUSquared: Field

    /// groupmap's `setup`: derives the constants from the curve.
    public init() {
        var candidate = Field.one
        while Curve.curveEquation(candidate).isZero { candidate += .one }
        u = candidate
        fu = Curve.curveEquation(candidate)
        let three = Field(3)
        let threeUSquared = u.squared * three
        // Both exist on Pasta: 3u² is nonzero and −3 is a square when p ≡ 1 (mod 3).
        inverseThreeUSquared = threeUSquared.inverse!
        sqrtNegThreeUSquared = (-threeUSquared).squareRoot!
        sqrtNegThreeUSquaredMinusUOverTwo = (sqrtNegThreeUSquared - u) * Field(2).inverse!
    }

    /// The three candidates for t, given t² and α = 1/((t² + f(u))·t²) (zero when that is zero).
    @inlinable
    func candidates(tSquared t2: Field, alpha: Field) -> (Field, Field, Field) {
        let x1 = sqrtNegThreeUSquaredMinusUOverTwo - t2.squared * alpha * sqrtNegThreeUSquared
        let x2 = -u - x1
        let t2PlusFu = t2 + fu
        let t2Inverse = alpha * t2PlusFu
        let x3 = u - t2PlusFu.squared * t2Inverse * inverseThreeUSquared
        return (x1, x2, x3)
    }

    /// The point for t, as groupmap's `to_group`.
    ///
    /// - Parameter t: any base field element.
    /// - Returns: the point (x, y) with the first working candidate x.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public func toGroup(_ t: Field) -> AffinePoint<Curve> {
        let t2 = t.squared
        let alpha = ((t2 + fu) * t2).inverse ?? .zero
        return firstPoint(candidates(tSquared: t2, alpha: alpha))
    }

    /// The points for many t at once, sharing one field inversion across all
    /// of them (groupmap's `batch_to_group_x`, then the same point choice).
    ///
    /// - Parameter ts: the field elements.
    /// - Returns: `toGroup` of each, in order.
    @_specialize(where Curve == Vesta)
    @_specialize(where Curve == Pallas)
    public func batchToGroup(_ ts: [Field]) -> [AffinePoint<Curve>] {
        let squares = ts.map(\.squared)
        var alphas = squares.map { ($0 + fu) * $0 }
        Field.batchInvert(&alphas)
        // Each t's x by the Legendre symbols alone, then every root at once
        // (eight exponentiations side by side where the kernels run).
        let chosen = zip(squares, alphas).map { firstCandidate(candidates(tSquared: $0, alpha: $1)) }
        let roots = Field.squareRoots(of: chosen.map(\.fx))
        return zip(chosen, roots).map { point(x: $0.x, root: $1) }
    }

    /// The first candidate x whose f(x) is a square (or zero), which one of
    /// the three always is, with that f(x). The Legendre symbol decides: a
    /// non-square's root attempt is an exponentiation thrown away, and half
    /// the candidates are non-squares.
    @inlinable
    func firstCandidate(_ xs: (Field, Field, Field)) -> (x: Field, fx: Field) {
        for x in [xs.0, xs.1] {
            let fx = Curve.curveEquation(x)
            if fx.legendreSymbol != .quadraticNonResidue { return (x, fx) }
        }
        return (xs.2, Curve.curveEquation(xs.2))
    }

    /// The point (x, y) given the root y of the chosen candidate's f(x).
    @inlinable
    func point(x: Field, root y: Field?) -> AffinePoint<Curve> {
        // Unreachable when nil: the product of the three f(x) values is a
        // square, so one of them is. groupmap panics here too.
        guard let y else { preconditionFailure("BW map found no candidate on \(Curve.name); the field constants are wrong") }
        return AffinePoint(unchecked: x, y)
    }

    @inlinable
    func firstPoint(_ xs: (Field, Field, Field)) -> AffinePoint<Curve> {
        let chosen = firstCandidate(xs)
        return point(x: chosen.x, root: chosen.fx.squareRoot)
    }
}
