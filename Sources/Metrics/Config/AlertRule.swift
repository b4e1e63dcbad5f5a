/// A rule that raises an alert when a metric of the report month crosses a line.
public struct AlertRule: Sendable, Equatable {
    public enum Condition: Sendable, Equatable {
        case above(Double), below(Double), changeAbove(Double), changeBelow(Double)
    }

    public enum Severity: String, Sendable, CaseIterable { case high, medium, low }

    public let metric: String
    public let slice: Slice?
    public let condition: Condition
    public let severity: Severity

    public init(metric: String, slice: Slice? = nil, condition: Condition, severity: Severity) {
        self.metric = metric
        self.slice = slice
        self.condition = condition
        self.severity = severity
    }
}
