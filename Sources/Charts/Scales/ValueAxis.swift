/// A value axis resolved before anything is drawn: its scale and each tick's value and
/// label. Counts tick at whole numbers, ratios stay within 0–100 % unless the data leaves
/// it, and every label of one axis uses one unit and one number of decimals.
public struct ValueAxis: Sendable, Equatable {
    public struct Tick: Sendable, Equatable {
        public let value: Double
        public let label: String
    }

    public let scale: NiceScale
    public let ticks: [Tick]

    /// nil when no value is known: a chart says "no data" rather than drawing an empty axis.
    public init?(values: [Double], kind: ValueKind, format: NumberFormat, includeZero: Bool) {
        guard values.contains(where: \.isFinite) else { return nil }
        scale = NiceScale(values: values, includeZero: includeZero, integers: kind == .count,
                          bounds: kind == .ratio ? 0...1 : nil)
        let values = scale.ticks
        ticks = zip(values, format.axisLabels(values, kind, step: scale.step)).map { Tick(value: $0, label: $1) }
    }
}
