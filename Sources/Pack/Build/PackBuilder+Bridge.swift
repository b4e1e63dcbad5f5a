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
        let rows = [[text("期初存续", "Start"), format.exact(b.start)], [text("流失", "Churned"), "−" + format.exact(b.churned)],
                    [text("唤回", "Won back"), "+" + format.exact(b.reactivated)], [text("新增存续", "New"), "+" + format.exact(b.new)],
                    [text("期末存续", "End"), format.exact(b.end)]]
        return PackSection(id: "bridge", title: text.bridge, blocks: [
            .chart(ChartBlock(id: "bridge", chart: .waterfall(chart), width: Self.wide.width, height: 230,
                              data: DataTable(id: "bridge", header: [text.stage, text.count], rows: rows, numericColumns: [1]), wide: true)),
        ])
    }
}
