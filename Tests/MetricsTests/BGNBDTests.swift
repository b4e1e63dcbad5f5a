import Foundation
import Testing
@testable import Metrics

// MARK: - Seeded simulation (test-only)

/// xoshiro256** (Blackman & Vigna), seeded through SplitMix64: a fixed seed gives the same
/// stream on every platform, so every simulated data set below is reproducible.
struct Xoshiro256: RandomNumberGenerator {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    mutating func next() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0; s.3 ^= s.1; s.1 ^= s.2; s.0 ^= s.3
        s.2 ^= t
        s.3 = s.3 << 45 | s.3 >> 19
        return result
    }

    /// Uniform on the open interval (0, 1).
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }

    /// Standard normal by Box–Muller (one value per call, no cached state).
    mutating func normal() -> Double {
        let u = uniform(), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }

    mutating func exponential(rate: Double) -> Double { -log(uniform()) / rate }

    /// Gamma(shape, rate) by Marsaglia & Tsang (2000); shape < 1 via Gamma(shape+1)·U^{1/shape}.
    mutating func gamma(shape: Double, rate: Double) -> Double {
        if shape < 1 { return gamma(shape: shape + 1, rate: rate) * pow(uniform(), 1 / shape) }
        let d = shape - 1.0 / 3, c = 1 / (9 * d).squareRoot()
        while true {
            var x = 0.0, v = 0.0
            repeat { x = normal(); v = 1 + c * x } while v <= 0
            v = v * v * v
            let u = uniform()
            if log(u) < 0.5 * x * x + d - d * v + d * log(v) { return d * v / rate }
        }
    }

    /// Beta(a, b) as G₁/(G₁+G₂) with Gᵢ Marsaglia–Tsang gamma draws.
    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let g1 = gamma(shape: a, rate: 1), g2 = gamma(shape: b, rate: 1)
        return g1 / (g1 + g2)
    }
}

/// The BG/NBD generative process (FHL 2005 §3): λ ~ Gamma(r, α), p ~ Beta(a, b); the first
/// purchase is at 0; while alive, purchases arrive as a Poisson(λ) process and after each
/// repeat purchase the customer drops out with probability p.
struct BGNBDSimulator {
    let r: Double, alpha: Double, a: Double, b: Double

    struct Customer { var x = 0; var tx = 0.0; var alive = true; var future = 0; var times: [Double] = [] }

    /// History in (0, T] in continuous time, then (if `horizon` > 0) purchases in (T, T+horizon].
    func customer(T: Double, horizon: Double = 0, keepTimes: Bool = false, _ rng: inout Xoshiro256) -> Customer {
        let lambda = rng.gamma(shape: r, rate: alpha)
        let p = rng.beta(a, b)
        var c = Customer()
        var t = 0.0
        while true {
            t += rng.exponential(rate: lambda)
            if t > T + horizon { break }
            if t <= T { c.x += 1; c.tx = t; if keepTimes { c.times.append(t) } } else { c.future += 1 }
            if rng.uniform() < p { if t <= T { c.alive = false }; break }
        }
        return c
    }

    /// A cohort whose first purchases fall on whole days: customer ages T are uniform over
    /// `ageDays` days, purchase times are floored to days and same-day purchases merge, as in
    /// the real summaries. Returned grouped by (x, t_x, T) in a fixed order.
    func cohort(customers: Int, ageDays: ClosedRange<Int>, seed: UInt64) -> [BGNBD.Summary] {
        var rng = Xoshiro256(seed: seed)
        var groups: [[Int]: Double] = [:]
        for _ in 0..<customers {
            let ageDay = ageDays.lowerBound + Int(rng.uniform() * Double(ageDays.count))
            let c = customer(T: Double(ageDay) / 7, keepTimes: true, &rng)
            let days = Set(c.times.map { min(Int(($0 * 7).rounded(.down)), ageDay) }.filter { $0 > 0 })
            groups[[days.count, days.max() ?? 0, ageDay], default: 0] += 1
        }
        return groups.keys.sorted { $0.lexicographicallyPrecedes($1) }.map {
            BGNBD.Summary(x: Double($0[0]), tx: Double($0[1]) / 7, T: Double($0[2]) / 7, count: groups[$0]!)
        }
    }
}

/// Standard errors from the observed information: the inverse of minus the numerical Hessian
/// (central differences, step 1e-3 in log-parameters) of the total log-likelihood.
func standardErrorsOfLogParameters(at logParameters: [Double], _ logLikelihood: ([Double]) -> Double) -> [Double] {
    let n = logParameters.count, h = 1e-3
    func f(_ d: [(Int, Double)]) -> Double {
        var u = logParameters
        for (i, v) in d { u[i] += v }
        return logLikelihood(u)
    }
    var info = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
    for i in 0..<n {
        for j in i..<n {
            let v: Double
            if i == j {
                v = (f([(i, h)]) - 2 * f([]) + f([(i, -h)])) / (h * h)
            } else {
                v = (f([(i, h), (j, h)]) - f([(i, h), (j, -h)]) - f([(i, -h), (j, h)]) + f([(i, -h), (j, -h)])) / (4 * h * h)
            }
            info[i][j] = -v; info[j][i] = -v
        }
    }
    // Gauss–Jordan inverse with partial pivoting.
    var m = info, inv = (0..<n).map { i in (0..<n).map { $0 == i ? 1.0 : 0.0 } }
    for col in 0..<n {
        let pivot = (col..<n).max { abs(m[$0][col]) < abs(m[$1][col]) }!
        m.swapAt(col, pivot); inv.swapAt(col, pivot)
        let d = m[col][col]
        for k in 0..<n { m[col][k] /= d; inv[col][k] /= d }
        for row in 0..<n where row != col {
            let factor = m[row][col]
            for k in 0..<n { m[row][k] -= factor * m[col][k]; inv[row][k] -= factor * inv[col][k] }
        }
    }
    return (0..<n).map { inv[$0][$0] > 0 ? inv[$0][$0].squareRoot() : .infinity }
}

/// Mean and standard error of a sample.
func meanAndStandardError(_ v: [Double]) -> (mean: Double, se: Double) {
    let n = Double(v.count)
    let mean = v.reduce(0, +) / n
    let variance = v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
    return (mean, (variance / n).squareRoot())
}

// MARK: - BG/NBD

@Suite struct BGNBDTests {
    static let cdnow = BGNBDSimulator(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)

    /// Recovery. The data are one seeded draw, so the check is statistical: every fitted
    /// log-parameter must lie within 4 standard errors (observed information at the optimum)
    /// of the truth. For a correct MLE each z is ≈ N(0,1), so |z| > 4 has probability 6e-5
    /// per parameter; a wrong likelihood (a dropped term, a mis-signed exponent) misses by
    /// tens of standard errors at these sample sizes. Day rounding of t_x (≤ 1 day, against
    /// α + t_x of many weeks) biases far less than one standard error.
    @Test(arguments: [
        (BGNBDTests.cdnow, 4000, 189...273, UInt64(1)),                                   // CDNOW (FHL 2005 Table 1)
        (BGNBDSimulator(r: 1.5, alpha: 10, a: 2.0, b: 8.0), 3000, 0...364, UInt64(2)),   // busier, quick dropout
        (BGNBDSimulator(r: 4.0, alpha: 20, a: 0.5, b: 5.0), 3000, 182...728, UInt64(3)), // homogeneous rates, long tenure
    ])
    func recoversSimulatedParameters(truth: BGNBDSimulator, customers: Int, ageDays: ClosedRange<Int>, seed: UInt64) throws {
        let data = truth.cohort(customers: customers, ageDays: ageDays, seed: seed)
        let fit = try BGNBD.fit(data)
        #expect(fit.n == customers)
        let m = fit.model
        let estimate = [m.r, m.alpha, m.a, m.b].map { log($0) }
        let se = standardErrorsOfLogParameters(at: estimate) { u in
            let model = BGNBD(r: exp(u[0]), alpha: exp(u[1]), a: exp(u[2]), b: exp(u[3]))
            return data.reduce(0) { $0 + $1.count * model.logLikelihood($1) }
        }
        let true_ = [truth.r, truth.alpha, truth.a, truth.b].map { log($0) }
        for i in 0..<4 {
            let z = (estimate[i] - true_[i]) / se[i]
            #expect(abs(z) < 4, "parameter \(i): estimate \(exp(estimate[i])) truth \(exp(true_[i])) se(log) \(se[i])")
        }
        // The reported log-likelihood is the sum of the per-customer values.
        let total = data.reduce(0) { $0 + $1.count * m.logLikelihood($1) }
        #expect(abs(total - fit.logLikelihood) < 1e-8 * abs(total))
    }

    /// Eq. 9 against the simulated mean number of repeat purchases of new customers.
    /// Tolerance: 4 Monte-Carlo standard errors of the simulated mean.
    @Test func unconditionalExpectationMatchesSimulation() {
        let model = BGNBD(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426)
        var rng = Xoshiro256(seed: 11)
        for t in [13.0, 78.0] {
            let counts = (0..<60_000).map { _ in Double(Self.cdnow.customer(T: t, &rng).x) }
            let (mean, se) = meanAndStandardError(counts)
            let closed = model.expectedPurchasesNew(in: t)
            #expect(abs(closed - mean) < 4 * se, "t=\(t): eq.9 \(closed) vs simulated \(mean) ± \(se)")
        }
    }

    /// P(alive) (eq. 13) and the conditional expectation (eq. 10) against customers simulated
    /// with T = 39 weeks and followed for 52 more. For every customer i, E[alive_i − P(alive | h_i)]
    /// = 0 and E[Y_i − E(Y | h_i)] = 0, so within any set of histories the mean difference is 0
    /// up to sampling error; each stratum is tested at 4 standard errors of that mean.
    @Test(arguments: [BGNBDTests.cdnow, BGNBDSimulator(r: 1.5, alpha: 10, a: 2.0, b: 8.0)])
    func conditionalQuantitiesMatchSimulation(truth: BGNBDSimulator) {
        let model = BGNBD(r: truth.r, alpha: truth.alpha, a: truth.a, b: truth.b)
        let T = 39.0, horizon = 52.0
        var rng = Xoshiro256(seed: 21)
        let people = (0..<40_000).map { _ in truth.customer(T: T, horizon: horizon, &rng) }
        let strata: [(String, (BGNBDSimulator.Customer) -> Bool)] = [
            ("no repeat", { $0.x == 0 }),
            ("one repeat", { $0.x == 1 }),
            ("2-5 repeats, recent", { (2...5).contains($0.x) && $0.tx > 2 * T / 3 }),
            ("2-5 repeats, long ago", { (2...5).contains($0.x) && $0.tx <= T / 3 }),
            ("6+ repeats", { $0.x >= 6 }),
        ]
        for (name, member) in strata {
            let group = people.filter(member)
            guard group.count >= 200 else { continue }
            let alive = meanAndStandardError(group.map {
                ($0.alive ? 1 : 0) - model.probabilityAlive(x: Double($0.x), tx: $0.tx, T: T)
            })
            let future = meanAndStandardError(group.map {
                Double($0.future) - model.expectedPurchases(next: horizon, x: Double($0.x), tx: $0.tx, T: T)
            })
            #expect(abs(alive.mean) < 4 * alive.se + 1e-12, "\(name): P(alive) off by \(alive.mean) ± \(alive.se)")
            #expect(abs(future.mean) < 4 * future.se + 1e-12, "\(name): E[Y] off by \(future.mean) ± \(future.se)")
        }
    }

    /// The three evaluations of eq. 10's hypergeometric part agree where they overlap
    /// (series in z, connection formula, posterior integral).
    @Test func hypergeometricPathsAgree() {
        for m in [BGNBD(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426), BGNBD(r: 1.5, alpha: 10, a: 2, b: 8),
                  BGNBD(r: 0.5, alpha: 0.2, a: 1.0, b: 0.3), BGNBD(r: 3, alpha: 1, a: 1.5, b: 40)] {
            for x in [0.0, 1, 7, 60] {
                for t in [1.0, 52, 5000] {
                    let T = 10.0
                    let h = m.conditionalExpectation(t: t, x: x, T: T)
                    let q = m.posteriorIntegral(k: t / (m.alpha + T), x: x)
                    #expect(h.isFinite && h > 0)
                    #expect(abs(h - q) <= 1e-6 * q, "r=\(m.r) a=\(m.a) b=\(m.b) x=\(x) t=\(t): \(h) vs \(q)")
                }
            }
        }
    }

    @Test func fittingIsDeterministic() throws {
        let data = Self.cdnow.cohort(customers: 1500, ageDays: 189...273, seed: 5)
        let first = try BGNBD.fit(data), second = try BGNBD.fit(data)
        #expect(first.model == second.model)
        #expect(first.logLikelihood == second.logLikelihood)
    }

    @Test func oneCustomerIsTooFew() {
        #expect(throws: BGNBD.FitError.tooFewCustomers(1)) {
            try BGNBD.fit([BGNBD.Summary(x: 3, tx: 10, T: 20)])
        }
    }

    @Test func nobodyRepeatingIsReported() {
        let data = (0..<50).map { BGNBD.Summary(x: 0, tx: 0, T: Double($0 % 20) + 1, count: 2) }
        #expect(throws: BGNBD.FitError.noRepeatBuyers) { try BGNBD.fit(data) }
    }

    /// Everyone buys every day since the first purchase: x = T·7, t_x = T. The likelihood rises
    /// towards the edge of the parameter box; the fit must still be finite and usable.
    @Test func everyoneBuyingDailyGivesAFiniteFit() throws {
        let data: [BGNBD.Summary] = (1...60).map { (d: Int) -> BGNBD.Summary in
            let days = Double(3 * d)
            return BGNBD.Summary(x: days, tx: days / 7, T: days / 7)
        }
        let fit = try BGNBD.fit(data)
        let m = fit.model
        let values: [Double] = [m.r, m.alpha, m.a, m.b, fit.logLikelihood]
        #expect(values.allSatisfy { $0.isFinite })
        #expect(abs(m.r / m.alpha - 7) < 0.5)    // the purchase rate is one a day
        for s in data {
            let p = m.probabilityAlive(x: s.x, tx: s.tx, T: s.T)
            let e = m.expectedPurchases(next: 52, x: s.x, tx: s.tx, T: s.T)
            #expect(p.isFinite && p > 0.99)
            #expect(e.isFinite && e > 300 && e <= 365)
        }
    }

    /// The grouped form works H out once per (x, T): the same bits as a call per group,
    /// for groups that share (x, T) with different t_x, unsanitised histories included, and
    /// for parameters taking each of H's three paths.
    @Test func groupedExpectedPurchasesAreThePerGroupValues() {
        var groups: [BGNBD.Summary] = []
        for x in [0.0, 1, 2, 7, 40] {
            for T in [0.0, 3, 26, 52.14285714285714, 104] {
                for tx in [0.0, T / 3, T / 2, T, T + 5] { groups.append(BGNBD.Summary(x: x, tx: tx, T: T, count: 2)) }
            }
        }
        groups += [BGNBD.Summary(x: -1, tx: 2, T: 1), BGNBD.Summary(x: .nan, tx: 1, T: 4), BGNBD.Summary(x: 3, tx: 9, T: 2)]
        let models = [BGNBD(r: 0.243, alpha: 4.414, a: 0.793, b: 2.426), BGNBD(r: 60, alpha: 1e-3, a: 1, b: 1000),
                      BGNBD(r: 1e-4, alpha: 1e4, a: 1e-4, b: 1e4), BGNBD(r: 2, alpha: 0.5, a: 3, b: 0.2)]
        for m in models {
            for t in [52.0, 1e9] {
                let grouped = m.expectedPurchases(next: t, groups)
                let single = groups.map { m.expectedPurchases(next: t, x: $0.x, tx: $0.tx, T: $0.T) }
                #expect(grouped.map(\.bitPattern) == single.map(\.bitPattern), "\(m) at t = \(t)")
            }
        }
    }

    /// Extreme or invalid inputs never give NaN or infinity.
    @Test func outputsAreAlwaysFinite() {
        let models: [BGNBD] = [
            BGNBD(r: 1e-4, alpha: 1e4, a: 1e-4, b: 1e4), BGNBD(r: 1e4, alpha: 1e-4, a: 1e4, b: 1e-4),
            BGNBD(r: 1, alpha: 1, a: 1, b: 1), BGNBD(r: .nan, alpha: -1, a: .infinity, b: 0),
        ]
        let histories: [(Double, Double, Double)] = [
            (0, 0, 0), (5000, 700, 700), (1, 0, 0), (3, 9, 2), (-1, -1, -1), (.nan, .infinity, .nan), (2, 1e-9, 1e6),
        ]
        let horizons: [Double] = [0, 1e-9, 52, 1e9, .infinity, .nan]
        for m in models {
            for (x, tx, T) in histories {
                #expect(m.logLikelihood(BGNBD.Summary(x: x, tx: tx, T: T)).isFinite)
                let p = m.probabilityAlive(x: x, tx: tx, T: T)
                #expect(p.isFinite && p >= 0 && p <= 1)
                for t in horizons {
                    let e = m.expectedPurchases(next: t, x: x, tx: tx, T: T)
                    #expect(e.isFinite && e >= 0)
                }
            }
            #expect(m.expectedPurchasesNew(in: 52).isFinite)
        }
    }
}

// MARK: - Gamma–Gamma

/// Gamma–Gamma generative process: ν ~ Gamma(q, γ); each of x repeat values ~ Gamma(p, ν), so
/// their sum is Gamma(px, ν). Customers have x uniform on 1…10.
struct GammaGammaSimulator {
    let p: Double, q: Double, gamma: Double

    func customers(_ n: Int, seed: UInt64) -> [(summary: GammaGamma.Summary, trueMean: Double)] {
        var rng = Xoshiro256(seed: seed)
        return (0..<n).map { _ in
            let x = 1 + Int(rng.uniform() * 10)
            let nu = rng.gamma(shape: q, rate: gamma)
            let total = rng.gamma(shape: p * Double(x), rate: nu)
            return (GammaGamma.Summary(x: Double(x), mean: total / Double(x)), p / nu)
        }
    }
}

@Suite struct GammaGammaTests {
    /// Recovery within 4 standard errors of each log-parameter (same reasoning as BG/NBD).
    @Test(arguments: [
        (GammaGammaSimulator(p: 6.25, q: 3.74, gamma: 15.44), UInt64(31)),   // Fader & Hardie's CDNOW estimates
        (GammaGammaSimulator(p: 2, q: 6, gamma: 200), UInt64(32)),
    ])
    func recoversSimulatedParameters(truth: GammaGammaSimulator, seed: UInt64) throws {
        let data = truth.customers(3000, seed: seed).map(\.summary)
        let fit = try GammaGamma.fit(data)
        #expect(fit.n == 3000 && fit.excludedZeroMean == 0)
        let m = fit.model
        let estimate = [m.p, m.q, m.gamma].map { log($0) }
        let se = standardErrorsOfLogParameters(at: estimate) { u in
            let model = GammaGamma(p: exp(u[0]), q: exp(u[1]), gamma: exp(u[2]))
            return data.reduce(0) { $0 + $1.count * model.logLikelihood($1) }
        }
        let true_ = [truth.p, truth.q, truth.gamma].map { log($0) }
        for i in 0..<3 {
            let z = (estimate[i] - true_[i]) / se[i]
            #expect(abs(z) < 4, "parameter \(i): estimate \(exp(estimate[i])) truth \(exp(true_[i])) se(log) \(se[i])")
        }
        let total = data.reduce(0) { $0 + $1.count * m.logLikelihood($1) }
        #expect(abs(total - fit.logLikelihood) < 1e-8 * abs(total))
    }

    /// E[M | x, m_x] against the simulated customers' true mean values p/ν, per x
    /// (4 standard errors of the mean difference).
    @Test func conditionalMeanMatchesSimulation() {
        let truth = GammaGammaSimulator(p: 6.25, q: 3.74, gamma: 15.44)
        let model = GammaGamma(p: truth.p, q: truth.q, gamma: truth.gamma)
        let people = truth.customers(40_000, seed: 33)
        for x in [1.0, 4, 10] {
            let d = people.filter { $0.summary.x == x }.map { $0.trueMean - model.expectedAverageValue(x: x, mean: $0.summary.mean) }
            let (mean, se) = meanAndStandardError(d)
            #expect(abs(mean) < 4 * se, "x=\(x): off by \(mean) ± \(se)")
        }
        #expect(model.expectedAverageValue(x: 0, mean: 0) == truth.p * truth.gamma / (truth.q - 1))
    }

    @Test func zeroMeansAreLeftOutAndCounted() throws {
        var data = GammaGammaSimulator(p: 6.25, q: 3.74, gamma: 15.44).customers(500, seed: 34).map(\.summary)
        data.append(GammaGamma.Summary(x: 2, mean: 0, count: 7))
        data.append(GammaGamma.Summary(x: 0, mean: 0, count: 100))    // no repeats: not part of the model
        let fit = try GammaGamma.fit(data)
        #expect(fit.n == 500 && fit.excludedZeroMean == 7)
        let again = try GammaGamma.fit(data)
        #expect(again.model == fit.model)
    }

    @Test func errorsAreReported() {
        #expect(throws: GammaGamma.FitError.tooFewCustomers(1)) { try GammaGamma.fit([GammaGamma.Summary(x: 2, mean: 10)]) }
        #expect(throws: GammaGamma.FitError.tooFewCustomers(0)) { try GammaGamma.fit([GammaGamma.Summary(x: 2, mean: 0, count: 50)]) }
        // Heavy tails (true q = 0.6): the mean spend does not exist and the fit says so.
        let heavy = GammaGammaSimulator(p: 3, q: 0.6, gamma: 10).customers(2000, seed: 35).map(\.summary)
        do {
            _ = try GammaGamma.fit(heavy)
            Issue.record("expected meanUndefined")
        } catch let error as GammaGamma.FitError {
            guard case .meanUndefined(let q) = error else { Issue.record("got \(error)"); return }
            #expect(q <= 1)
        } catch { Issue.record("got \(error)") }
    }

    @Test func outputsAreAlwaysFinite() {
        let m = GammaGamma(p: 2, q: 3, gamma: 10)
        for (x, mean) in [(0.0, 0.0), (1, 1e300), (3, -5), (.nan, .nan), (1e9, 1), (2, .infinity)] {
            #expect(m.expectedAverageValue(x: x, mean: mean).isFinite)
            #expect(m.logLikelihood(GammaGamma.Summary(x: x, mean: mean)).isFinite)
        }
        #expect(GammaGamma(p: 1, q: 0.5, gamma: 1).expectedAverageValue(x: 0, mean: 0) == 0)
    }
}
