import Charts
import Metrics

extension PackBuilder {
    func targets() -> PackSection {
        let outcomes = report.targets
        guard !outcomes.isEmpty else {
            return PackSection(id: "targets", title: text.targets, blocks: [.note(text("本月没有目标。", "No targets touch this month."))])
        }
        func label(_ t: TargetOutcome) -> String {
            name(t.metric) + (t.slice.map { " · \($0.value)" } ?? "") + (t.scope == .month ? "" : " (\(t.period))")
        }
        func detail(_ t: TargetOutcome) -> String {
            guard let r = report.metric(t.metric) else { return "" }
            return "\(value(r, t.actual)) / \(value(r, t.target))"
        }
        let rows = outcomes.map { t in
            BulletChart.Row(label: label(t), detail: detail(t), attainment: t.open ? t.pace : t.attainment, status: t.status.map(bulletStatus))
        }
        let chart = BulletChart(title: text.targets, rows: rows, nearThreshold: report.config.definitions.nearThreshold, format: format)
        let table = DataTable(id: "targets", header: [text.metric, text.period, text.actual, text.target, text.attainment, text.pace, text.status],
                              rows: outcomes.map { t in
                                  let r = report.metric(t.metric)
                                  return [name(t.metric) + (t.slice.map { " · \($0.value)" } ?? ""), t.period,
                                          r.map { value($0, t.actual) } ?? "—", r.map { value($0, t.target) } ?? "—",
                                          format.format(t.attainment, .ratio), format.format(t.pace, .ratio), text.status(t.status?.rawValue)]
                              },
                              numericColumns: [2, 3, 4, 5],
                              rowTones: outcomes.map { tone(of: $0.status) })
        return PackSection(id: "targets", title: text.targets, blocks: [
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
