/// Everything the metric engine takes from `pack.yaml`.
public struct MetricsConfig: Sendable {
    public var definitions = Definitions()
    public var funnel = FunnelStage.defaults
    /// Customer dimensions to slice by.
    public var dimensions = ["channel", "region", "industry", "tier", "owner"]
    /// Customer fields that data_completeness requires.
    public var requiredFields = ["channel", "region", "industry", "owner"]
    public var alerts: [AlertRule] = []
    /// Optional reference values per metric (industry benchmarks).
    public var benchmarks: [String: Double] = [:]
    /// Fraction digits of the currency: money is reported in major units.
    public var currencyDigits = 2

    /// Minor units (exact) as major units (the reported number).
    public func majorUnits(_ minor: Int64) -> Double {
        var scale = 1.0
        for _ in 0..<currencyDigits { scale *= 10 }
        return Double(minor) / scale
    }

    public init() {}

    /// Checks every rule against the catalog, one message per broken rule.
    public func validate() -> [String] {
        let catalog = MetricCatalog(definitions: definitions)
        var problems: [String] = []
        for (i, rule) in alerts.enumerated() where catalog[rule.metric] == nil {
            problems.append("alerts[\(i)]: unknown metric \"\(rule.metric)\"; `reviewpack metrics` lists the ids")
        }
        for key in benchmarks.keys.sorted() where catalog[key] == nil {
            problems.append("benchmarks: unknown metric \"\(key)\"")
        }
        return problems
    }
}
