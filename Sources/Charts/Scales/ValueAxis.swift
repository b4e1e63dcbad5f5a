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

    /// Five percentage points.
    static let smallestRatioSpan = 0.05

    /// nil when no value is known: a chart says "no data" rather than drawing an empty axis.
    public init?(values: [Double], kind: ValueKind, format: NumberFormat, includeZero: Bool) {
        guard values.contains(where: \.isFinite) else { return nil }
        var shown = values
        // A ratio axis spans at least `smallestRatioSpan`, so a rate that barely moves
        // (92.40 % to 92.48 %) draws as the flat line it is, not as a dramatic swing.
        let finite = values.filter(\.isFinite)
        if kind == .ratio, !includeZero, let lo = finite.min(), let hi = finite.max(), hi - lo < Self.smallestRatioSpan {
            let middle = min(max((lo + hi) / 2, Self.smallestRatioSpan / 2), 1 - Self.smallestRatioSpan / 2)
            shown += [middle - Self.smallestRatioSpan / 2, middle + Self.smallestRatioSpan / 2]
        }
        scale = NiceScale(values: shown, includeZero: includeZero, integers: kind == .count,
                          bounds: kind == .ratio ? 0...1 : nil)
        ticks = zip(scale.ticks, format.axisLabels(scale.ticks, kind, step: scale.step)).map { Tick(value: $0, label: $1) }
    }
}
