import Foundation

/// The BG/NBD ("beta-geometric / negative binomial") purchase model of Fader, Hardie & Lee,
/// "Counting your customers the easy way", Marketing Science 24(2), 2005 (FHL below).
///
/// While alive a customer buys as a Poisson process with rate λ ~ Gamma(r, α); after every
/// *repeat* purchase she drops out with probability p ~ Beta(a, b). Time is in weeks.
///
/// Every public function returns a finite number for any input: histories are sanitised
/// (negative → 0, T below t_x raised to t_x), parameters are clamped into the fit's box, and
/// every log, power and division is taken in a guarded form.
public struct BGNBD: Sendable, Equatable {
    public let r: Double, alpha: Double, a: Double, b: Double

    /// Parameters are clamped into [1e-4, 1e4] (non-finite → 1) so that the model can never
    /// produce NaN; fitted models already lie inside that box.
    public init(r: Double, alpha: Double, a: Double, b: Double) {
        self.r = ModelMath.clampParameter(r)
        self.alpha = ModelMath.clampParameter(alpha)
        self.a = ModelMath.clampParameter(a)
        self.b = ModelMath.clampParameter(b)
    }

    /// One group of customers sharing (x, t_x, T): x = repeat purchases (distinct purchase days after the first), t_x and T in weeks.
    public struct Summary: Sendable, Equatable {
        public let x: Double
        public let tx: Double
        public let T: Double
        public let count: Double
        public init(x: Double, tx: Double, T: Double, count: Double = 1) {
            self.x = x; self.tx = tx; self.T = T; self.count = count
        }
    }

    public struct Fit: Sendable {
        public let model: BGNBD
        /// Σ count · log-likelihood at the optimum (FHL eq. 6 summed over customers).
        public let logLikelihood: Double
        /// Customers fitted (Σ count).
        public let n: Int
    }

    public enum FitError: Error, Equatable, CustomStringConvertible {
        case tooFewCustomers(Int), noRepeatBuyers, didNotConverge
        public var description: String {
            switch self {
            case .tooFewCustomers(let n): return "BG/NBD: too few customers to fit (\(n))"
            case .noRepeatBuyers: return "BG/NBD: no customer has a repeat purchase, so the dropout process cannot be fitted"
            case .didNotConverge: return "BG/NBD: the likelihood has no finite optimum from any starting point"
            }
        }
    }

    // MARK: - Fitting

    /// Maximum likelihood on grouped summaries (weight = count): the stationary point itself,
    /// found by Newton's method with the exact gradient and Hessian (`Prepared.evaluate`) on
    /// (log r, log α, log a, log b) inside the box [1e-4, 1e4]⁴, and converged until the Newton
    /// step is below 1e-10 in every log-parameter. The answer therefore depends on the data
    /// alone, not on where the search began (to ~1e-10 relative).
    ///
    /// Global stage: three fixed starting shapes are each followed to a loose tolerance (on
    /// ``ScoutSample`` when there are many groups), and the best one is then
    /// converged on all groups. The box is what keeps degenerate data finite: when every
    /// customer buys daily the likelihood keeps rising as r, α → ∞ (no rate heterogeneity) and
    /// p → 0, and the optimum is reported on the box edge instead of diverging.
    /// - Parameter start: a point to converge from instead of the global stage (a neighbouring
    ///   estimate); the same stationary point, fewer evaluations. Monthly series do not use it,
    ///   so that every month is a function of its own data, bit for bit.
    public static func fit(_ summaries: [Summary], minimumCustomers: Int = 30, start: BGNBD? = nil) throws -> Fit {
        func cleaned(_ s: Summary) -> Summary? {
            guard s.count.isFinite, s.count > 0 else { return nil }
            let h = ModelMath.history(s.x, s.tx, s.T)
            return Summary(x: h.x, tx: h.tx, T: h.T, count: s.count)
        }
        func isClean(_ s: Summary) -> Bool {
            guard let c = cleaned(s) else { return false }
            return (c.x.bitPattern, c.tx.bitPattern, c.T.bitPattern) == (s.x.bitPattern, s.tx.bitPattern, s.T.bitPattern)
        }
        // Summaries that are clean already (as PurchaseGroups makes them) are used as they are:
        // a copy of a million customers' takes 15 MB.
        let clean = summaries.allSatisfy(isClean) ? summaries : summaries.compactMap(cleaned)
        let total = clean.reduce(0) { $0 + $1.count }
        let n = total < Double(Int.max) ? Int(total.rounded()) : Int.max
        guard n >= max(2, minimumCustomers) else { throw FitError.tooFewCustomers(n) }
        guard clean.contains(where: { $0.x > 0 }) else { throw FitError.noRepeatBuyers }

        let data = Prepared(clean)
        let newton = Newton(lower: ModelMath.logLower, upper: ModelMath.logUpper)
        let seed: [Double]
        if let start {
            seed = [start.r, start.alpha, start.a, start.b].map { ModelMath.clampLog(log($0)) }
        } else {
            // Starting points: fixed shapes, with α scaled so that r/α equals the observed
            // purchase rate Σx/ΣT (the mean of λ). Deterministic, and independent of the time unit.
            let purchases = clean.reduce(0) { $0 + $1.count * $1.x }
            let exposure = clean.reduce(0) { $0 + $1.count * $1.T }
            let rate = (purchases > 0 && exposure > 0) ? purchases / exposure : 1
            let shapes: [(r: Double, a: Double, b: Double)] = [(1, 1, 1), (0.3, 0.7, 2.5), (3, 2, 12)]
            let starts = shapes.map { s in [s.r, s.r / rate, s.a, s.b].map { ModelMath.clampLog(log($0)) } }
            let scout = ScoutSample.of(clean).map(Prepared.init) ?? data
            var loose = newton
            loose.stepTolerance = 1e-3
            // The first of equally good basins wins (min keeps the earliest).
            guard let best = starts.compactMap({ loose.minimize(from: $0, scout.evaluate) }).min(by: { $0.value < $1.value })
            else { throw FitError.didNotConverge }
            seed = best.point
        }
        guard let optimum = newton.minimize(from: seed, data.evaluate) else { throw FitError.didNotConverge }
        let p = optimum.point.map { exp($0) }
        let model = BGNBD(r: p[0], alpha: p[1], a: p[2], b: p[3])
        let ll = -optimum.value * data.total
        guard ll.isFinite else { throw FitError.didNotConverge }
        return Fit(model: model, logLikelihood: ll, n: n)
    }

    // MARK: - Per-customer quantities

    /// Log-likelihood of one customer with history (x, t_x, T) — FHL eq. 6:
    /// L = B(a,b+x)/B(a,b) · Γ(r+x)α^r/(Γ(r)(α+T)^{r+x})
    ///   + δ_{x>0} B(a+1,b+x−1)/B(a,b) · Γ(r+x)α^r/(Γ(r)(α+t_x)^{r+x}),
    /// written with lgamma and a log-sum-exp of the two terms so that large x cannot overflow.
    /// Returns −greatestFiniteMagnitude rather than −∞.
    public func logLikelihood(_ s: Summary) -> Double {
        let h = ModelMath.history(s.x, s.tx, s.T)
        let (x, tx, T) = (h.x, h.tx, h.T)
        let lg = ModelMath.logGamma
        let base = lg(r + x) - lg(r) + r * log(alpha) + lg(a + b) + lg(b + x) - lg(b) - lg(a + b + x)
        let alive = -(r + x) * log(alpha + T)
        var ll = base + alive
        if x > 0 {
            let dead = log(a) - log(max(b + x - 1, ModelMath.tiny)) - (r + x) * log(alpha + tx)
            ll = base + ModelMath.logSumExp(alive, dead)
        }
        return ll.isFinite ? ll : -.greatestFiniteMagnitude
    }

    /// P(alive at T | x, t_x, T) — FHL eq. 13 (the corrected form of the 2005 note):
    /// 1 / (1 + δ_{x>0} · a/(b+x−1) · ((α+T)/(α+t_x))^{r+x}).
    /// A customer without repeat purchases cannot have dropped out in this model, so it is 1.
    public func probabilityAlive(x: Double, tx: Double, T: Double) -> Double {
        let h = ModelMath.history(x, tx, T)
        guard h.x > 0 else { return 1 }
        let logOdds = logDeadOdds(h)
        let p = 1 / (1 + exp(min(logOdds, 700)))
        return p.isFinite ? min(max(p, 0), 1) : 0
    }

    /// log of δ·a/(b+x−1)·((α+T)/(α+t_x))^{r+x}, with log((α+T)/(α+t_x)) as a log1p.
    private func logDeadOdds(_ h: (x: Double, tx: Double, T: Double)) -> Double {
        log(a) - log(max(b + h.x - 1, ModelMath.tiny)) + (r + h.x) * log1p((h.T - h.tx) / (alpha + h.tx))
    }

    /// Expected purchases in the next t weeks for a customer with history (x, t_x, T) (FHL 2005 eq. 10, with the Gauss hypergeometric 2F1 evaluated by a convergent series, transformed when the argument is near or beyond 1).
    ///
    /// Eq. 10 is P(alive) · H, where H = E[Y(t) | alive] only depends on x and T:
    /// H = (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x; a+b+x−1; z)],
    /// z = t/(α+T+t). See `conditionalExpectation` for how H is evaluated.
    /// The result is clamped to [0, P(alive)·(r+x)t/(α+T)], the bound E[Y] ≤ E[λ]t.
    public func expectedPurchases(next t: Double, x: Double, tx: Double, T: Double) -> Double {
        expectedPurchases(next: t, x: x, tx: tx, T: T, conditional: conditionalExpectation)
    }

    /// Expected purchases in the next t weeks for every group: the same values as one call per
    /// group, with H worked out once per distinct (x, T) (it does not depend on t_x, and a
    /// million customers' groups share a few thousand (x, T)).
    public func expectedPurchases(next t: Double, _ groups: [Summary]) -> [Double] {
        var xs = DistinctPlaces(), times = DistinctPlaces(), pairs = DistinctPlaces()
        var known: [Double] = []
        return groups.map { s in
            expectedPurchases(next: t, x: s.x, tx: s.tx, T: s.T) { t, x, T in
                let (xPlace, timePlace) = (xs.place(of: x.bitPattern).place, times.place(of: T.bitPattern).place)
                let (pair, isNew) = pairs.place(of: UInt64(xPlace) << 32 | UInt64(timePlace))
                if !isNew { return known[pair] }
                known.append(conditionalExpectation(t: t, x: x, T: T))
                return known[pair]
            }
        }
    }

    private func expectedPurchases(next t: Double, x: Double, tx: Double, T: Double,
                                   conditional: (_ t: Double, _ x: Double, _ T: Double) -> Double) -> Double {
        guard t.isFinite ? t > 0 : t == .infinity else { return 0 }
        let horizon = min(t, 1e7)          // ~190,000 years; keeps every power finite
        let h = ModelMath.history(x, tx, T)
        let alive = probabilityAlive(x: h.x, tx: h.tx, T: h.T)
        let upper = (r + h.x) * horizon / (alpha + h.T)
        var e = conditional(horizon, h.x, h.T)
        if !e.isFinite || e < 0 { e = upper.isFinite ? upper : 0 }
        let value = alive * min(e, upper)
        return value.isFinite ? max(value, 0) : 0
    }

    /// Unconditional E[X(t)] for a new customer (eq. 9), used by the Monte-Carlo test.
    /// Eq. 9 is eq. 10 with x = t_x = T = 0 (where P(alive) = 1).
    public func expectedPurchasesNew(in t: Double) -> Double {
        expectedPurchases(next: t, x: 0, tx: 0, T: 0)
    }

    // MARK: - E[Y(t) | alive], the hypergeometric part of eq. 10

    /// H = E[Y(t) | alive, x, T]. Three evaluations, tried in order:
    ///
    /// 1. The series in z (for z > 0.7 only with a 400-term budget), after Euler's transformation
    ///    (1−z)^{r+x} ₂F₁(r+x, b+x; c; z) = (1−z)^{a−1} ₂F₁(a+b−1−r, a−1; c; z), c = a+b+x−1,
    ///    which has bounded terms where the original grows like (1−z)^{−(r+x)}. Splitting off the
    ///    factor (a−1) of every term k ≥ 1 also removes the 0/0 of eq. 10 at a = 1:
    ///    H = c·(−expm1((a−1)L)/(a−1)) − (1−z)^{a−1} Σ_{k≥1} t_k, L = log(1−z),
    ///    t_1 = (a+b−1−r)z, t_{k+1}/t_k = (a+b−1−r+k)(a+k−1)z / ((a+b+x+k−1)(k+1)).
    /// 2. z > 0.7: the same function through the connection formula z → 1−z (Abramowitz &
    ///    Stegun 15.3.6), whose two series in w = 1−z < 0.3 converge fast where the z-series
    ///    would need thousands of terms. Near its removable singularities (a = 1, or
    ///    s = r+x+1−a an integer) it is not used.
    /// 3. When a series loses more than ~5 digits to cancellation or does not converge (extreme
    ///    parameters such as the box edges), the posterior integral it stands for:
    ///    H = E_{p~Beta(a,b+x)}[(1 − ((α+T)/(α+T+pt))^{r+x}) / p], by tanh–sinh quadrature.
    func conditionalExpectation(t: Double, x: Double, T: Double) -> Double {
        let beta = alpha + T
        let z = t / (beta + t)
        let w = beta / (beta + t)
        // Beyond z = 0.7 the z-series is still tried with a small budget: for large x its
        // terms fall off like (z/x)^k long before the slow z^k tail, so it converges anyway.
        if let v = seriesInZ(z: z, w: w, x: x, maxTerms: z <= 0.7 ? 20_000 : 400) { return v }
        if z > 0.7, let v = connection(w: w, z: z, x: x) { return v }
        return posteriorIntegral(k: t / beta, x: x)
    }

    /// Path 1 (see `conditionalExpectation`). nil when the result cannot be trusted.
    private func seriesInZ(z: Double, w: Double, x: Double, maxTerms: Int) -> Double? {
        let c = a + b + x - 1
        let bp = a - 1
        let L = log(w)
        let head = c * (bp == 0 ? -L : -expm1(bp * L) / bp)
        let decay = exp(bp * L)
        let A = a + b - 1 - r
        let s = ModelMath.series(first: A * z, after: -A, maxTerms: maxTerms) { k in
            (A + k) * (a + k - 1) * z / ((a + b + x + k - 1) * (k + 1))
        }
        guard let sum = s else { return nil }
        let value = head - decay * sum.value
        let magnitude = max(abs(head), decay * sum.maxAbsTerm)
        return ModelMath.trusted(value, magnitude: magnitude)
    }

    /// Path 2 (see `conditionalExpectation`):
    /// H = [c − c·K₁ w^{a−1} ₂F₁(A, a−1; 1−s; w)]/(a−1) − K₂ w^{r+x} z^{2−a−b−x} ₂F₁(2−a, r+2−a−b; 1+s; w)
    /// with A = a+b−1−r, s = r+x+1−a, c·K₁ = Γ(a+b+x)Γ(s)/(Γ(r+x)Γ(b+x)),
    /// K₂ = Γ(a+b+x)Γ(−s)/(Γ(A)Γ(a)); the second series is Euler-transformed so that its
    /// terms stay bounded for large x.
    private func connection(w: Double, z: Double, x: Double) -> Double? {
        let s = r + x + 1 - a
        // Removable singularities: (a−1) → 0 and Γ(±s) at integer s cancel between terms.
        // Leave those to the quadrature rather than lose digits.
        guard abs(a - 1) > 1e-5, abs(s - s.rounded()) > 1e-5 else { return nil }
        let A = a + b - 1 - r
        let c = a + b + x - 1
        let lw = log(w), lz = log(z)
        let g = ModelMath.signedLogGamma
        // log|c·K₁| and log|K₂| with their signs (Γ of a negative argument can be negative).
        let gABX = g(a + b + x), gS = g(s), gRX = g(r + x), gBX = g(b + x)
        let l1 = gABX.value + gS.value - gRX.value - gBX.value
        let s1 = gABX.sign * gS.sign * gRX.sign * gBX.sign
        let gMinusS = g(-s), gA = g(A), gAlpha = g(a)
        let l2 = gABX.value + gMinusS.value - gA.value - gAlpha.value
        let s2 = gABX.sign * gMinusS.sign * gA.sign * gAlpha.sign
        guard let f1 = ModelMath.series(first: A * (a - 1) * w / (1 - s), after: max(-A, 1 - a, s - 1), maxTerms: 2_000, ratio: { k in
            (A + k) * (a - 1 + k) * w / ((1 - s + k) * (k + 1))
        }) else { return nil }
        guard let f2 = ModelMath.series(first: (2 - a) * (r + 2 - a - b) * w / (1 + s), after: max(a - 2, a + b - r - 2, -1 - s), maxTerms: 2_000, ratio: { k in
            (2 - a + k) * (r + 2 - a - b + k) * w / ((1 + s + k) * (k + 1))
        }) else { return nil }
        let k1 = s1 * exp(l1 + (a - 1) * lw)
        let first = k1 * (1 + f1.value)
        let term1 = (c - first) / (a - 1)
        // 1/Γ(A) = 0 at a pole of Γ(A) makes the second term vanish (exp(−∞) = 0).
        let k2 = l2 == -.infinity ? 0 : s2 * exp(l2 + (r + x) * lw + (2 - a - b - x) * lz)
        let term2 = k2 * (1 + f2.value)
        let value = term1 - term2
        let magnitude = max(abs(c / (a - 1)), abs(k1 / (a - 1)) * max(1, f1.maxAbsTerm),
                            abs(k2) * max(1, f2.maxAbsTerm))
        return ModelMath.trusted(value, magnitude: magnitude)
    }

    /// Path 3: H = E[g(p)] with p ~ Beta(a, b+x), g(p) = (1 − (1+kp)^{−(r+x)})/p, k = t/(α+T)
    /// (λ integrated out: E[e^{−λpt}] = (1+kp)^{−(r+x)}). Where the Beta density is singular
    /// (a < 1 at p = 0, b+x < 1 at p = 1) the value of g there is subtracted and added back
    /// in closed form, so the integrand vanishes at that end and tanh–sinh never needs the
    /// mass that sits below the smallest double.
    func posteriorIntegral(k: Double, x: Double) -> Double {
        let n = r + x
        let bb = b + x
        func g(_ p: Double) -> Double {
            let kp = k * p
            if kp < 1e-8 { return n * k * (1 - (n + 1) * kp / 2) }
            return -expm1(-n * log1p(kp)) / p
        }
        let g0 = n * k, g1 = -expm1(-n * log1p(k))
        let mean = a / (a + bb)
        let subtract0 = a < 1, subtract1 = bb < 1
        func line(_ p: Double) -> Double {
            switch (subtract0, subtract1) {
            case (true, true): return g0 * (1 - p) + g1 * p
            case (true, false): return g0
            case (false, true): return g1
            case (false, false): return 0
            }
        }
        let lineMean: Double = switch (subtract0, subtract1) {
            case (true, true): g0 * (1 - mean) + g1 * mean
            case (true, false): g0
            case (false, true): g1
            case (false, false): 0
        }
        let logB = ModelMath.logGamma(a) + ModelMath.logGamma(bb) - ModelMath.logGamma(a + bb)
        let integral = ModelMath.tanhSinhUnit { p, logP, logQ in
            (g(p) - line(p)) * exp(a * logP + bb * logQ - logB)
        }
        let value = lineMean + integral
        return value.isFinite ? value : 0
    }
}
