import Charts
import Metrics

extension MetricDefinition.Unit {
    /// How a number of this unit is written, the same in the pack and in `explain`.
    public var valueKind: ValueKind {
        switch self {
        case .count: return .count
        case .money: return .money
        case .ratio: return .ratio
        case .multiple: return .multiple
        case .days: return .days
        case .hours: return .hours
        case .months: return .months
        case .score: return .score
        case .number: return .number
        }
    }
}
