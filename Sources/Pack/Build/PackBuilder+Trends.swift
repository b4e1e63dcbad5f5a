import Charts
import Metrics

extension PackBuilder {
    static let trendMetrics = ["new_customers", "revenue", "live_customers", "active_customers", "new_paying_customers", "paying_customers",
                               "churn_rate", "spend", "new_leads", "win_rate", "cac"]

    func growth() -> PackSection {
        var blocks = trends(Self.trendMetrics)
        // The channel bars pair with the last trend, so they go before any note on metrics without data.
        if let bars = channelBars() {
            let at = blocks.firstIndex { if case .note = $0 { true } else { false } } ?? blocks.count
            blocks.insert(.chart(bars), at: at)
        }
        return PackSection(id: "growth", title: text.growth, blocks: blocks)
    }

    /// New and new paying customers of the month by acquisition channel.
    func channelBars() -> ChartBlock? {
        guard let new = report.metric("new_customers"), let paying = report.metric("new_paying_customers"),
              let channels = new.current.slices.first(where: { $0.dimension == "channel" })?.members.map(\.member), !channels.isEmpty else { return nil }
        let values = { (r: MetricResult) in channels.map { r.current.value(for: Slice(dimension: "channel", value: $0)) ?? nil } }
        let chart = BarChart(title: text("分渠道新增与新增付费客户", "New and new paying customers by channel"), categories: channels,
                             series: [.init(name: name("new_customers"), values: values(new)), .init(name: name("new_paying_customers"), values: values(paying))],
                             layout: .grouped, kind: .count, format: format)
        let table = DataTable(id: "channel-new-customers", header: [text.channel, name("new_customers"), name("new_paying_customers")],
                              rows: channels.indices.map { [channels[$0], format.format(values(new)[$0], .count), format.format(values(paying)[$0], .count)] },
                              numericColumns: [1, 2])
        // Half width: it pairs with the last trend instead of taking a page of its own.
        return ChartBlock(id: "channel-new-customers", chart: .bars(chart), width: Self.half.width, height: Self.half.height, data: table, wide: false)
    }

    func trend(_ r: MetricResult) -> ChartBlock {
        let k = kind(of: r)
        let hasTarget = r.targetSeries.contains { $0 != nil }
        let shown = trendMonths
        let chart = TrendChart(title: name(r.id), monthLabels: monthLabels(shown), series: [.init(name: name(r.id), values: Array(r.series[shown]))],
                               target: hasTarget ? Array(r.targetSeries[shown]) : nil, targetLabel: text.target,
                               benchmark: report.config.benchmarks[r.id].map { $0...$0 }, benchmarkLabel: text("行业参考", "benchmark"),
                               annotation: text("环比 ", "MoM ") + change(r, r.mom) + " · " + text("同比 ", "YoY ") + change(r, r.yoy),
                               kind: k, format: format, zeroBased: k == .count || k == .money)
        let rows = shown.map { i -> [String] in
            var row = [format.month(year: report.months[i].year, month: report.months[i].month), value(r, r.series[i])]
            if hasTarget { row.append(value(r, r.targetSeries[i])) }
            return row
        }
        let header = [text.month, name(r.id)] + (hasTarget ? [text.target] : [])
        let id = "trend-\(r.id.replacingOccurrences(of: "_", with: "-"))"
        return ChartBlock(id: id, chart: .trend(chart), width: Self.half.width, height: Self.half.height,
                          data: DataTable(id: id, header: header, rows: rows, numericColumns: Set(1..<header.count)), wide: false)
    }
}
