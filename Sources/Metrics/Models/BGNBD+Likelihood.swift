import Foundation

extension BGNBD {
    /// The grouped data in the layout the likelihood loop wants, and the likelihood with its
    /// exact gradient and Hessian. Terms that depend only on x (log Γ and the ψ, ψ′ increments of
    /// `Steps`) or only on a time value (a log and a reciprocal) are computed once per distinct
    /// value and evaluation, so a million customers cost one exp and one log1p per distinct
    /// (x, t_x, T).
    struct Prepared: Sendable {
        var xs: [Double] = []
        /// Σ count of the groups with each distinct x.
        var xWeight: [Double] = []
        var times: [Double] = []
        /// Per group, its x and times as places in `xs` and `times` (4 bytes each: there are few distinct values).
        var xIndex: [Int32] = []
        var tIndex: [Int32] = []
        var txIndex: [Int32] = []
        var weight: [Double] = []
        var total: Double = 0

        init(_ summaries: [Summary]) {
            var xPlaces = DistinctPlaces(), timePlaces = DistinctPlaces()
            func slot(_ v: Double, _ places: inout DistinctPlaces, _ list: inout [Double]) -> Int {
                let (i, isNew) = places.place(of: v)
                if isNew { list.append(v) }
                return i
            }
            xIndex.reserveCapacity(summaries.count)
            tIndex.reserveCapacity(summaries.count)
            txIndex.reserveCapacity(summaries.count)
            weight.reserveCapacity(summaries.count)
            for s in summaries {
                let i = slot(s.x, &xPlaces, &xs)
                if i == xWeight.count { xWeight.append(0) }
                xWeight[i] += s.count
                xIndex.append(Int32(i))
                tIndex.append(Int32(slot(s.T, &timePlaces, &times)))
                txIndex.append(Int32(slot(s.tx, &timePlaces, &times)))
                weight.append(s.count)
                total += s.count
            }
        }

        /// −(mean log-likelihood per customer) at log-parameters u = (log r, log α, log a, log b),
        /// with its gradient and Hessian in u; nil outside the box or where anything is not finite.
        ///
        /// Per customer (FHL eq. 6) ℓ = A(x) + log(e^{L₁} + δ_{x>0} e^{L₂}) with
        /// A = r log α − log Γ(r) + log Γ(r+x) + log Γ(a+b) − log Γ(b) + log Γ(b+x) − log Γ(a+b+x),
        /// L₁ = −(r+x) log(α+T), L₂ = log a − log(b+x−1) − (r+x) log(α+t_x).
        /// With π = e^{L₂}/(e^{L₁}+e^{L₂}) and d = ∇L₂ − ∇L₁, the mixture's derivatives are
        /// ∇ = ∇L₁ + π d and ∇² = ∇²L₁ + π(∇²L₂ − ∇²L₁) + π(1−π) d dᵀ.
        func evaluate(_ u: [Double]) -> Newton.Evaluation? {
            guard u.count == 4, u.allSatisfy({ $0 >= ModelMath.logLower && $0 <= ModelMath.logUpper }) else { return nil }
            let theta = u.map { exp($0) }
            let (r, alpha, a, b) = (theta[0], theta[1], theta[2], theta[3])
            var value = 0.0
            var g = [Double](repeating: 0, count: 4)
            var h = [[Double]](repeating: [Double](repeating: 0, count: 4), count: 4)

            // A(x), summed over the x's with their total weights.
            let lg = ModelMath.logGamma
            let common = r * log(alpha) - lg(r) + lg(a + b) - lg(b)
            let steps = Steps.all(xs, r: r, a: a, b: b)
            var rx = [Double](repeating: 0, count: xs.count)
            var dropLog = [Double](repeating: -.infinity, count: xs.count)
            var inverseB = [Double](repeating: 0, count: xs.count)
            for (i, x) in xs.enumerated() {
                let w = xWeight[i], s = steps[i]
                rx[i] = r + x
                value += w * (common + lg(r + x) + lg(b + x) - lg(a + b + x))
                g[0] += w * (log(alpha) + s.r)
                g[1] += w * r / alpha
                g[2] -= w * s.ab
                g[3] += w * s.bMinusAB
                h[0][0] -= w * s.r2
                h[0][1] += w / alpha
                h[1][1] -= w * r / (alpha * alpha)
                h[2][2] += w * s.ab2
                h[2][3] += w * s.ab2
                h[3][3] -= w * s.b2MinusAB2
                // log[B(a+1, b+x−1)/B(a, b+x)] = log a − log(b+x−1), for x > 0 only.
                if x > 0 {
                    let shifted = b + x - 1
                    dropLog[i] = log(a) - log(max(shifted, ModelMath.tiny))
                    inverseB[i] = shifted > ModelMath.tiny ? 1 / shifted : 0
                }
            }
            let logTime = times.map { log(alpha + $0) }
            let inverseTime = times.map { 1 / (alpha + $0) }

            // The mixture log(e^{L₁} + e^{L₂}), group by group, into scalar accumulators, a
            // block of groups at a time: first the block's exp and log1p, then its sums. A call
            // clobbers every floating-point register, and with the calls inside it the loop kept
            // its fifteen sums on the stack, storing and reloading them for every group. The
            // sums take the same terms in the same order either way.
            let inverseA = 1 / a
            var sum = 0.0, g0 = 0.0, g1 = 0.0, g2 = 0.0, g3 = 0.0
            var h00 = 0.0, h01 = 0.0, h11 = 0.0, h02 = 0.0, h03 = 0.0, h12 = 0.0, h13 = 0.0, h22 = 0.0, h23 = 0.0, h33 = 0.0
            let block = 256
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * block) { scratch in
                let (closeness, softplus) = (scratch.baseAddress!, scratch.baseAddress! + block)
                for blockStart in stride(from: 0, to: weight.count, by: block) {
                    let blockEnd = min(blockStart + block, weight.count)
                    // e^{−|L₂ − L₁|} and log(1 + e^{−|L₂ − L₁|}) of the block's groups that can drop out.
                    for j in blockStart..<blockEnd {
                        let i = Int(xIndex[j])
                        guard dropLog[i] > -.infinity else { continue }
                        let n = rx[i]
                        let gap = (dropLog[i] - n * logTime[Int(txIndex[j])]) - (-n * logTime[Int(tIndex[j])])
                        let e = exp(-abs(gap))
                        closeness[j - blockStart] = e
                        softplus[j - blockStart] = log1p(e)
                    }
                    for j in blockStart..<blockEnd {
                        let i = Int(xIndex[j]), w = weight[j]
                        let lT = logTime[Int(tIndex[j])], iT = inverseTime[Int(tIndex[j])]
                        let n = rx[i]
                        let alive = -n * lT
                        // ∇L₁ and ∇²L₁ (only r and α appear in L₁).
                        var gr = -lT, ga = -n * iT
                        var hra = -iT, haa = n * iT * iT
                        guard dropLog[i] > -.infinity else {
                            sum += w * alive
                            g0 += w * gr; g1 += w * ga
                            h01 += w * hra; h11 += w * haa
                            continue
                        }
                        let lTx = logTime[Int(txIndex[j])], iTx = inverseTime[Int(txIndex[j])]
                        let dead = dropLog[i] - n * lTx
                        let gap = dead - alive
                        let e = closeness[j - blockStart]
                        // π and 1 − π each from its own quotient: neither loses digits near 0 or 1.
                        let pi = gap > 0 ? 1 / (1 + e) : e / (1 + e)
                        let rest = gap > 0 ? e / (1 + e) : 1 / (1 + e)
                        sum += w * (max(alive, dead) + softplus[j - blockStart])
                        let dr = lT - lTx, da = n * (iT - iTx), db = -inverseB[i]
                        gr += pi * dr; ga += pi * da
                        hra += pi * (iT - iTx); haa += pi * n * (iTx * iTx - iT * iT)
                        let wp = w * pi, ws = wp * rest
                        g0 += w * gr; g1 += w * ga
                        g2 += wp; g3 += wp * db
                        h00 += ws * dr * dr
                        h01 += w * hra + ws * dr * da
                        h11 += w * haa + ws * da * da
                        h02 += ws * dr
                        h03 += ws * dr * db
                        h12 += ws * da
                        h13 += ws * da * db
                        // ∇²L₂ adds −1/a² and 1/(b+x−1)² on the diagonal; the 1/a factors are applied below.
                        h22 += ws - wp
                        h23 += ws * db
                        h33 += (ws + wp) * db * db
                    }
                }
            }
            value += sum
            g[0] += g0; g[1] += g1; g[2] += g2 * inverseA; g[3] += g3
            h[0][0] += h00; h[0][1] += h01; h[1][1] += h11
            h[0][2] += h02 * inverseA; h[0][3] += h03; h[1][2] += h12 * inverseA; h[1][3] += h13
            h[2][2] += h22 * inverseA * inverseA; h[2][3] += h23 * inverseA; h[3][3] += h33
            return ModelMath.logParameterEvaluation(value: value, gradient: g, hessian: h, theta: theta, total: total)
        }
    }
}

extension BGNBD {
    /// The x-dependent parts of the gradient and Hessian of A(x) for one x:
    /// ψ(v+x) − ψ(v) = Σ_{k<x} 1/(v+k) and ψ′(v) − ψ′(v+x) = Σ_{k<x} 1/(v+k)², for v = r and v = a+b,
    /// and the b-terms [ψ(b+x) − ψ(b)] − [ψ(a+b+x) − ψ(a+b)] and the same for ψ′.
    ///
    /// Why sums: when a and b are both large (the sample's early months reach a ≈ 60, b ≈ 1000)
    /// the likelihood has a long, nearly flat ridge along a/(a+b) = const, and the difference
    /// of four ψ's of magnitude ~7 loses the digits that locate the optimum on it. Summed term by
    /// term (a/((b+k)(a+b+k)) has no cancellation) the gradient stays accurate to rounding,
    /// so the stationary point is the same to ~1e-10 from any start. Purchase counts are whole
    /// numbers; a fractional or huge x falls back to the ψ differences.
    struct Steps {
        var r = 0.0, ab = 0.0, bMinusAB = 0.0
        var r2 = 0.0, ab2 = 0.0, b2MinusAB2 = 0.0

        static let longestSum = 100_000.0

        static func all(_ xs: [Double], r: Double, a: Double, b: Double) -> [Steps] {
            var out = [Steps](repeating: Steps(), count: xs.count)
            var running = Steps()
            var k = 0.0
            for i in xs.indices.sorted(by: { xs[$0] < xs[$1] }) {
                let x = xs[i]
                guard x == x.rounded(), x <= longestSum else {
                    out[i] = differences(x, r: r, a: a, b: b)
                    continue
                }
                while k < x {
                    let vr = r + k, vb = b + k, vab = a + b + k
                    running.r += 1 / vr
                    running.ab += 1 / vab
                    running.bMinusAB += a / (vb * vab)
                    running.r2 += 1 / (vr * vr)
                    running.ab2 += 1 / (vab * vab)
                    running.b2MinusAB2 += a * (a + 2 * vb) / (vb * vb * vab * vab)
                    k += 1
                }
                out[i] = running
            }
            return out
        }

        static func differences(_ x: Double, r: Double, a: Double, b: Double) -> Steps {
            let psi = ModelMath.digamma, psi1 = ModelMath.trigamma
            return Steps(r: psi(r + x) - psi(r), ab: psi(a + b + x) - psi(a + b),
                         bMinusAB: psi(b + x) - psi(b) - psi(a + b + x) + psi(a + b),
                         r2: psi1(r) - psi1(r + x), ab2: psi1(a + b) - psi1(a + b + x),
                         b2MinusAB2: psi1(b) - psi1(b + x) - psi1(a + b) + psi1(a + b + x))
        }
    }
}

extension ModelMath {
    /// Turns Σ log-likelihood with its gradient g and upper-triangular Hessian h in the
    /// parameters θ into −(mean log-likelihood) in u = log θ:
    /// ∂/∂uᵢ = θᵢ gᵢ, ∂²/∂uᵢ∂uⱼ = θᵢθⱼ hᵢⱼ + δᵢⱼ θᵢ gᵢ. nil when anything is not finite.
    static func logParameterEvaluation(value: Double, gradient g: [Double], hessian h: [[Double]],
                                       theta: [Double], total: Double) -> Newton.Evaluation? {
        let n = theta.count
        var gu = [Double](repeating: 0, count: n)
        var hu = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for i in 0..<n {
            gu[i] = -theta[i] * g[i] / total
            for j in i..<n {
                var v = theta[i] * theta[j] * h[i][j]
                if i == j { v += theta[i] * g[i] }
                hu[i][j] = -v / total
                hu[j][i] = -v / total
            }
        }
        let mean = -value / total
        guard mean.isFinite, gu.allSatisfy(\.isFinite), hu.allSatisfy({ $0.allSatisfy(\.isFinite) }) else { return nil }
        return Newton.Evaluation(value: mean, gradient: gu, hessian: hu)
    }
}
