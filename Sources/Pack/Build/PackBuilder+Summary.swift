import Charts
import Metrics

extension PackBuilder {
    static let tileMetrics = ["new_customers", "live_customers", "churn_rate", "revenue", "paying_customers", "arpu", "new_leads", "win_rate"]

    func summary() -> PackSection {
        let tiles = Self.tileMetrics.compactMap { id -> KPITile? in
            guard let r = report.metric(id) else { return nil }
            var target: String?
            var status: String?
            var statusTone = KPITile.Tone.neutral
            var shown = value(r, r.value)
            if let t = r.target {
                statusTone = tone(of: t.status)
                // A month's target is compared with the value shown, so the two never print alike when they differ.
                let (actual, goal) = t.scope == .month ? pair(r, r.value, t.target) : (shown, value(r, t.target))
                shown = actual
                target = "\(text.target) \(goal)" + (t.scope == .month ? "" : text("（\(t.period)）", " (\(t.period))"))
                status = t.status?.rawValue
            }
            return KPITile(id: id, label: name(id), value: shown, change: change(r, r.mom), changeTone: tone(r, r.mom),
                           changeCaption: text.vsLastMonth, target: target, status: status.map { text.status($0) },
                           statusTone: statusTone,
                           sparkline: Sparkline(title: name(id), values: Array(r.series[trendMonths]), kind: kind(of: r), format: format).build(width: 84, height: 26))
        }
        return PackSection(id: "summary", title: text.summary, blocks: [.tiles(tiles)])
    }

    func exceptions() -> PackSection {
        var items: [ExceptionItem] = []
        for alert in report.alerts {
            guard let r = report.metric(alert.rule.metric) else { continue }
            let (condition, threshold) = MetricsJSON.conditionParts(alert.rule.condition)
            let scope = alert.rule.slice.map { text("（\($0.value)）", " (\($0.value))") } ?? ""
            let isChange = condition.hasPrefix("change")
            let observed = isChange ? change(r, alert.observed) : value(r, alert.observed)
            let limit = isChange ? change(r, threshold) : value(r, threshold)
            let verb: String
            switch condition {
            case "above": verb = text("高于警戒线", "above the limit of")
            case "below": verb = text("低于警戒线", "below the limit of")
            case "change_above": verb = text("环比变化超过", "month-on-month change beyond")
            default: verb = text("环比变化低于", "month-on-month change below")
            }
            items.append(ExceptionItem(severity: ExceptionItem.Severity(rawValue: alert.rule.severity.rawValue) ?? .medium,
                                       text: text("\(name(r.id))\(scope) \(observed)，\(verb) \(limit)", "\(name(r.id))\(scope) \(observed), \(verb) \(limit)")))
        }
        for t in report.targets where t.needsAttention {
            guard let r = report.metric(t.metric) else { continue }
            let scope = t.slice.map { text("（\($0.value)）", " (\($0.value))") } ?? ""
            let what: String
            switch t.status {
            case .missed: what = text("未达目标", "missed its target")
            case .behind: what = text("进度落后于目标", "is behind the pace of its target")
            default: what = t.open ? text("进度接近目标", "is near the pace of its target") : text("接近目标", "is near its target")
            }
            let line: String
            let shown = comparison(r, t)
            if shown.byNow {
                // Pace compares with what the months so far call for, so that is the figure shown beside the actual.
                let pace = format.format(t.pace, .ratio)
                let whole = t.dueByNow == t.target ? shown.against : value(r, t.target)
                line = text("\(name(t.metric))\(scope) \(t.period) \(what)：\(shown.actual)，按时间进度应达 \(shown.against)（全期目标 \(whole)，进度 \(pace)）",
                            "\(name(t.metric))\(scope) \(t.period) \(what): \(shown.actual) against \(shown.against) due by now (\(whole) for the period; pace \(pace))")
            } else {
                let figures = "\(shown.actual) / \(shown.against)"
                line = text("\(name(t.metric))\(scope) \(t.period) \(what)：\(figures)（\(format.format(t.attainment, .ratio))）",
                            "\(name(t.metric))\(scope) \(t.period) \(what): \(figures) (\(format.format(t.attainment, .ratio)))")
            }
            items.append(ExceptionItem(severity: t.status == .near ? .low : .medium, text: line))
        }
        for id in report.unknownTargetMetrics {
            items.append(ExceptionItem(severity: .low, text: text("目标表中的指标 \(id) 不在口径中，已忽略", "targets name an unknown metric \(id); ignored")))
        }
        let order: [ExceptionItem.Severity: Int] = [.high: 0, .medium: 1, .low: 2]
        items = items.enumerated().sorted { (order[$0.element.severity]!, $0.offset) < (order[$1.element.severity]!, $1.offset) }.map(\.element)
        // Findings come first: every number below may be missing the rows they left out.
        let quality = report.quality
        if quality.totalFindings > 0 {
            let leftOut = quality.rowsLeftOut.values.reduce(0, +)
            let n = format.exact(quality.totalFindings), rows = format.exact(leftOut)
            let shown = options.sections.contains("quality")
            items.insert(ExceptionItem(severity: leftOut > 0 ? .high : .medium,
                                       text: text("数据质量：" + (quality.isAudienceShare ? "本报告的行中有 \(n) 个问题" : "读取时发现 \(n) 个问题") + (leftOut > 0 ? "，\(rows) 行因必填值缺失或无法读取而未计入任何指标" : "") + (shown ? "；详见数据质量一节" : ""),
                                                  "Data quality: " + (quality.isAudienceShare ? "this pack's rows have \(n) problem\(quality.totalFindings == 1 ? "" : "s")" : "\(n) problem\(quality.totalFindings == 1 ? "" : "s") found while reading")
                                                      + (leftOut > 0 ? "; \(rows) row\(leftOut == 1 ? " is" : "s are") left out of every metric for an empty or unreadable required value" : "")
                                                      + (shown ? "; see the data-quality section" : ""))), at: 0)
        }
        // With no alert rule and no target there was nothing to check: say so, not that all is well.
        let unchecked = report.config.alerts.isEmpty && (report.quality.rowsRead["targets"] ?? 0) == 0
        let empty = unchecked ? text("没有设置警戒线（pack.yaml 的 alerts）或目标（目标表），本节没有可对照的内容。",
                                     "No alert rules (alerts in pack.yaml) or targets (the targets table) are set, so there is nothing to check against.")
                              : text.none
        return PackSection(id: "exceptions", title: text.exceptions, blocks: items.isEmpty ? [.note(empty)] : [.exceptions(items)])
    }
}
