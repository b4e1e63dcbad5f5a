/// Liveness (METRICS.md "Customer base"): live, churned, won back, churn, retention, win-back.
struct CustomerBaseFamily: MetricFamily {
    func metricIds(_ config: MetricsConfig) -> [String] {
        ["live_customers", "churned_customers", "reactivated_customers", "churn_rate", "retention_rate", "winback_rate"]
    }

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig) -> [String: Computed] {
        let f = facts.customers
        let groups = Groups(f.dimensions)
        let w = Int32(config.definitions.churnAfterDays)
        let start = month.firstDay - 1, end = month.lastDay
        var live = groups.zeros(), liveBefore = groups.zeros(), churned = groups.zeros()
        var reactivated = groups.zeros(), dormant = groups.zeros()
        for c in 0..<f.count {
            let before = f.isLive(c, on: start, window: w)
            let after = f.isLive(c, on: end, window: w)
            if after { groups.add(1, row: c, to: &live) }
            if before { groups.add(1, row: c, to: &liveBefore) }
            if before && !after { groups.add(1, row: c, to: &churned) }
            if !before && f.signupDay[c] < month.firstDay {
                groups.add(1, row: c, to: &dormant)
                if after { groups.add(1, row: c, to: &reactivated) }
            }
        }
        let churn = groups.ratio(churned, liveBefore, "churned_customers", "live at first(M) − 1")
        var retention = churn
        retention.value = groups.value { liveBefore[$0] > 0 ? 1 - churned[$0] / liveBefore[$0] : nil }
        return [
            "live_customers": groups.total(live),
            "churned_customers": groups.total(churned),
            "reactivated_customers": groups.total(reactivated),
            "churn_rate": churn,
            "retention_rate": retention,
            "winback_rate": groups.ratio(reactivated, dormant, "reactivated_customers", "signed up before first(M), not live at first(M) − 1"),
        ]
    }
}
