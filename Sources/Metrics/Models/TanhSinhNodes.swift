import Foundation

/// The nodes of ``ModelMath/tanhSinhUnit(_:)``, level by level: where each lies and its
/// weight do not depend on the integrand, so they are worked out once for the process instead
/// of seven transcendental functions per node per integral (two thirds of the quadrature, which
/// the expected purchases fall back on a hundred times a month).
///
/// Level 0 is the node at 0 and then pairs at ±j·h, h = ½; level L ≥ 1 holds the pairs at
/// ±i·h for odd i, h = ½ / 2^L: the order in which the quadrature adds them.
struct TanhSinhNodes: Sendable {
    struct Node: Sendable {
        let p: Double, logP: Double, logQ: Double
        /// cosh u, which the Jacobian π cosh u multiplies in after π.
        let cosh: Double
    }

    /// π sinh 7 ≈ 1722: beyond it nothing is left.
    static let limit = 7.0
    static let firstStep = 0.5
    static let refinements = 10

    let levels: [[Node]]

    static let shared = TanhSinhNodes()

    private init() {
        func softplus(_ v: Double) -> Double { v > 0 ? v + log1p(exp(-v)) : log1p(exp(v)) }
        func node(_ u: Double) -> Node {
            let y = Double.pi * sinh(u)
            let logP = -softplus(-y), logQ = -softplus(y)
            return Node(p: exp(logP), logP: logP, logQ: logQ, cosh: Foundation.cosh(u))
        }
        var h = Self.firstStep
        var first = [node(0)]
        var j = 1.0
        while j * h <= Self.limit { first += [node(j * h), node(-j * h)]; j += 1 }
        var levels = [first]
        for _ in 0..<Self.refinements {
            h /= 2
            var level: [Node] = []
            var i = 1.0
            while i * h <= Self.limit { level += [node(i * h), node(-i * h)]; i += 2 }
            levels.append(level)
        }
        self.levels = levels
    }
}
