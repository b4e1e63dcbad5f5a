/// The configurable parameters of the definitions (METRICS.md "Defaults").
public struct Definitions: Sendable, Equatable {
    public var churnAfterDays = 30
    public var activationDays = 7
    public var retentionDays = [1, 7, 30]
    public var conversionDays = 30
    public var repeatWindowDays = 90
    public var rfmWindowDays = 365
    public var rfmThresholdMedian = false
    public var leadResponseSLAHours = 24.0
    public var ticketSLAHours = 48.0
    /// Used when orders carry no cost.
    public var grossMargin = 1.0
    public var nearThreshold = 0.9

    public init() {}

    /// The configuration key and value of each parameter, for `explain` and the dictionary.
    public var keyValues: [(String, String)] {
        [("churn_after_days", "\(churnAfterDays)"), ("activation_days", "\(activationDays)"),
         ("retention_days", "\(retentionDays)"), ("conversion_days", "\(conversionDays)"),
         ("repeat_window_days", "\(repeatWindowDays)"), ("rfm_window_days", "\(rfmWindowDays)"),
         ("rfm_threshold", rfmThresholdMedian ? "median" : "mean"),
         ("lead_response_sla_hours", "\(leadResponseSLAHours)"), ("ticket_sla_hours", "\(ticketSLAHours)"),
         ("gross_margin", "\(grossMargin)"), ("near_threshold", "\(nearThreshold)")]
    }
}
