import Foundation

/// Predicted value and churn risk as of last(M): BG/NBD for whether and how often
/// customers buy, Gamma–Gamma for how much, fitted on paid orders up to the month end.
public struct Prediction: Sendable {
    public struct AtRisk: Sendable, Equatable {
        public let customerId: String
        public let name: String
        public let owner: String?
        public let lastOrderDay: Int32
        /// Revenue over the 12 months ending M, major units.
        public let revenue: Double
        public let probabilityAlive: Double
    }

    /// Mean P(alive) of customers by 30-day periods since their last purchase (for
    /// orientation); the last bucket holds everyone beyond it.
    public struct RecencyPoint: Sendable, Equatable {
        public let monthsSinceLastPurchase: Int
        public let customers: Int
        public let meanProbabilityAlive: Double
    }

    public let purchasing: Result<BGNBD.Fit, BGNBD.FitError>
    /// The gross margin the predicted value was multiplied by.
    public let grossMargin: Double
    public let spending: Result<GammaGamma.Fit, GammaGamma.FitError>?
    /// Customers with ≥ 1 paid order by last(M).
    public let customers: Int
    public let expectedAliveCustomers: Double?
    /// Mean expected 52-week value × gross margin (major units).
    public let predictedCLV52w: Double?
    public let atRisk: [AtRisk]
    public let recencyCurve: [RecencyPoint]
    /// The customers with a paid order by last(M), ascending, and per buyer in that order:
    /// P(alive) and expected 52-week value (before margin). Kept per buyer, not per customer:
    /// they are held for every month being fitted.
    private(set) var buyers: [Int32]
    private(set) var probabilityAlive: [Double]
    private(set) var expectedValue: [Double]

    static let horizonWeeks = 52.0
    static let atRiskSize = 20
    public static let recencyBuckets = 24

    /// Both models are fitted cold on this month's data alone, so a month's numbers are the
    /// same whether it is built on its own or as part of a later month's series.
    public init(month: Month, facts: Facts, grossMargin: Double, config: MetricsConfig) {
        self.grossMargin = grossMargin
        let f = facts.customers
        let end = month.lastDay
        let unit = config.majorUnits(1)
        let groups = PurchaseGroups(facts: f, end: end, majorUnit: unit)
        customers = groups.buyers.count
        purchasing = Result { try BGNBD.fit(groups.purchases) }.mapError { $0 as! BGNBD.FitError }
        buyers = groups.buyers
        guard case .success(let fit) = purchasing else {
            (spending, expectedAliveCustomers, predictedCLV52w, atRisk, recencyCurve) = (nil, nil, nil, [], [])
            (probabilityAlive, expectedValue) = ([], [])
            return
        }
        let model = fit.model
        spending = Result { try GammaGamma.fit(groups.spend) }.mapError { $0 as! GammaGamma.FitError }
        let valueModel = try? spending?.get().model

        // P(alive) and expected purchases depend on (x, t_x, T) only: once per group.
        let groupAlive = groups.purchases.map { model.probabilityAlive(x: $0.x, tx: $0.tx, T: $0.T) }
        let groupPurchases = valueModel == nil ? [] : model.expectedPurchases(next: Self.horizonWeeks, groups.purchases)
        // The expected value of a purchase depends on x and the mean repeat value only: once per
        // spend group, and once for the buyers of one purchase day (x = 0, mean 0).
        let spendValues = valueModel.map { m in groups.spend.map { m.expectedAverageValue(x: $0.x, mean: $0.mean) } } ?? []
        let oneDayValue = valueModel?.expectedAverageValue(x: 0, mean: 0) ?? 0
        var alive = 0.0, value = 0.0
        var pAlive = [Double](repeating: 0, count: buyers.count)
        var values = [Double](repeating: 0, count: valueModel == nil ? 0 : buyers.count)
        // Customers and summed P(alive) per recency bucket.
        var curve = [(customers: Int, alive: Double)](repeating: (0, 0), count: Self.recencyBuckets + 1)
        for b in buyers.indices {
            let g = Int(groups.group[b])
            let p = groupAlive[g]
            pAlive[b] = p
            alive += p
            if valueModel != nil {
                let s = Int(groups.spendGroup[b])
                values[b] = groupPurchases[g] * (s < 0 ? oneDayValue : spendValues[s])
                value += values[b]
            }
            let months = min(Int((end - groups.lastPurchaseDay[b]) / 30), Self.recencyBuckets)
            curve[months].customers += 1
            curve[months].alive += p
        }
        probabilityAlive = pAlive
        expectedValue = values
        expectedAliveCustomers = alive
        predictedCLV52w = valueModel != nil && customers > 0 ? value / Double(customers) * grossMargin : nil
        recencyCurve = curve.indices.filter { curve[$0].customers > 0 }.map {
            RecencyPoint(monthsSinceLastPurchase: $0, customers: curve[$0].customers, meanProbabilityAlive: curve[$0].alive / Double(curve[$0].customers))
        }

        // At risk: the largest 12-month spenders with P(alive) < 0.5, ties by customer id.
        let from = (month - 11).firstDay
        let owner = f.allDimensions.first { $0.name == "owner" }
        var candidates: [(revenue: Int64, c: Int, b: Int)] = []
        for (b, c) in buyers.enumerated() where pAlive[b] < 0.5 {
            let revenue = f.revenue(Int(c), from: from, to: end)
            if revenue > 0 { candidates.append((revenue, Int(c), b)) }
        }
        // At a million customers sorting every candidate took a tenth of the month's prediction.
        let largest = Statistics.largest(Self.atRiskSize, of: candidates, key: \.revenue) {
            $0.revenue != $1.revenue ? $0.revenue > $1.revenue : facts.customerIds[$0.c] < facts.customerIds[$1.c]
        }
        atRisk = largest.map { entry in
            AtRisk(customerId: facts.customerIds[entry.c], name: facts.customerNames[entry.c], owner: owner?.value(at: entry.c),
                   lastOrderDay: groups.lastPurchaseDay[entry.b], revenue: config.majorUnits(entry.revenue), probabilityAlive: pAlive[entry.b])
        }
    }

    /// The month's prediction with its gross margin (the configured one when nothing was
    /// sold), fitted cold on the month's data alone.
    init(month: Month, facts: Facts, config: MetricsConfig, grossMargin: Double?) {
        self.init(month: month, facts: facts, grossMargin: grossMargin ?? config.definitions.grossMargin, config: config)
    }

    /// The same prediction without its per-customer values, which only the sliced metrics
    /// read (``PredictionMetrics``): what a report keeps.
    func withoutCustomers() -> Prediction {
        var copy = self
        (copy.buyers, copy.probabilityAlive, copy.expectedValue) = ([], [], [])
        return copy
    }

    /// A one-line reason when the models could not be fitted.
    public var failure: String? {
        if case .failure(let e) = purchasing { return e.description }
        if case .failure(let e)? = spending { return e.description }
        return nil
    }
}
