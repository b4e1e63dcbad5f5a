/// Everything computed for one report month: the input of every output of the pack.
public struct Report: Sendable {
    public let month: Month
    /// The 13 months ending the report month, oldest first.
    public let months: [Month]
    public let zone: String
    public let config: MetricsConfig
    public let catalog: MetricCatalog
    /// Computed metrics in catalog order.
    public let metrics: [MetricResult]
    /// Metrics left out, with the table whose absence is the reason.
    public let unavailable: [(id: String, missingTable: String)]
    public let funnel: Funnel?
    public let bridge: Bridge
    public let cohorts: CohortGrid
    public let rfm: RFMSegments
    public let prediction: Prediction
    /// Every target row touching the report month, unsliced ones first.
    public let targets: [TargetOutcome]
    /// Target rows naming metrics the catalog does not know.
    public let unknownTargetMetrics: [String]
    public let alerts: [Alert]
    public let quality: QualityLog
    /// Seconds of CPU spent in the metric families and in the months' predictions (both
    /// summed over the cores, for the whole run): the benchmark prints them, nothing else reads them.
    public var computeSeconds: (families: Double, predictions: Double) = (0, 0)

    public func metric(_ id: String) -> MetricResult? { metrics.first { $0.id == id } }
}
