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
        // Per channel: counts per stage, overall conversion and cost per won deal (without spend, no such column).
        let stageLabels = f.stages.map(label)
        let costed = f.byChannel.contains { $0.stages.last?.costPerStage != nil }
        let rows = f.byChannel.map { ch -> [String] in
            let overall = ch.stages.first.flatMap { first in first.count > 0 ? Double(ch.stages.last!.count) / Double(first.count) : nil }
            return [ch.channel] + ch.stages.map { format.format(Double($0.count), .count) } + [format.format(overall, .ratio)]
                + (costed ? [format.format(ch.stages.last?.costPerStage, .money)] : [])
        }
        blocks.append(.table(DataTable(id: "funnel-by-channel", caption: text("分渠道漏斗", "Funnel by channel"),
                                       header: [text.channel] + stageLabels + [text("整体转化", "Overall")] + (costed ? [text("单个成交成本", "Cost per win")] : []),
                                       rows: rows, numericColumns: Set(1...(stageLabels.count + (costed ? 2 : 1))))))
        if let note = withheldFromFunnel() { blocks.append(note) }
        return PackSection(id: "funnel", title: text.funnel, blocks: blocks)
    }

    /// Why an audience's funnel has no visits stage or costs: its filter does not tell spend and traffic apart.
    func withheldFromFunnel() -> PackBlock? {
        let tables = ["traffic", "spend"].filter(options.withheldTables.contains)
        guard !tables.isEmpty, let audience = options.audience else { return nil }
        let names = tables.map(tableName).joined(separator: text("、", " and "))
        return .note(text("本报告只含「\(audience)」的数据；\(names)的行只按渠道区分，无法归入这一范围，因此漏斗不含访问一级和各阶段成本，全公司数字见管理层报告。",
                          "This pack holds only the rows of \(audience); the rows of the \(names) are told apart by channel only, so its funnel has no visits stage and no costs (the company's figures are in the leadership pack)."))
    }
}
