/// Liveness and the customer bridge: live, churned, reactivated (唤回), churn rate.
struct CustomerBaseFamily: MetricFamily {
    let metricIds = ["live_customers", "churned_customers", "reactivated_customers", "churn_rate"]

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig) -> [String: SlicedValue] {
        let f = facts.customers
        let groups = Groups(f.dimensions)
        let w = Int32(config.definitions.churnAfterDays)
        let start = month.firstDay - 1, end = month.lastDay
        var live = groups.zeros(), liveBefore = groups.zeros(), churned = groups.zeros(), reactivated = groups.zeros()
        for c in 0..<f.count {
            let before = f.isLive(c, on: start, window: w)
            let after = f.isLive(c, on: end, window: w)
            if after { groups.add(1, row: c, to: &live) }
            if before { groups.add(1, row: c, to: &liveBefore) }
            if before && !after { groups.add(1, row: c, to: &churned) }
            if after && !before && f.signupDay[c] < month.firstDay { groups.add(1, row: c, to: &reactivated) }
        }
        return [
            "live_customers": groups.count(live),
            "churned_customers": groups.count(churned),
            "reactivated_customers": groups.count(reactivated),
            "churn_rate": groups.ratio(churned, liveBefore),
        ]
    }
}

/// The customer bridge of one month: start − churned + reactivated + new = end.
public struct Bridge: Sendable, Equatable {
    public let start: Int
    public let churned: Int
    public let reactivated: Int
    /// Signed up in M and live at last(M).
    public let new: Int
    public let end: Int

    public init(month: Month, facts: Facts, window: Int) {
        let f = facts.customers
        let w = Int32(window)
        var start = 0, churned = 0, reactivated = 0, new = 0, end = 0
        for c in 0..<f.count {
            let before = f.isLive(c, on: month.firstDay - 1, window: w)
            let after = f.isLive(c, on: month.lastDay, window: w)
            if before { start += 1 }
            if after { end += 1 }
            if before && !after { churned += 1 }
            if after && !before && f.signupDay[c] < month.firstDay { reactivated += 1 }
            if after && month.contains(f.signupDay[c]) { new += 1 }
        }
        (self.start, self.churned, self.reactivated, self.new, self.end) = (start, churned, reactivated, new, end)
    }

    /// The identity METRICS.md promises; false would mean a bug in liveness.
    public var balances: Bool { start - churned + reactivated + new == end }
}
