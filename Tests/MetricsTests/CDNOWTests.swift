import Foundation
import Testing
@testable import Metrics

/// The CDNOW sample (2,357 customers, calibrated on 1997-01-01…09-30; Fixtures/CDNOWSummary.swift
/// says where it comes from) against the published maximum-likelihood fits, to the 3
/// significant digits every published value has in common.
@Suite struct CDNOWTests {
    struct Customer { let x: Double, tx: Double, T: Double, repeatMean: Double }

    static let customers: [Customer] = CDNOWSummary.csv.split(separator: "\n").dropFirst().map { line in
        let v = line.split(separator: ",").map { Double($0)! }
        return Customer(x: v[1], tx: v[2] / 7, T: v[3] / 7, repeatMean: v[4])
    }

    static func significant(_ v: Double, _ digits: Int = 3) -> Double {
        let shift = pow(10, Double(digits) - 1 - floor(log10(abs(v))))
        return (v * shift).rounded() / shift
    }

    /// Fader, Hardie & Lee (2005), Table 1 and §5: r = 0.243, α = 4.414, a = 0.793, b = 2.426,
    /// LL = −9582.4 on all 2,357 customers.
    @Test func bgnbdMatchesFaderHardieLee() throws {
        #expect(Self.customers.count == 2357)
        let fit = try BGNBD.fit(Self.customers.map { BGNBD.Summary(x: $0.x, tx: $0.tx, T: $0.T) })
        let m = fit.model
        #expect(fit.n == 2357)
        for (estimate, published) in [(m.r, 0.243), (m.alpha, 4.414), (m.a, 0.793), (m.b, 2.426)] {
            #expect(Self.significant(estimate) == Self.significant(published), "\(estimate) vs published \(published)")
        }
        #expect((fit.logLikelihood * 10).rounded() / 10 == -9582.4)
    }

    /// Fader & Hardie, "The Gamma-Gamma Model of Monetary Value" (2013), and the lifetimes
    /// documentation: p = 6.25, q = 3.74, γ = 15.44, fitted on the 946 customers with at least
    /// one repeat purchase (frequency > 0) and the mean value of those repeat purchases — the
    /// subset `GammaGamma.fit` takes by itself (x ≥ 1; no such customer has a mean of 0 here).
    @Test func gammaGammaMatchesFaderHardie() throws {
        let fit = try GammaGamma.fit(Self.customers.map { GammaGamma.Summary(x: $0.x, mean: $0.repeatMean) })
        let m = fit.model
        #expect(fit.n == 946 && fit.excludedZeroMean == 0)
        for (estimate, published) in [(m.p, 6.25), (m.q, 3.74), (m.gamma, 15.44)] {
            #expect(Self.significant(estimate) == Self.significant(published), "\(estimate) vs published \(published)")
        }
    }
}
