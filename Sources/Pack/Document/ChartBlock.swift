import Charts

/// A chart with its numbers as a table beside it (the text alternative). It holds the
/// chart itself, so each output draws it for the room it has: a page's column, a
/// desktop screen, a phone.
public struct ChartBlock: Sendable {
    /// File stem of the chart's SVG (`trend-revenue`).
    public var id: String
    public var chart: Chart
    /// The chart's size on a page (points) and a desktop screen (CSS pixels, before the site scales it up).
    public var width: Double
    public var height: Double
    public var data: DataTable
    /// Charts that take the full width rather than half of it.
    public var wide: Bool
    /// Print the numbers under the chart in the PDF too (the site always offers them).
    public var tableInPrint = false

    public init(id: String, chart: Chart, width: Double, height: Double, data: DataTable, wide: Bool, tableInPrint: Bool = false) {
        (self.id, self.chart, self.width, self.height, self.data, self.wide, self.tableInPrint) = (id, chart, width, height, data, wide, tableInPrint)
    }

    /// The chart at its standard size, measured by `placer`.
    public func scene(theme: Theme = .standard, placer: TextPlacer = TextPlacer()) -> Scene {
        chart.build(width: width, height: height, theme: theme, placer: placer)
    }
}
