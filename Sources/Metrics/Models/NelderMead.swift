import Foundation

/// A small, deterministic Nelder–Mead simplex minimiser (Nelder & Mead 1965, with the
/// standard coefficients: reflection 1, expansion 2, contraction ½, shrink ½).
///
/// Why derivative-free: the BG/NBD and Gamma–Gamma likelihoods have cheap values but messy
/// gradients (digamma of every term), and the fits only have 3–4 parameters, where
/// Nelder–Mead is reliable when it is restarted. The models minimise over *log*-parameters,
/// so every parameter stays positive without constraints.
///
/// Non-finite objective values are treated as +∞ (a vertex there is always the worst one),
/// which is how callers express "outside the admissible box". Nothing here is random or
/// global: the same objective and start always give the same result.
struct NelderMead: Sendable {
    /// Stop when the spread of the simplex values, max f − min f, is at most
    /// `valueTolerance · (1 + |min f|)` …
    var valueTolerance: Double = 1e-10
    /// … and every vertex is within `pointTolerance` (max-norm) of the best vertex.
    var pointTolerance: Double = 1e-6
    /// Iterations allowed per run (one run = one simplex from start to convergence).
    var maxIterations: Int = 4000
    /// Runs after the first, each from a fresh simplex around the best point so far. Restarting
    /// guards against the well-known premature collapse of the simplex (McKinnon 1998).
    var restarts: Int = 1
    /// Edge length of the initial simplex along each axis.
    var initialStep: Double = 0.5
    /// Tolerances of the scouting runs of `minimize(fromEach:)`.
    var scoutValueTolerance: Double = 1e-7
    var scoutPointTolerance: Double = 1e-2

    /// For a start that is already near the optimum (last month's estimate): a small simplex,
    /// parameters to 0.01 % (1e-4 in log space), no confirming restart. A cold fit keeps the
    /// full multi-start search with the tight defaults.
    static let warm = NelderMead(valueTolerance: 1e-9, pointTolerance: 1e-4, restarts: 0, initialStep: 0.05)

    struct Result: Sendable {
        var point: [Double]
        var value: Double
        var iterations: Int
        var evaluations: Int
        /// True when the last run met both tolerances before `maxIterations`.
        var converged: Bool
    }

    /// Multi-start search: every start is run with loose tolerances and no restarts (enough to
    /// tell which basin is best), then the best point is polished with this minimiser's own
    /// tolerances, restarts and a smaller simplex. The result is the best finite point seen;
    /// nil when no start reaches a finite value. Ties keep the earlier start (deterministic).
    /// Polishing only one basin keeps the cost near one full run, which matters for a
    /// million-customer fit where each evaluation walks every distinct history.
    func minimize(fromEach starts: [[Double]], _ objective: ([Double]) -> Double) -> Result? {
        var scout = self
        scout.valueTolerance = max(valueTolerance, scoutValueTolerance)
        scout.pointTolerance = max(pointTolerance, scoutPointTolerance)
        scout.restarts = 0
        var best: Result? = nil
        var evaluations = 0, iterations = 0
        for start in starts {
            let r = scout.minimize(from: start, objective)
            evaluations += r.evaluations
            iterations += r.iterations
            if r.value.isFinite, best == nil || r.value < best!.value { best = r }
        }
        guard let seed = best else { return nil }
        var polish = self
        polish.initialStep = min(initialStep, 0.1)
        var final = polish.minimize(from: seed.point, objective)
        final.evaluations += evaluations
        final.iterations += iterations
        return final.value <= seed.value ? final : seed
    }

    func minimize(from start: [Double], _ objective: ([Double]) -> Double) -> Result {
        var evaluations = 0
        func f(_ x: [Double]) -> Double {
            evaluations += 1
            let v = objective(x)
            return v.isFinite ? v : .infinity
        }
        var best = start
        var bestValue = f(start)
        var iterations = 0
        var converged = false
        for run in 0...max(0, restarts) {
            let r = singleRun(from: best, startValue: bestValue, f)
            iterations += r.iterations
            converged = r.converged
            let improved = r.value < bestValue
                && bestValue - r.value > valueTolerance * (1 + abs(r.value))
            if r.value <= bestValue { best = r.point; bestValue = r.value }
            // A restart that finds nothing better confirms the optimum; stop there.
            if run > 0 && !improved && r.converged { break }
        }
        return Result(point: best, value: bestValue, iterations: iterations,
                      evaluations: evaluations, converged: converged)
    }

    private func singleRun(from start: [Double], startValue: Double,
                           _ f: ([Double]) -> Double) -> (point: [Double], value: Double, iterations: Int, converged: Bool) {
        let n = start.count
        guard n > 0 else { return (start, startValue, 0, true) }
        var simplex: [[Double]] = [start]
        var values: [Double] = [startValue]
        for i in 0..<n {
            var v = start
            v[i] += initialStep
            var fv = f(v)
            if !fv.isFinite {            // the step left the admissible region: try the other side
                v[i] = start[i] - initialStep
                fv = f(v)
            }
            simplex.append(v)
            values.append(fv)
        }
        var iteration = 0
        while iteration < maxIterations {
            // Order vertices best → worst; ties keep their index order (deterministic).
            let order = (0...n).sorted { values[$0] < values[$1] || (values[$0] == values[$1] && $0 < $1) }
            simplex = order.map { simplex[$0] }
            values = order.map { values[$0] }

            if values[0].isFinite && converged(simplex, values) {
                return (simplex[0], values[0], iteration, true)
            }
            iteration += 1

            var centroid = [Double](repeating: 0, count: n)
            for j in 0..<n { for k in 0..<n { centroid[k] += simplex[j][k] } }
            for k in 0..<n { centroid[k] /= Double(n) }
            let worst = simplex[n]
            func along(_ c: Double) -> [Double] { (0..<n).map { centroid[$0] + c * (worst[$0] - centroid[$0]) } }

            let reflected = along(-1)
            let fr = f(reflected)
            if fr < values[0] {
                let expanded = along(-2)
                let fe = f(expanded)
                if fe < fr { simplex[n] = expanded; values[n] = fe } else { simplex[n] = reflected; values[n] = fr }
                continue
            }
            if fr < values[n - 1] { simplex[n] = reflected; values[n] = fr; continue }
            // Contraction: outside if the reflected point beats the worst, inside otherwise.
            let outside = fr < values[n]
            let contracted = along(outside ? -0.5 : 0.5)
            let fc = f(contracted)
            if fc < (outside ? fr : values[n]) { simplex[n] = contracted; values[n] = fc; continue }
            // Shrink towards the best vertex.
            for j in 1...n {
                simplex[j] = (0..<n).map { simplex[0][$0] + 0.5 * (simplex[j][$0] - simplex[0][$0]) }
                values[j] = f(simplex[j])
            }
        }
        let i = values.indices.min { values[$0] < values[$1] } ?? 0
        return (simplex[i], values[i], iteration, false)
    }

    private func converged(_ simplex: [[Double]], _ values: [Double]) -> Bool {
        guard let last = values.last, last.isFinite else { return false }
        guard last - values[0] <= valueTolerance * (1 + abs(values[0])) else { return false }
        for v in simplex.dropFirst() {
            for k in v.indices where abs(v[k] - simplex[0][k]) > pointTolerance { return false }
        }
        return true
    }
}
