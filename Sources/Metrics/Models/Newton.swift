/// Newton's method in a box, for the small (3–4 parameter) smooth likelihoods of the BG/NBD and
/// Gamma–Gamma fits, which supply exact gradients and Hessians.
///
/// Why Newton: it converges quadratically, so the fit can stop on the Newton step itself —
/// H⁻¹g, the gradient measured in the Hessian's metric, i.e. the remaining distance to the
/// stationary point — at 1e-10 in every log-parameter. Any two starts in the same basin then
/// end at the same optimum to that accuracy, which a value-based stopping rule cannot promise.
///
/// Safeguards: a Levenberg–Marquardt shift H + μI (raised when the Hessian is not positive
/// definite or a step does not lower the value, lowered again after each success), a cap on
/// the step, and bounds handled as in projected Newton (Bertsekas 1982): a coordinate at a
/// bound whose gradient points out of the box is held there, the others take the Newton step
/// on their own block, a step that would leave the box ends where it first meets a bound, and
/// a coordinate already on a bound is clamped there. Deterministic: the same
/// objective and start always give the same result.
struct Newton: Sendable {
    let lower: Double
    let upper: Double
    /// Converged once a full Newton step (μ = 0) moves no free coordinate by more than this.
    var stepTolerance = 1e-10
    var maxIterations = 300
    /// Largest move of any coordinate in one step (in log-parameters, a factor of e² ≈ 7.4).
    var maxStep = 2.0

    /// Value, gradient and Hessian of the objective at one point; nil where it is not finite.
    struct Evaluation: Sendable {
        var value: Double
        var gradient: [Double]
        var hessian: [[Double]]
    }

    /// The last point reached and the objective there: the stationary point once a full Newton
    /// step is within `stepTolerance` (or every coordinate is held at a bound); otherwise as
    /// close as rounding allows (eight steps decided by rounding alone) or the iteration cap.
    struct Result: Sendable {
        var point: [Double]
        var value: Double
    }

    /// Coordinates this close to a bound, with the gradient pointing out, are held on it.
    private static let boundSlack = 1e-9
    /// A change of the objective this small relative to (1 + |f|) is rounding, not progress.
    private static let noise = 1e-12
    /// Newton steps this short (in every coordinate) are taken without a value test: the
    /// quadratic model's error, O(step³), is far below rounding there.
    private static let quadraticRegion = 1e-6

    /// nil when the objective is not finite at `start` (clamped into the box).
    func minimize(from start: [Double], _ evaluate: ([Double]) -> Evaluation?) -> Result? {
        var point = start.map { $0.isFinite ? min(max($0, lower), upper) : 0 }
        guard var current = evaluate(point), current.value.isFinite else { return nil }
        var mu = 0.0
        var noisySteps = 0
        for _ in 0..<maxIterations {
            let g = current.gradient, h = current.hessian
            let free = point.indices.filter { i in
                !((point[i] <= lower + Self.boundSlack && g[i] > 0) || (point[i] >= upper - Self.boundSlack && g[i] < 0))
            }
            let held = point.indices.filter { !free.contains($0) }
            let scale = max(free.map { abs(h[$0][$0]) }.max() ?? 1, 1e-12)
            guard !free.isEmpty, free.contains(where: { g[$0] != 0 }) else {
                return Result(point: point, value: current.value)
            }
            // Newton step on the free block, shifted until the system is positive definite.
            var step: [Double]? = nil
            while step == nil {
                step = Self.solve(free.map { i in free.map { j in h[i][j] + (i == j ? mu : 0) } }, free.map { -g[$0] })
                if step == nil { mu = mu == 0 ? 1e-8 * scale : mu * 10 }
                guard mu < 1e30 * scale else { break }
            }
            guard var delta = step else { break }
            let longest = delta.map(abs).max() ?? 0
            if longest > maxStep { delta = delta.map { $0 * maxStep / longest } }
            // A step that would leave the box is shortened to stop where the first coordinate
            // meets its bound. Clamping that coordinate alone would bend the step off the
            // ridge the others follow (b → ∞ with a/b fixed), and the shifts that then
            // rescued the value crawled to the bound in steps of 0.3 %.
            // A coordinate that would stop the step within a thousandth of it (one on or next
            // to its bound) is clamped instead, so that no step shrinks to nothing.
            var reach = 1.0
            for (k, i) in free.enumerated() where delta[k] != 0 {
                let share = (delta[k] > 0 ? upper - point[i] : lower - point[i]) / delta[k]
                if share >= 1e-3 { reach = min(reach, share) }
            }
            if reach < 1 { delta = delta.map { $0 * reach } }

            var trial = point
            for (k, i) in free.enumerated() { trial[i] = min(max(point[i] + delta[k], lower), upper) }
            for i in held { trial[i] = g[i] > 0 ? lower : upper }
            let moved = point.indices.map { trial[$0] - point[$0] }
            // Decrease predicted by the quadratic model along the step actually taken.
            var predicted = 0.0
            for i in moved.indices {
                predicted -= g[i] * moved[i]
                for j in moved.indices { predicted -= 0.5 * moved[i] * h[i][j] * moved[j] }
            }
            let candidate = evaluate(trial)
            let tolerance = Self.noise * (1 + abs(current.value))
            if let next = candidate, next.value.isFinite {
                let decrease = current.value - next.value
                let size = moved.map(abs).max() ?? 0
                let newton = mu == 0 && longest <= maxStep && reach == 1
                // Far from the optimum a step must lower the value. Close to it the value
                // changes by less than its own rounding (~1e-11 where log Γ(1e4) enters), while
                // a full Newton step on a positive definite Hessian is exact to rounding: such a
                // step is taken on the gradient's word, and so is one the model says changes nothing.
                let sufficient = predicted > tolerance ? decrease >= 1e-4 * predicted : decrease > tolerance
                let final = newton && size <= Self.quadraticRegion
                let flat = predicted <= tolerance && decrease >= -tolerance
                if sufficient || final || flat {
                    point = trial
                    current = next
                    mu = mu < 1e-6 * scale ? 0 : mu / 10
                    if newton && size <= stepTolerance {
                        return Result(point: point, value: current.value)
                    }
                    if !sufficient {
                        noisySteps += 1
                        // Rounding decides the steps now; the point is as good as the data allow.
                        if noisySteps >= 8 { break }
                    }
                    continue
                }
            }
            mu = max(mu * 10, 1e-6 * scale)
            if mu > 1e20 * scale { break }
        }
        return Result(point: point, value: current.value)
    }

    /// Solves A·x = b by Cholesky; nil unless A is (numerically) positive definite.
    static func solve(_ a: [[Double]], _ b: [Double]) -> [Double]? {
        let n = b.count
        var l = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        let largest = (0..<n).map { abs(a[$0][$0]) }.max() ?? 0
        for j in 0..<n {
            var d = a[j][j]
            for k in 0..<j { d -= l[j][k] * l[j][k] }
            guard d.isFinite, d > 1e-14 * largest else { return nil }
            l[j][j] = d.squareRoot()
            for i in (j + 1)..<n {
                var s = a[i][j]
                for k in 0..<j { s -= l[i][k] * l[j][k] }
                l[i][j] = s / l[j][j]
            }
        }
        var y = b
        for i in 0..<n {
            for k in 0..<i { y[i] -= l[i][k] * y[k] }
            y[i] /= l[i][i]
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            for k in (i + 1)..<n { y[i] -= l[k][i] * y[k] }
            y[i] /= l[i][i]
        }
        return y.allSatisfy(\.isFinite) ? y : nil
    }
}
