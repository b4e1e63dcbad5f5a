/// An alert rule that fired on the report month.
public struct Alert: Sendable, Equatable {
    public let rule: AlertRule
    /// The metric's value (for above / below) or its month-over-month change.
    public let observed: Double
    public let threshold: Double

    /// Evaluates `rule` on the report month of `result`; nil when it does not fire or has no value.
    public static func evaluate(_ rule: AlertRule, on result: MetricResult) -> Alert? {
        let last = result.months.count - 1
        let value = result.value(at: last, slice: rule.slice)
        var change: Double?
        if let value, last > 0, let before = result.value(at: last - 1, slice: rule.slice) {
            if result.definition.unit.changesInPoints { change = value - before } else if before != 0 { change = (value - before) / abs(before) }
        }
        switch rule.condition {
        case .above(let t): return value.flatMap { $0 > t ? Alert(rule: rule, observed: $0, threshold: t) : nil }
        case .below(let t): return value.flatMap { $0 < t ? Alert(rule: rule, observed: $0, threshold: t) : nil }
        case .changeAbove(let t): return change.flatMap { $0 > t ? Alert(rule: rule, observed: $0, threshold: t) : nil }
        case .changeBelow(let t): return change.flatMap { $0 < t ? Alert(rule: rule, observed: $0, threshold: t) : nil }
        }
    }
}
