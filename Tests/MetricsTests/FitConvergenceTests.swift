import Foundation
import Testing
@testable import Metrics
import Snapshot
import Synchronization

/// The fits stop at the stationary point itself, so where a fit starts does not show in its
/// parameters: a month warm-started from the month before's estimate (the old chained series)
/// equals a cold fit of the same month to 1e-9 relative in every parameter.
@Suite struct FitConvergenceTests {
    static let tolerance = 1e-9

    /// max over parameters of |warm − cold| / |cold|.
    static func largestRelativeDifference(_ warm: [Double], _ cold: [Double]) -> Double {
        zip(warm, cold).map { abs($0 - $1) / abs($1) }.max() ?? .infinity
    }

    static func parameters(_ m: BGNBD) -> [Double] { [m.r, m.alpha, m.a, m.b] }
    static func parameters(_ m: GammaGamma) -> [Double] { [m.p, m.q, m.gamma] }

    /// Fits every month cold, and again as a chain warm-started from the month before (the
    /// first month cold); returns the largest relative difference per model.
    static func chainAgainstCold(_ months: [(purchases: [BGNBD.Summary], spend: [GammaGamma.Summary])]) throws -> (purchases: Double, spend: Double) {
        var previous: (BGNBD, GammaGamma)? = nil
        var worst = (purchases: 0.0, spend: 0.0)
        for (k, month) in months.enumerated() {
            let cold = (try BGNBD.fit(month.purchases).model, try GammaGamma.fit(month.spend).model)
            let warm = (try BGNBD.fit(month.purchases, start: previous?.0).model, try GammaGamma.fit(month.spend, start: previous?.1).model)
            let dPurchases = largestRelativeDifference(parameters(warm.0), parameters(cold.0))
            let dSpend = largestRelativeDifference(parameters(warm.1), parameters(cold.1))
            #expect(dPurchases <= tolerance, "month \(k): BG/NBD warm \(warm.0) cold \(cold.0)")
            #expect(dSpend <= tolerance, "month \(k): Gamma–Gamma warm \(warm.1) cold \(cold.1)")
            worst = (max(worst.purchases, dPurchases), max(worst.spend, dSpend))
            previous = warm
        }
        return worst
    }

    /// Simulated customer bases observed at six consecutive month ends.
    @Test(arguments: [
        (BGNBDTests.cdnow, GammaGammaSimulator(p: 6.25, q: 3.74, gamma: 15.44), UInt64(41)),
        (BGNBDSimulator(r: 1.5, alpha: 10, a: 2.0, b: 8.0), GammaGammaSimulator(p: 2, q: 6, gamma: 200), UInt64(42)),
    ])
    func simulatedMonthsDoNotDependOnTheStart(purchases: BGNBDSimulator, spend: GammaGammaSimulator, seed: UInt64) throws {
        let panel = MonthlyPanel(purchases: purchases, spend: spend, customers: 6000, acquisitionDays: 540, lastDay: 730, seed: seed)
        let months = (0..<6).map { panel.summaries(at: 580 + 30 * $0) }
        let worst = try Self.chainAgainstCold(months)
        print("warm vs cold, simulated (seed \(seed)): BG/NBD \(worst.purchases), Gamma–Gamma \(worst.spend)")
    }

    /// A base large enough that a cold fit scouts on ``ScoutSample`` (both models), not on
    /// all its groups: the chain, started from each month before, meets it all the same.
    @Test func aLargeBaseScoutedOnASampleMeetsTheWarmChain() throws {
        let panel = MonthlyPanel(purchases: BGNBDSimulator(r: 1.5, alpha: 10, a: 2.0, b: 8.0), spend: GammaGammaSimulator(p: 2, q: 6, gamma: 200),
                                 customers: 40_000, acquisitionDays: 540, lastDay: 730, seed: 43)
        let months = (0..<3).map { panel.summaries(at: 640 + 30 * $0) }
        for (purchases, spend) in months {
            #expect(ScoutSample.of(purchases) != nil && ScoutSample.of(spend) != nil, "\(purchases.count) and \(spend.count) groups")
        }
        let worst = try Self.chainAgainstCold(months)
        print("warm vs cold, 40,000 customers: BG/NBD \(worst.purchases), Gamma–Gamma \(worst.spend)")
    }

    /// The committed sample snapshot, the 13 months of the 2026-10 review.
    @Test func sampleMonthsDoNotDependOnTheStart() throws {
        let facts = try Self.sampleFacts()
        let unit = MetricsConfig().majorUnits(1)
        let months = Self.reviewMonths(ending: Month(year: 2026, month: 10)).map { month in
            let groups = PurchaseGroups(facts: facts.customers, end: month.lastDay, majorUnit: unit)
            return (groups.purchases, groups.spend)
        }
        let worst = try Self.chainAgainstCold(months)
        print("warm vs cold, sample-data: BG/NBD \(worst.purchases), Gamma–Gamma \(worst.spend)")
    }

    /// What the grouping keeps per buyer is what the buyer's history says: its last purchase
    /// day, and a spend group (only with a repeat purchase) of the same x and mean repeat value.
    @Test func eachBuyersGroupsAndLastPurchaseAreItsHistorys() throws {
        let facts = try Self.sampleFacts()
        let unit = MetricsConfig().majorUnits(1)
        var repeaters = 0
        for month in [Month(year: 2025, month: 3), Month(year: 2026, month: 10)] {
            let groups = PurchaseGroups(facts: facts.customers, end: month.lastDay, majorUnit: unit)
            #expect(groups.buyers.count > 300)
            for (b, c) in groups.buyers.enumerated() {
                let h = try #require(PurchaseHistory(customer: Int(c), facts: facts.customers, end: month.lastDay))
                #expect(groups.lastPurchaseDay[b] == h.lastPurchaseDay)
                #expect(groups.purchases[Int(groups.group[b])].x == Double(h.x))
                let s = Int(groups.spendGroup[b])
                #expect((s < 0) == (h.x == 0), "customer \(c)")
                if s >= 0 {
                    repeaters += 1
                    #expect(groups.spend[s].x == Double(h.x) && groups.spend[s].mean == unit * h.repeatMean, "customer \(c)")
                }
            }
        }
        #expect(repeaters > 500)
    }

    /// The original symptom: 2026-09 built on its own and 2026-09 as a month of the 2026-10
    /// series must give the same numbers, bit for bit (metrics.json prints full precision);
    /// so must 2026-09 as a report of a backfill that also makes 2026-10.
    @Test func aMonthBuiltAloneEqualsTheSameMonthInALaterSeries() throws {
        let facts = try Self.sampleFacts()
        let config = MetricsConfig()
        let engine = MetricEngine()
        func run(_ months: [Month], everyMonthSliced: Bool = false) -> [Report] {
            engine.run(facts: facts, config: config, months: months, targets: nil, quality: QualityLog(), zone: "Asia/Shanghai",
                       everyMonthSliced: everyMonthSliced)
        }
        let (september, october) = (Month(year: 2026, month: 9), Month(year: 2026, month: 10))
        let alone = run([september])[0]
        let backfill = run([september, october])
        #expect(backfill[0].month == september && backfill[1].month == october)
        let together = backfill[0].prediction
        #expect(try alone.prediction.purchasing.get().model == together.purchasing.get().model)
        #expect(try alone.prediction.spending?.get().model == together.spending?.get().model)
        #expect(alone.prediction.predictedCLV52w != nil && alone.prediction.predictedCLV52w == together.predictedCLV52w)
        #expect(alone.prediction.expectedAliveCustomers == together.expectedAliveCustomers)
        #expect(alone.prediction.atRisk == together.atRisk)
        // October's trend shows September as September's own report does, in every metric
        // (the predictions' included): its total, since only a report month is sliced, and
        // with every month sliced, its slices too.
        let octoberAlone = run([october])[0], octoberSliced = run([october], everyMonthSliced: true)[0]
        for metric in alone.metrics {
            let inOctober = try #require(octoberAlone.metric(metric.id))
            #expect(inOctober.computed[11].value.total == metric.computed[12].value.total, "\(metric.id)")
            #expect(octoberSliced.metric(metric.id)?.computed[11].value == metric.computed[12].value, "\(metric.id)")
            #expect(octoberSliced.metric(metric.id)?.computed.map(\.value.total) == inOctober.computed.map(\.value.total), "\(metric.id)")
            #expect(backfill[1].metric(metric.id)?.computed.map(\.value.total) == inOctober.computed.map(\.value.total), "\(metric.id)")
            #expect(backfill[1].metric(metric.id)?.current == inOctober.current, "\(metric.id)")
        }
        #expect(alone.metrics.contains { !$0.current.slices.isEmpty }, "the sample's metrics are sliced")
        #expect(octoberAlone.metrics.allSatisfy { $0.computed[11].value.slices.isEmpty }, "a month before the report's is not")
    }

    static func reviewMonths(ending month: Month) -> [Month] { (0..<13).map { month - (12 - $0) } }

    /// Who fits a month does not show in its numbers: the same reports when every worker
    /// fits first, and when no worker does and one helper fits every month after the families
    /// (the path a million customers take once the families are done), asking the memory first.
    @Test func theMonthsFitByWhicheverWorkerGiveTheSameReports() throws {
        let facts = try Self.sampleFacts()
        let months = [Month(year: 2026, month: 9), Month(year: 2026, month: 10)]
        func run(_ engine: MetricEngine) -> [Report] {
            engine.run(facts: facts, config: MetricsConfig(), months: months, targets: nil, quality: QualityLog(), zone: "Asia/Shanghai")
        }
        let asked = Atomic<Int>(0)
        var helped = MetricEngine()
        helped.dedicatedFitters = 0
        helped.headroom = { _ in asked.add(1, ordering: .relaxed); return true }
        let (usual, byHelper) = (run(MetricEngine()), run(helped))
        #expect(asked.load(ordering: .relaxed) == 14, "asked before each of the 14 months it fits")
        for (a, b) in zip(usual, byHelper) {
            #expect(try a.prediction.purchasing.get().model == b.prediction.purchasing.get().model)
            #expect(a.prediction.predictedCLV52w == b.prediction.predictedCLV52w)
            for metric in a.metrics { #expect(b.metric(metric.id)?.computed.map(\.value) == metric.computed.map(\.value), "\(metric.id)") }
        }
    }

    static func sampleFacts() throws -> Facts {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("sample-data").path
        let snapshot = try SnapshotReader.read(folder: folder, options: SnapshotOptions(zone: Zone(identifier: "Asia/Shanghai")!))
        return Facts(snapshot: snapshot, dimensions: MetricsConfig().dimensions)
    }
}
