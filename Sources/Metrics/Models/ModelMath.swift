import Foundation

/// Numerical helpers shared by the BG/NBD and Gamma–Gamma models. No state.
enum ModelMath {
    static let tiny = 1e-300
    /// The fits search log-parameters in [log 1e-4, log 1e4].
    static let logLower = log(1e-4)
    static let logUpper = log(1e4)

    static func clampLog(_ u: Double) -> Double { u.isFinite ? min(max(u, logLower), logUpper) : 0 }
    static func clampParameter(_ v: Double) -> Double { v.isFinite && v > 0 ? min(max(v, 1e-4), 1e4) : (v == .infinity ? 1e4 : 1) }

    /// (x, t_x, T) made consistent: non-negative, t_x = 0 without repeats, T ≥ t_x.
    static func history(_ x: Double, _ tx: Double, _ T: Double) -> (x: Double, tx: Double, T: Double) {
        let x = x.isFinite ? max(x, 0) : 0
        let tx = x > 0 && tx.isFinite ? max(tx, 0) : 0
        let T = T.isFinite ? max(T, tx) : tx
        return (x, tx, T)
    }

    /// log|Γ(v)| via lgamma_r (plain lgamma writes the global `signgam`, a data race when
    /// fits run concurrently).
    static func logGamma(_ v: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(v, &sign)
    }

    /// (log|Γ(v)|, sign of Γ(v)); at a pole log|Γ| = +∞, so 1/Γ evaluates to exp(−∞) = 0.
    static func signedLogGamma(_ v: Double) -> (value: Double, sign: Double) {
        var sign: Int32 = 0
        let value = lgamma_r(v, &sign)
        return (value, sign < 0 ? -1 : 1)
    }

    /// log(eᵘ + eᵛ) without overflow.
    static func logSumExp(_ u: Double, _ v: Double) -> Double {
        let m = max(u, v)
        guard m > -.infinity else { return -.infinity }
        return m + log1p(exp(min(u, v) - m))
    }

    /// Σ_{k≥1} t_k with t_1 = first and t_{k+1} = t_k · ratio(k); stops when a term is below
    /// 1e-17 of the sum (or exactly 0). nil if not converged within maxTerms or not finite.
    /// `after`: no stop before k exceeds it — a numerator parameter near −k makes one term
    /// tiny while later terms are not, and a negative denominator parameter near −k makes a
    /// later term large (pass the largest −(parameter) of either kind).
    static func series(first: Double, after: Double, maxTerms: Int, ratio: (Double) -> Double) -> (value: Double, maxAbsTerm: Double)? {
        var term = first, sum = first, largest = abs(first)
        var k = 1
        while Double(k) <= after || (term != 0 && abs(term) > 1e-17 * abs(sum)) {
            guard k < maxTerms else { return nil }
            term *= ratio(Double(k))
            sum += term
            largest = max(largest, abs(term))
            k += 1
            guard sum.isFinite, term.isFinite else { return nil }
        }
        return (sum, largest)
    }

    /// Accept a value computed as a difference of terms of size `magnitude` only if at least
    /// ~11 significant digits survive the cancellation.
    static func trusted(_ value: Double, magnitude: Double) -> Double? {
        guard value.isFinite, magnitude.isFinite, value > 0 else { return nil }
        return magnitude <= 1e5 * value ? value : nil
    }

    /// ∫₀¹ f dp by tanh–sinh (double-exponential) quadrature: p = 1/(1 + e^{−π sinh u}).
    /// The integrand receives p and the logs of p and 1−p computed without rounding, so it can
    /// form Beta densities even where p or 1−p is below the smallest double. The Jacobian
    /// dp/du = p(1−p)·π cosh u is folded in as p·(1−p): f is called as f(p, log p, log(1−p))
    /// and must return (integrand) · p(1−p).
    static func tanhSinhUnit(_ f: (Double, Double, Double) -> Double) -> Double {
        func value(_ n: TanhSinhNodes.Node) -> Double {
            let v = f(n.p, n.logP, n.logQ) * Double.pi * n.cosh
            return v.isFinite ? v : 0
        }
        /// A refinement's new nodes, which are all pairs (``TanhSinhNodes``).
        func pairs(_ level: [TanhSinhNodes.Node]) -> Double {
            var total = 0.0
            for k in stride(from: 0, to: level.count, by: 2) { total += value(level[k]) + value(level[k + 1]) }
            return total
        }
        let levels = TanhSinhNodes.shared.levels
        var h = TanhSinhNodes.firstStep
        var sum = value(levels[0][0])
        // Level 0: the node at 0, then its pairs added to `sum` one by one.
        for k in stride(from: 1, to: levels[0].count, by: 2) { sum += value(levels[0][k]) + value(levels[0][k + 1]) }
        var estimate = sum * h
        for level in levels.dropFirst() {
            h /= 2
            sum += pairs(level)
            let next = sum * h
            let done = abs(next - estimate) <= 1e-12 * abs(next)
            estimate = next
            if done { break }
        }
        return estimate
    }
}
