/// Any chart of this module as a value, so that a document holds the chart itself and
/// each output builds it at the size it shows it: a page's column, a desktop screen, a phone.
public enum Chart: Sendable {
    case trend(TrendChart)
    case bars(BarChart)
    case bullet(BulletChart)
    case donut(DonutChart)
    case funnel(FunnelChart)
    case heatMap(HeatMapChart)
    case waterfall(WaterfallChart)

    /// Below this width charts lay themselves out for a phone.
    public static let narrowBelow = 480.0

    public var title: String {
        switch self {
        case .trend(let c): return c.title
        case .bars(let c): return c.title
        case .bullet(let c): return c.title
        case .donut(let c): return c.title
        case .funnel(let c): return c.title
        case .heatMap(let c): return c.title
        case .waterfall(let c): return c.title
        }
    }

    /// The height the chart needs at `width`: `standard` for a page or a desktop, more on a
    /// phone; charts with a row per item (targets, cohorts, segments) grow with their rows.
    public func height(width: Double, theme: Theme, standard: Double) -> Double {
        let narrow = width < Self.narrowBelow
        switch self {
        case .trend: return narrow ? 220 : standard
        case .bars: return narrow ? 250 : standard
        case .waterfall: return narrow ? 250 : standard
        case .bullet(let c): return BulletChart.height(rows: c.rows.count, width: width, theme: theme)
        case .donut(let c): return narrow ? DonutChart.height(slices: c.shown.count, width: width, theme: theme) : standard
        case .funnel(let c): return FunnelChart.height(stages: c.stages.count, width: width)
        case .heatMap(let c): return HeatMapChart.height(rows: c.rowLabels.count, theme: theme)
        }
    }

    /// The narrowest width the chart reads at: a heat map's cells need room for their
    /// numbers, so on a phone it is drawn wider and scrolls.
    public func minimumWidth(theme: Theme) -> Double {
        if case .heatMap(let c) = self { return c.minimumWidth(theme: theme) }
        return 0
    }

    public func build(width: Double, height: Double, theme: Theme = .standard, placer: TextPlacer = TextPlacer()) -> Scene {
        switch self {
        case .trend(let c): return c.build(width: width, height: height, theme: theme, placer: placer)
        case .bars(let c): return c.build(width: width, height: height, theme: theme, placer: placer)
        case .bullet(let c): return c.build(width: width, height: height, theme: theme, placer: placer)
        case .donut(let c): return c.build(width: width, height: height, theme: theme, placer: placer)
        case .funnel(let c): return c.build(width: width, height: height, theme: theme, placer: placer)
        case .heatMap(let c): return c.build(width: width, height: height, theme: theme, placer: placer)
        case .waterfall(let c): return c.build(width: width, height: height, theme: theme, placer: placer)
        }
    }
}
