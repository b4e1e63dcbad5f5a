import Charts
import Metrics

extension PackBuilder {
    func targets() -> PackSection {
        let outcomes = report.targets
        guard !outcomes.isEmpty else {
            if report.quality.absentTables.contains("targets") { return PackSection(id: "targets", title: text.targets, blocks: [missing("targets")]) }
            return PackSection(id: "targets", title: text.targets, blocks: [.note(text("本月没有需要对照的目标：目标表中没有本月、本季度或本年度的目标。",
                                                                                          "No target applies to this month: the targets table has none for this month, quarter or year."))])
        }
        /// The metric and the slice the target is for ("新增客户 · 转介绍").
        func metricName(_ t: TargetOutcome) -> String { name(t.metric) + (t.slice.map { " · \($0.value)" } ?? "") }
        func label(_ t: TargetOutcome) -> String {
            metricName(t) + (t.scope == .month ? "" : text("（\(t.period)）", " (\(t.period))"))
        }
        /// Beside the bar, the figures it measures: actual against target, or for an open
        /// period against what its months so far call for.
        func detail(_ t: TargetOutcome) -> String {
            guard let r = report.metric(t.metric) else { return "" }
            let shown = comparison(r, t)
            return shown.byNow ? text("\(shown.actual) / 应达 \(shown.against)", "\(shown.actual) / \(shown.against) due") : "\(shown.actual) / \(shown.against)"
        }
        let rows = outcomes.map { t in
            BulletChart.Row(label: label(t), detail: detail(t), attainment: t.open ? t.pace : t.attainment, status: t.status.map(bulletStatus))
        }
        let chart = BulletChart(title: text.targets, rows: rows, nearThreshold: report.config.definitions.nearThreshold, format: format)
        let table = DataTable(id: "targets", header: [text.metric, text.period, text.actual, text.target, text.attainment, text.pace, text.status],
                              rows: outcomes.map { t in
                                  let figures = report.metric(t.metric).map { pair($0, t.actual, t.target) }
                                  return [metricName(t), t.period,
                                          figures?.0 ?? "—", figures?.1 ?? "—",
                                          format.format(t.attainment, .ratio), format.format(t.pace, .ratio), text.status(t.status?.rawValue)]
                              },
                              numericColumns: [2, 3, 4, 5],
                              rowTones: outcomes.map { tone(of: $0.status) })
        let explained = outcomes.contains(where: \.open)
            ? [PackBlock.note(text("条形为达成率：实际 ÷ 目标（越低越好的指标为目标 ÷ 实际）；尚未结束的季度和年度按时间进度衡量，即与已过月份应达的目标相比。",
                                   "Each bar is attainment: actual ÷ target (target ÷ actual where lower is better); a quarter or year still running is measured on pace, against what its months so far call for."))]
            : []
        return PackSection(id: "targets", title: text.targets, blocks: explained + [
            .chart(ChartBlock(id: "targets", chart: .bullet(chart), width: Self.wide.width, height: BulletChart.height(rows: rows.count),
                              data: table, wide: true, tableInPrint: true)),
        ])
    }

    func tone(of status: TargetOutcome.Status?) -> KPITile.Tone {
        switch status {
        case .met, .onTrack: return .good
        case .near: return .warning
        case .missed, .behind: return .bad
        case nil: return .neutral
        }
    }

    private func bulletStatus(_ status: TargetOutcome.Status) -> BulletChart.Status {
        switch status {
        case .met: return .met
        case .near: return .near
        case .missed: return .missed
        case .onTrack: return .onTrack
        case .behind: return .behind
        }
    }
}
