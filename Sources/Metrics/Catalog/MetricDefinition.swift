/// One entry of the metric dictionary (口径): what a number means, as data.
public struct MetricDefinition: Sendable, Equatable {
    public enum Unit: String, Sendable, CaseIterable {
        case count, money, ratio, days, hours, months, score, number
        /// A ratio read as a multiple (LTV/CAC 15.0×, ROAS 20.7×): stored as a fraction, written with ×.
        case multiple

        /// Whether month-over-month change is in points (ratios, scores, multiples) or relative.
        public var changesInPoints: Bool { self == .ratio || self == .score || self == .multiple }
    }

    public enum Direction: String, Sendable {
        case up, down, none
    }

    /// Whether a metric adds up over months (a flow: revenue, new customers) or is a
    /// level that never sums (a stock, a distinct count, a ratio, an average).
    /// Quarter and year targets compare a flow with its period-to-date sum, a level
    /// with its value in the report month.
    public enum Aggregation: String, Sendable {
        case flow, level
    }

    /// Which table's rows a slice of the metric groups by.
    public enum SliceBasis: Sendable, Equatable {
        case customer, lead, channelOnly, none
    }

    public let id: String
    public let nameZh: String
    public let nameEn: String
    public let formulaZh: String
    public let formulaEn: String
    public let unit: Unit
    public let direction: Direction
    public let sources: [String]
    public let configKeys: [String]
    public let sliceBasis: SliceBasis
    public let aggregation: Aggregation

    public func name(chinese: Bool) -> String { chinese ? nameZh : nameEn }
    public func formula(chinese: Bool) -> String { chinese ? formulaZh : formulaEn }
}
