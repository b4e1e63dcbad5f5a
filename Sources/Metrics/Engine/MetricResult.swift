/// One metric over the 13 months ending the report month, with its changes and target.
public struct MetricResult: Sendable {
    public let definition: MetricDefinition
    /// Oldest first; the last is the report month.
    public let months: [Month]
    /// Each month's value with the inputs it came from (for `explain`).
    public let computed: [Computed]
    public var values: [SlicedValue] { computed.map(\.value) }
    /// The unsliced target that applies to the report month, if any.
    public var target: TargetOutcome?
    /// The monthly unsliced target of each month of `months` (for target lines).
    public var targetSeries: [Double?]

    public var id: String { definition.id }
    public var series: [Double?] { values.map(\.total) }
    public var value: Double? { values.last?.total }
    public var current: SlicedValue { values[values.count - 1] }

    /// Change against the month before: points for ratios and scores, relative otherwise.
    public var mom: Double? { change(from: values.count - 2) }
    /// Change against the same month a year before.
    public var yoy: Double? { change(from: values.count - 13) }

    /// The report month's change against month `index`, for the company or one slice.
    public func change(from index: Int, slice: Slice? = nil) -> Double? {
        guard index >= 0, let now = value(at: values.count - 1, slice: slice), let then = value(at: index, slice: slice) else { return nil }
        if definition.unit.changesInPoints { return now - then }
        return then == 0 ? nil : (now - then) / abs(then)
    }

    /// The value of one month for the whole company or one slice (nil: no value).
    public func value(at index: Int, slice: Slice?) -> Double? {
        guard let slice else { return values[index].total }
        return values[index].value(for: slice) ?? nil
    }
}
