import Charts
import Metrics

extension PackBuilder {
    /// The customer bridge as a waterfall: start − churned + won back + new = end.
    func bridge() -> PackSection {
        let b = report.bridge
        let chart = WaterfallChart(title: text.bridge, steps: [
            .init(label: text("期初存续", "Start"), value: Double(b.start), kind: .total),
            .init(label: text("流失", "Churned"), value: Double(b.churned), kind: .decrease),
            .init(label: text("唤回", "Won back"), value: Double(b.reactivated), kind: .increase),
            .init(label: text("新增存续", "New"), value: Double(b.new), kind: .increase),
            .init(label: text("期末存续", "End"), value: Double(b.end), kind: .total),
        ], format: format)
        let rows = [[text("期初存续", "Start"), String(b.start)], [text("流失", "Churned"), "−\(b.churned)"],
                    [text("唤回", "Won back"), "+\(b.reactivated)"], [text("新增存续", "New"), "+\(b.new)"], [text("期末存续", "End"), String(b.end)]]
        return PackSection(id: "bridge", title: text.bridge, blocks: [
            .chart(ChartBlock(id: "bridge", scene: chart.build(width: Self.wide.width, height: 230, theme: theme),
                              data: DataTable(header: [text.stage, text.count], rows: rows, numericColumns: [1]), wide: true)),
        ])
    }
}
