import Charts
import Metrics

/// Turns a computed report into the pack's document: which numbers, charts and tables
/// each section shows. It reads results; it never computes a metric.
public struct PackBuilder {
    public let report: Report
    public let options: PackOptions
    let text: PackText
    let format: NumberFormat
    /// The months a trend or sparkline shows: the report's thirteen, less those before the
    /// data begins (no customer had signed up yet), so a young company's chart is not
    /// four-fifths empty. Worked out once; every chart of the pack shares it.
    let trendMonths: Range<Int>

    /// Chart sizes on a page and a desktop screen (the site scales them up to its column; a
    /// phone gets its own rendering).
    static let half = (width: 372.0, height: 172.0)
    static let wide = (width: 770.0, height: 250.0)

    public init(report: Report, options: PackOptions) {
        self.report = report
        self.options = options
        text = PackText(zh: options.language.isChinese)
        format = NumberFormat(language: options.language, currency: options.currency)
        trendMonths = Self.monthsWithData(report)
    }

    public func document() -> PackDocument {
        var sections: [PackSection] = []
        if let commentary = options.commentary, !commentary.blocks.isEmpty {
            sections.append(PackSection(id: "commentary", title: text("分析师点评", "Analyst's commentary"), blocks: [.commentary(commentary)]))
        }
        // The model parameters belong in the appendix beside the dictionary, not before leadership.
        let parameters = options.sections.contains("prediction") ? modelParameters() : nil
        for id in options.sections {
            switch id {
            case "summary": sections.append(summary())
            case "exceptions": sections.append(exceptions())
            case "growth": sections.append(growth())
            case "funnel": sections.append(funnel())
            case "retention": sections.append(retention())
            case "value": sections.append(value())
            case "prediction": sections.append(prediction())
            case "sales": sections.append(sales())
            case "service": sections.append(service())
            case "targets": sections.append(targets())
            case "quality": sections.append(quality())
            case "dictionary": sections.append(dictionary(parameters: parameters))
            default: continue
            }
        }
        let m = report.month
        return PackDocument(language: options.language, company: options.company, title: text.reportTitle, month: m.description,
                            monthLabel: format.month(year: m.year, month: m.month), audience: options.audience, headline: headline(),
                            sections: sections.map(Self.widenLoneHalves),
                            colophon: colophon())
    }

    /// Half-width charts sit two to a row; one left over at the end of a run is drawn at the
    /// full width instead, so no page or screen leaves half a row empty beside it.
    static func widenLoneHalves(_ section: PackSection) -> PackSection {
        var section = section
        var run: [Int] = []
        func close() {
            if run.count % 2 == 1, let last = run.last, case .chart(var chart) = section.blocks[last] {
                chart.wide = true
                chart.width = wide.width
                section.blocks[last] = .chart(chart)
            }
            run = []
        }
        for (i, block) in section.blocks.enumerated() {
            if case .chart(let chart) = block, !chart.wide { run.append(i) } else { close() }
        }
        close()
        return section
    }

    // MARK: Shared helpers

    func name(_ id: String) -> String { report.catalog[id]?.name(chinese: options.language.isChinese) ?? id }

    func kind(of r: MetricResult) -> ValueKind { r.definition.unit.valueKind }

    func value(_ r: MetricResult, _ v: Double?) -> String { format.format(v, kind(of: r)) }

    /// What a target's actual is compared with, both as printed: the target, or for a
    /// period still running what its months so far call for (`dueByNow`).
    func comparison(_ r: MetricResult, _ t: TargetOutcome) -> (actual: String, against: String, byNow: Bool) {
        if t.open, let due = t.dueByNow {
            let (actual, against) = pair(r, t.actual, due)
            return (actual, against, true)
        }
        let (actual, against) = pair(r, t.actual, t.target)
        return (actual, against, false)
    }

    /// An actual and its target as the reader compares them: a ratio gets a second decimal
    /// when both would print alike though they differ, so "6.1% / 6.1%" is not marked near
    /// (values closer than 0.005 points still print alike).
    func pair(_ r: MetricResult, _ a: Double?, _ b: Double?) -> (String, String) {
        let (x, y) = (value(r, a), value(r, b))
        guard x == y, let a, let b, a != b, kind(of: r) == .ratio else { return (x, y) }
        return (format.fixed(a * 100, 2) + "%", format.fixed(b * 100, 2) + "%")
    }

    func change(_ r: MetricResult, _ c: Double?) -> String {
        format.change(c, points: r.definition.unit.changesInPoints, kind: kind(of: r))
    }

    /// Good when the change goes the way the metric's direction prefers.
    func tone(_ r: MetricResult, _ c: Double?) -> KPITile.Tone {
        guard let c, c != 0, r.definition.direction != .none else { return .neutral }
        return (c > 0) == (r.definition.direction == .up) ? .good : .bad
    }

    /// From the first month with a live or new customer to the report month.
    static func monthsWithData(_ report: Report) -> Range<Int> {
        let live = report.metric("live_customers")?.series ?? []
        let new = report.metric("new_customers")?.series ?? []
        func positive(_ series: [Double?], _ i: Int) -> Bool { i < series.count && (series[i] ?? 0) > 0 }
        let first = report.months.indices.first { positive(live, $0) || positive(new, $0) }
        return (first ?? 0)..<report.months.count
    }

    /// Short month labels for `months`, the year on the first and on every January.
    func monthLabels(_ months: Range<Int>) -> [String] {
        months.map { i in
            let m = report.months[i]
            return format.shortMonth(year: m.year, month: m.month, withYear: i == months.lowerBound || m.month == 1)
        }
    }

    func headline() -> String {
        let parts = ["new_customers", "revenue", "churn_rate"].compactMap { id -> String? in
            guard let r = report.metric(id) else { return nil }
            return text("\(name(id)) \(value(r, r.value))（\(text.vsLastMonth) \(change(r, r.mom))）",
                        "\(name(id)) \(value(r, r.value)) (\(text.vsLastMonth) \(change(r, r.mom)))")
        }
        return options.language.isChinese ? parts.joined(separator: "，") + "。" : parts.joined(separator: "; ") + "."
    }

    func colophon() -> String {
        let d = report.config.definitions
        return text("口径：时区 \(report.zone)，仅计已付款订单，连续 \(d.churnAfterDays) 天无事件视为流失；数据截至 \(format.month(year: report.month.year, month: report.month.month))末。",
                    "Definitions: time zone \(report.zone); paid orders only; a customer with no event for \(d.churnAfterDays) days has churned; data through the end of \(format.month(year: report.month.year, month: report.month.month)).")
    }
}
