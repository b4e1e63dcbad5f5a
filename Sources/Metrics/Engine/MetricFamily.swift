/// A group of metrics computed together from one scan of the facts for one month.
///
/// Families are where the arithmetic of METRICS.md lives, one file per family; the
/// catalog holds what the metrics mean. `metricIds` must match catalog entries.
protocol MetricFamily: Sendable {
    /// The ids this family computes under `config` (retention_dN depends on it).
    func metricIds(_ config: MetricsConfig) -> [String]
    /// Whether the facts hold what the family needs (its tables were in the snapshot).
    func isAvailable(_ facts: Facts) -> Bool
    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig, scans: MonthScans) -> [String: Computed]
}

extension MetricFamily {
    func isAvailable(_ facts: Facts) -> Bool { true }
}
