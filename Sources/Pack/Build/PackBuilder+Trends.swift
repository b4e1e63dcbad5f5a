import Charts
import Metrics

extension PackBuilder {
    static let trendMetrics = ["new_customers", "revenue", "live_customers", "active_customers", "new_paying_customers", "paying_customers",
                               "churn_rate", "spend", "new_leads", "win_rate", "cac"]

    func growth() -> PackSection {
        let charts = Self.trendMetrics.compactMap { id in report.metric(id).map { trend($0) } }
        return PackSection(id: "growth", title: text.growth, blocks: charts.map { .chart($0) })
    }

    func trend(_ r: MetricResult) -> ChartBlock {
        let k = kind(r.definition.unit)
        let hasTarget = r.targetSeries.contains { $0 != nil }
        let chart = TrendChart(title: name(r.id), monthLabels: monthLabels, series: [.init(name: name(r.id), values: r.series)],
                               target: hasTarget ? r.targetSeries : nil, targetLabel: text.target,
                               benchmark: report.config.benchmarks[r.id].map { $0...$0 }, benchmarkLabel: text("行业参考", "benchmark"),
                               annotation: text("环比 ", "MoM ") + change(r, r.mom) + " · " + text("同比 ", "YoY ") + change(r, r.yoy),
                               kind: k, format: format, zeroBased: k == .count || k == .money)
        let rows = report.months.indices.map { i -> [String] in
            var row = [format.month(year: report.months[i].year, month: report.months[i].month), value(r, r.series[i])]
            if hasTarget { row.append(value(r, r.targetSeries[i])) }
            return row
        }
        let header = [text.month, name(r.id)] + (hasTarget ? [text.target] : [])
        return ChartBlock(id: "trend-\(r.id.replacingOccurrences(of: "_", with: "-"))",
                          scene: chart.build(width: Self.half.width, height: Self.half.height, theme: theme),
                          data: DataTable(header: header, rows: rows, numericColumns: Set(1..<header.count)), wide: false)
    }
}
