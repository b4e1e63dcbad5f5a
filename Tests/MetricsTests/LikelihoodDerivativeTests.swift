import Foundation
import Testing
@testable import Metrics

/// The analytic gradients and Hessians that Newton's method relies on, against central
/// differences of the likelihood value (gradient) and of the analytic gradient (Hessian).
/// Step 1e-5 in log-parameters: truncation ~1e-10, rounding ~1e-10 of values of order 1.
@Suite struct LikelihoodDerivativeTests {
    static func expectDerivativesMatch(_ evaluate: ([Double]) -> Newton.Evaluation?, at u: [Double], _ label: String) throws {
        let e = try #require(evaluate(u), "\(label): no value")
        let h = 1e-5
        func shifted(_ i: Int, _ by: Double) throws -> Newton.Evaluation {
            var v = u
            v[i] += by
            return try #require(evaluate(v))
        }
        for i in u.indices {
            let plus = try shifted(i, h), minus = try shifted(i, -h)
            let slope = (plus.value - minus.value) / (2 * h)
            #expect(abs(slope - e.gradient[i]) <= 1e-7 * max(1, abs(slope)), "\(label) ∂\(i): analytic \(e.gradient[i]) numeric \(slope)")
            for j in u.indices {
                let curvature = (plus.gradient[j] - minus.gradient[j]) / (2 * h)
                #expect(abs(curvature - e.hessian[i][j]) <= 1e-7 * max(1, abs(curvature)),
                        "\(label) ∂\(i)∂\(j): analytic \(e.hessian[i][j]) numeric \(curvature)")
            }
        }
    }

    @Test func bgnbdDerivatives() throws {
        let data = BGNBD.Prepared(BGNBDTests.cdnow.cohort(customers: 2000, ageDays: 0...364, seed: 51))
        for theta in [[0.243, 4.414, 0.793, 2.426], [3, 0.5, 0.2, 30], [0.05, 50, 5, 0.3]] {
            try Self.expectDerivativesMatch(data.evaluate, at: theta.map { log($0) }, "BG/NBD \(theta)")
        }
    }

    @Test func gammaGammaDerivatives() throws {
        let data = GammaGamma.Prepared(GammaGammaSimulator(p: 6.25, q: 3.74, gamma: 15.44).customers(2000, seed: 52).map(\.summary), scale: 35)
        for theta in [[6.25, 3.74, 0.44], [0.5, 1.2, 3], [40, 20, 0.02]] {
            try Self.expectDerivativesMatch(data.evaluate, at: theta.map { log($0) }, "Gamma–Gamma \(theta)")
        }
    }

    /// ψ and ψ′ at closed forms, across the switch from recurrence to asymptotic series (v = 10),
    /// and at the ends of the parameter box.
    @Test func polygammaMatchesClosedForms() {
        let euler = 0.57721566490153286
        let cases: [(Double, Double, Double)] = [        // v, ψ(v), ψ′(v)
            (1, -euler, Double.pi * Double.pi / 6),
            (0.5, -euler - 2 * log(2.0), Double.pi * Double.pi / 2),
            (2, 1 - euler, Double.pi * Double.pi / 6 - 1),
        ]
        for (v, psi, psi1) in cases {
            #expect(abs(ModelMath.digamma(v) - psi) <= 1e-15 * max(1, abs(psi)), "ψ(\(v))")
            #expect(abs(ModelMath.trigamma(v) - psi1) <= 1e-15 * psi1, "ψ′(\(v))")
        }
        // Integers n, where ψ(n) = H_{n−1} − γ and ψ′(n) = π²/6 − Σ_{k<n} 1/k²: the asymptotic branch.
        for n in [10, 11, 50, 1000, 10_000] {
            let harmonic = (1..<n).reversed().reduce(0.0) { $0 + 1 / Double($1) }
            let squares = (1..<n).reversed().reduce(0.0) { $0 + 1 / (Double($1) * Double($1)) }
            let psi = harmonic - euler, psi1 = Double.pi * Double.pi / 6 - squares
            #expect(abs(ModelMath.digamma(Double(n)) - psi) <= 2e-15 * psi, "ψ(\(n))")
            #expect(abs(ModelMath.trigamma(Double(n)) - psi1) <= 2e-15, "ψ′(\(n))")    // the closed form cancels to ~1e-16 absolute
        }
        // The bottom of the box, by the Taylor series at 0: ψ(v) = −1/v − γ + ζ(2)v − ζ(3)v² + O(v³),
        // ψ′(v) = 1/v² + ζ(2) − 2ζ(3)v + O(v²).
        let v = 1e-4, zeta2 = Double.pi * Double.pi / 6, zeta3 = 1.2020569031595942
        #expect(abs(ModelMath.digamma(v) - (-1 / v - euler + zeta2 * v - zeta3 * v * v)) <= 1e-11)
        #expect(abs(ModelMath.trigamma(v) - (1 / (v * v) + zeta2 - 2 * zeta3 * v)) <= 1e-6)
    }
}
