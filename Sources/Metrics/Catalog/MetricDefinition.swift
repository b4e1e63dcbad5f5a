/// One entry of the metric dictionary (口径): what a number means, as data.
public struct MetricDefinition: Sendable, Equatable {
    public enum Unit: String, Sendable, CaseIterable {
        case count, money, ratio, days, hours, months, score, number

        /// Whether month-over-month change is in points (ratios, scores) or relative.
        public var changesInPoints: Bool { self == .ratio || self == .score }
        /// Whether quarter and year targets compare with a to-date sum.
        public var isAdditive: Bool { self == .count || self == .money }
    }

    public enum Direction: String, Sendable {
        case up, down, none
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
    /// Shown as a multiple (15.0×) rather than a percentage; the value is still a ratio.
    public var readsAsMultiple: Bool { id == "ltv_cac" || id == "roas_12m" }

    public func name(chinese: Bool) -> String { chinese ? nameZh : nameEn }
    public func formula(chinese: Bool) -> String { chinese ? formulaZh : formulaEn }
}
