/// Amounts per month and channel (spend in minor units, visits): small, keyed by name
/// so that tables with their own channel codes meet on the channel's text.
public struct ChannelMonthFacts: Sendable, Equatable {
    /// month index → channel → amount.
    public private(set) var values: [Int32: [String: Int64]] = [:]

    public init() {}

    public mutating func add(month: Int32, channel: String, _ amount: Int64) {
        values[month, default: [:]][channel, default: 0] += amount
    }

    public func total(_ month: Month) -> Int64? {
        values[month.index].map { $0.values.reduce(0, +) }
    }

    public func byChannel(_ month: Month) -> [String: Int64] { values[month.index] ?? [:] }
}
