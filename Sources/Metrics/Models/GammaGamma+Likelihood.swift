import Foundation

extension GammaGamma {
    /// Grouped data for the likelihood loop, and the likelihood with its exact gradient and
    /// Hessian: log Γ, ψ and ψ′ once per distinct x, one log and one reciprocal per group.
    struct Prepared: Sendable {
        var xs: [Double] = []
        /// Σ count of the groups with each distinct x.
        var xWeight: [Double] = []
        var xIndex: [Int] = []
        /// Mean repeat values divided by the fit's scale.
        var mean: [Double] = []
        var logMean: [Double] = []
        var weight: [Double] = []
        var total: Double = 0

        init(_ summaries: [Summary], scale: Double) {
            var places = DistinctPlaces()
            xIndex.reserveCapacity(summaries.count)
            mean.reserveCapacity(summaries.count)
            logMean.reserveCapacity(summaries.count)
            weight.reserveCapacity(summaries.count)
            for s in summaries {
                let (i, isNew) = places.place(of: s.x)
                if isNew {
                    xs.append(s.x); xWeight.append(s.count)
                } else {
                    xWeight[i] += s.count
                }
                xIndex.append(i)
                let m = s.mean / scale
                mean.append(m); logMean.append(log(m)); weight.append(s.count); total += s.count
            }
        }

        /// −(mean log-likelihood per customer) at u = (log p, log q, log γ), with its gradient
        /// and Hessian in u; nil outside the box or where anything is not finite.
        ///
        /// Per customer (note eq. 1) ℓ = q log γ − log Γ(q) + log Γ(px+q) − log Γ(px) + px log x
        /// + (px−1) log m − (px+q) log(γ + m x), whose derivatives in (p, q, γ) are
        /// ∂p = x[ψ(px+q) − ψ(px) + log x + log m − log(γ+mx)], ∂q = log γ − ψ(q) + ψ(px+q) − log(γ+mx),
        /// ∂γ = q/γ − (px+q)/(γ+mx), and ∂pp = x²[ψ′(px+q) − ψ′(px)], ∂pq = xψ′(px+q),
        /// ∂pγ = −x/(γ+mx), ∂qq = ψ′(px+q) − ψ′(q), ∂qγ = 1/γ − 1/(γ+mx), ∂γγ = (px+q)/(γ+mx)² − q/γ².
        func evaluate(_ u: [Double]) -> Newton.Evaluation? {
            guard u.count == 3, u.allSatisfy({ $0 >= ModelMath.logLower && $0 <= ModelMath.logUpper }) else { return nil }
            let theta = u.map { exp($0) }
            let (p, q, gamma) = (theta[0], theta[1], theta[2])
            let lg = ModelMath.logGamma, psi = ModelMath.digamma, psi1 = ModelMath.trigamma
            let logGammaValue = log(gamma)
            let (psiQ, psi1Q) = (psi(q), psi1(q))
            var value = total * (q * logGammaValue - lg(q))
            var g = [0, total * (logGammaValue - psiQ), total * q / gamma]
            var h = [[0, 0, 0], [0, -total * psi1Q, total / gamma], [0, 0, -total * q / (gamma * gamma)]]
            // The terms of each distinct x.
            for (i, x) in xs.enumerated() {
                let w = xWeight[i], px = p * x
                let psiSum = psi(px + q), psi1Sum = psi1(px + q)
                value += w * (lg(px + q) - lg(px) + px * log(x))
                g[0] += w * x * (psiSum - psi(px) + log(x))
                g[1] += w * psiSum
                h[0][0] += w * x * x * (psi1Sum - psi1(px))
                h[0][1] += w * x * psi1Sum
                h[1][1] += w * psi1Sum
            }
            // The terms of each group.
            var sum = 0.0, gp = 0.0, gq = 0.0, gg = 0.0, hpg = 0.0, hqg = 0.0, hgg = 0.0
            for j in weight.indices {
                let x = xs[xIndex[j]], w = weight[j], px = p * x
                let denominator = gamma + mean[j] * x
                let logDenominator = log(denominator), inverse = 1 / denominator
                sum += w * ((px - 1) * logMean[j] - (px + q) * logDenominator)
                gp += w * x * (logMean[j] - logDenominator)
                gq -= w * logDenominator
                gg -= w * (px + q) * inverse
                hpg -= w * x * inverse
                hqg -= w * inverse
                hgg += w * (px + q) * inverse * inverse
            }
            value += sum
            g[0] += gp; g[1] += gq; g[2] += gg
            h[0][2] += hpg; h[1][2] += hqg; h[2][2] += hgg
            return ModelMath.logParameterEvaluation(value: value, gradient: g, hessian: h, theta: theta, total: total)
        }
    }
}
