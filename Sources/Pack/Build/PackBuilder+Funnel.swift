import Charts
import Metrics

extension PackBuilder {
    func funnel() -> PackSection {
        guard let f = report.funnel else {
            return PackSection(id: "funnel", title: text.funnel, blocks: [missing("leads")])
        }
        let label = { (s: Funnel.Stage) in s.kind == .visits ? text("访问", "Visits") : s.label }
        let chart = FunnelChart(title: text.funnel, stages: f.stages.map { .init(label: label($0), count: $0.count, conversion: $0.stepConversion, cost: $0.costPerStage) },
                                format: format, costHeading: text.costPerStage)
        let data = DataTable(id: "funnel", header: [text.stage, text.count, text.conversion, text.costPerStage],
                             rows: f.stages.map { [label($0), format.format(Double($0.count), .count), format.format($0.stepConversion, .ratio), format.format($0.costPerStage, .money)] },
                             numericColumns: [1, 2, 3])
        var blocks: [PackBlock] = [.chart(ChartBlock(id: "funnel", chart: .funnel(chart), width: Self.wide.width, height: 230, data: data, wide: true))]
        // Per channel: counts per stage, overall conversion and cost per won deal.
        let stageLabels = f.stages.map(label)
        let rows = f.byChannel.map { ch -> [String] in
            let overall = ch.stages.first.flatMap { first in first.count > 0 ? Double(ch.stages.last!.count) / Double(first.count) : nil }
            return [ch.channel] + ch.stages.map { format.format(Double($0.count), .count) } + [format.format(overall, .ratio), format.format(ch.stages.last?.costPerStage, .money)]
        }
        blocks.append(.table(DataTable(id: "funnel-by-channel", caption: text("分渠道漏斗", "Funnel by channel"),
                                       header: [text.channel] + stageLabels + [text("整体转化", "Overall"), text("单个成交成本", "Cost per win")],
                                       rows: rows, numericColumns: Set(1...(stageLabels.count + 2)))))
        return PackSection(id: "funnel", title: text.funnel, blocks: blocks)
    }
}
