import Foundation

/// The Gamma–Gamma spend model (Fader & Hardie, "The Gamma-Gamma Model of Monetary Value",
/// 2013 note; Colombo & Jiang 1999). A customer's purchase values are Gamma(p, ν); across
/// customers ν ~ Gamma(q, γ). The mean m_x of x purchase values is a sufficient statistic,
/// with density (note eq. 1, after integrating ν out)
///   f(m_x | p, q, γ, x) = Γ(px+q)/(Γ(px)Γ(q)) · γ^q m_x^{px−1} x^{px} / (γ + m_x x)^{px+q}.
///
/// ReviewPack fits it on customers with x ≥ 1 repeat purchases and their mean repeat value
/// (the first purchase excluded, METRICS.md). Customers whose repeat purchases average 0 have
/// no density and are left out and counted. All outputs are finite for any input.
public struct GammaGamma: Sendable, Equatable {
    public let p: Double, q: Double, gamma: Double

    /// p and q are clamped into [1e-4, 1e4]; γ (in money units) must be positive and finite
    /// (otherwise 1). Fitted models already satisfy this.
    public init(p: Double, q: Double, gamma: Double) {
        self.p = ModelMath.clampParameter(p)
        self.q = ModelMath.clampParameter(q)
        self.gamma = gamma.isFinite && gamma > 0 ? gamma : 1
    }

    /// One group of customers sharing (x, mean repeat value).
    public struct Summary: Sendable, Equatable {
        public let x: Double
        public let mean: Double
        public let count: Double
        public init(x: Double, mean: Double, count: Double = 1) {
            self.x = x; self.mean = mean; self.count = count
        }
    }

    public struct Fit: Sendable {
        public let model: GammaGamma
        /// Σ count · log f(m_x) over the customers fitted.
        public let logLikelihood: Double
        /// Customers fitted (x ≥ 1 and mean > 0).
        public let n: Int
        /// Customers with x ≥ 1 left out because their mean repeat value is 0 (or negative).
        public let excludedZeroMean: Int
    }

    public enum FitError: Error, Equatable, CustomStringConvertible {
        case tooFewCustomers(Int)
        /// The optimum has q ≤ 1: the population mean spend pγ/(q−1) does not exist
        /// (the spend distribution is too heavy-tailed for this model).
        case meanUndefined(q: Double)
        case didNotConverge
        public var description: String {
            switch self {
            case .tooFewCustomers(let n): return "Gamma–Gamma: too few customers with repeat purchases of positive value to fit (\(n))"
            case .meanUndefined(let q): return "Gamma–Gamma: fitted q = \(q) ≤ 1, so the mean spend pγ/(q−1) is undefined"
            case .didNotConverge: return "Gamma–Gamma: the likelihood has no finite optimum from any starting point"
            }
        }
    }

    /// Maximum likelihood on grouped (x, mean, count) summaries: the stationary point, found by
    /// Newton's method with the exact gradient and Hessian (`Prepared.evaluate`) on
    /// (log p, log q, log γ) and converged until the Newton step is below 1e-10 in every
    /// log-parameter; three fixed starting shapes are followed to a loose tolerance first (on
    /// ``ScoutSample`` when there are many groups) and the best one is converged on all groups.
    ///
    /// Values are divided by their weighted mean before the search (γ is then scaled back),
    /// so the search box [1e-4, 1e4]³ on (p, q, γ) is unit-free: whether amounts are in yuan or
    /// fen changes γ only.
    /// - Parameter start: a point to converge from instead of the starting shapes (a
    ///   neighbouring estimate); the same stationary point, fewer evaluations.
    public static func fit(_ summaries: [Summary], minimumCustomers: Int = 30, start: GammaGamma? = nil) throws -> Fit {
        var used: [Summary] = []
        var excluded = 0.0
        for s in summaries where s.count.isFinite && s.count > 0 && s.x.isFinite && s.x >= 1 {
            if s.mean.isFinite && s.mean > 0 { used.append(s) } else { excluded += s.count }
        }
        let total = used.reduce(0) { $0 + $1.count }
        let n = total < Double(Int.max) ? Int(total.rounded()) : Int.max
        let left = excluded < Double(Int.max) ? Int(excluded.rounded()) : Int.max
        guard n >= max(2, minimumCustomers) else { throw FitError.tooFewCustomers(n) }

        let scale = used.reduce(0) { $0 + $1.count * $1.mean } / total
        guard scale.isFinite, scale > 0 else { throw FitError.didNotConverge }
        let data = Prepared(used, scale: scale)
        let newton = Newton(lower: ModelMath.logLower, upper: ModelMath.logUpper)
        let seed: [Double]
        if let start {
            seed = [start.p, start.q, start.gamma / scale].map { ModelMath.clampLog(log($0)) }
        } else {
            // Shapes (p, q) with γ chosen so that the model mean pγ/(q−1) is 1 (the scaled mean).
            let shapes: [(p: Double, q: Double)] = [(1, 3), (4, 4), (10, 2)]
            let starts = shapes.map { s in [s.p, s.q, (s.q - 1) / s.p].map { ModelMath.clampLog(log($0)) } }
            var loose = newton
            loose.stepTolerance = 1e-3
            // The first of equally good basins wins (min keeps the earliest).
            let scout = ScoutSample.of(used).map { Prepared($0, scale: scale) } ?? data
            guard let best = starts.compactMap({ loose.minimize(from: $0, scout.evaluate) }).min(by: { $0.value < $1.value })
            else { throw FitError.didNotConverge }
            seed = best.point
        }
        guard let optimum = newton.minimize(from: seed, data.evaluate) else { throw FitError.didNotConverge }
        let model = GammaGamma(p: exp(optimum.point[0]), q: exp(optimum.point[1]), gamma: exp(optimum.point[2]) * scale)
        guard model.q > 1 else { throw FitError.meanUndefined(q: model.q) }
        // Scaling values by 1/scale multiplies each density by scale: log f = log f' − log scale.
        let ll = -optimum.value * total - total * log(scale)
        guard ll.isFinite else { throw FitError.didNotConverge }
        return Fit(model: model, logLikelihood: ll, n: n, excludedZeroMean: left)
    }

    /// log f(m_x | p, q, γ, x) for one customer (note eq. 1). −greatestFiniteMagnitude when the
    /// density does not exist (x < 1 or m_x ≤ 0).
    public func logLikelihood(_ s: Summary) -> Double {
        guard s.x.isFinite, s.x >= 1, s.mean.isFinite, s.mean > 0 else { return -.greatestFiniteMagnitude }
        let px = p * s.x
        let lg = ModelMath.logGamma
        let ll = lg(px + q) - lg(px) - lg(q) + q * log(gamma) + (px - 1) * log(s.mean)
            + px * log(s.x) - (px + q) * log(gamma + s.mean * s.x)
        return ll.isFinite ? ll : -.greatestFiniteMagnitude
    }

    /// pγ/(q − 1), the mean of the spend distribution across customers; nil when q ≤ 1.
    public var populationMean: Double? {
        guard q > 1 else { return nil }
        let m = p * gamma / (q - 1)
        return m.isFinite ? m : nil
    }

    /// E[M | x, m_x] = p(γ + x·m_x)/(p·x + q − 1) for x ≥ 1 (note eq. 5: a weighted average of
    /// the population mean and the customer's own mean, weight px/(px+q−1) on the latter), and
    /// the population mean pγ/(q − 1) for x = 0.
    /// Edge cases, so the result is always finite: a negative mean counts as 0; with q ≤ 1
    /// (never produced by `fit`) x = 0 gives 0 and x ≥ 1 gives the customer's own mean.
    public func expectedAverageValue(x: Double, mean: Double) -> Double {
        let m = mean.isFinite ? max(mean, 0) : 0
        guard x.isFinite, x >= 1 else { return populationMean ?? 0 }
        let denominator = p * x + q - 1
        guard denominator > 0 else { return m }
        let v = p * (gamma + x * m) / denominator
        return v.isFinite ? v : m
    }
}
