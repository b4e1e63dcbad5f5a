/// Liveness (METRICS.md "Customer base"): live, churned, won back, churn, retention, win-back.
struct CustomerBaseFamily: MetricFamily {
    func metricIds(_ config: MetricsConfig) -> [String] {
        ["live_customers", "churned_customers", "reactivated_customers", "churn_rate", "retention_rate", "winback_rate"]
    }

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig, scans: MonthScans) -> [String: Computed] {
        let live = scans.live
        let groups = live.groups
        let (liveBefore, churned, reactivated, dormant) = (live.before, live.churned, live.reactivated, live.dormant)
        let churn = groups.ratio(churned, liveBefore, "churned_customers", "live at first(M) − 1")
        var retention = churn
        retention.value = groups.value { liveBefore[$0] > 0 ? 1 - churned[$0] / liveBefore[$0] : nil }
        return [
            "live_customers": groups.total(live.after),
            "churned_customers": groups.total(churned),
            "reactivated_customers": groups.total(reactivated),
            "churn_rate": churn,
            "retention_rate": retention,
            "winback_rate": groups.ratio(reactivated, dormant, "reactivated_customers", "signed up before first(M), not live at first(M) − 1"),
        ]
    }
}
