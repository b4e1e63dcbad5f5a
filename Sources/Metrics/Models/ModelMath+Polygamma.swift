import Foundation

/// ψ and ψ′, the first two derivatives of log Γ, which the analytic gradients and Hessians of
/// the BG/NBD and Gamma–Gamma likelihoods need (Foundation has lgamma but no polygamma).
extension ModelMath {
    /// ψ(v) = d/dv log Γ(v) for v > 0: the recurrence ψ(v) = ψ(v+1) − 1/v up to v ≥ 10, then the
    /// asymptotic series (Abramowitz & Stegun 6.3.18), whose first omitted term is below 1e-16
    /// there. Accurate to a few ulps of log Γ's own accuracy, so the gradient vanishes where
    /// the likelihood computed with lgamma is flat.
    static func digamma(_ v: Double) -> Double {
        guard v > 0, v.isFinite else { return v == .infinity ? .infinity : .nan }
        var v = v, shift = 0.0
        while v < 10 { shift -= 1 / v; v += 1 }
        let w = 1 / (v * v)
        // Σ B₂ₖ/(2k v²ᵏ) for k = 1…7, in Horner form.
        let tail = w * (1.0 / 12 - w * (1.0 / 120 - w * (1.0 / 252 - w * (1.0 / 240 - w * (1.0 / 132 - w * (691.0 / 32760 - w / 12))))))
        return shift + log(v) - 0.5 / v - tail
    }

    /// ψ′(v) = d²/dv² log Γ(v) for v > 0: ψ′(v) = ψ′(v+1) + 1/v² up to v ≥ 10, then
    /// 1/v + 1/(2v²) + Σ B₂ₖ/v^{2k+1} (A&S 6.4.12).
    static func trigamma(_ v: Double) -> Double {
        guard v > 0, v.isFinite else { return v == .infinity ? 0 : .nan }
        var v = v, shift = 0.0
        while v < 10 { shift += 1 / (v * v); v += 1 }
        let w = 1 / (v * v)
        let tail = w * (1.0 / 6 - w * (1.0 / 30 - w * (1.0 / 42 - w * (1.0 / 30 - w * (5.0 / 66 - w * (691.0 / 2730 - w * 7 / 6))))))
        return shift + (1 + 0.5 / v + tail) / v
    }
}
