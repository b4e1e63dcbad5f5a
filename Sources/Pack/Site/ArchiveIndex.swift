import Charts
import Foundation
import Metrics

/// The site's front page: every month built so far, newest first, with its headline
/// numbers and their change on the month before, read back from each month's
/// metrics.json (so old months need no rebuild).
public enum ArchiveIndex {
    static let columns = ["new_customers", "live_customers", "churn_rate", "revenue"]

    /// `headlines` keeps what it read for the next page of the same build (``ArchiveHeadlines``).
    public static func render(publisher: SitePublisher, company: String, language: Language, currency: String,
                              templates: TemplateSet, headlines: ArchiveHeadlines = ArchiveHeadlines()) throws -> String {
        let zh = language.isChinese
        let format = NumberFormat(language: language, currency: currency)
        let catalog = MetricCatalog.standard
        let months: [[String: Any]] = publisher.publishedMonths().map { month in
            let values = headlines.of(month: month, in: publisher.root)
            let cells = columns.map { id -> [String: Any] in
                // The heading again, for a phone, where each month is a card of labelled figures.
                let heading = catalog[id]?.name(chinese: zh) ?? id
                guard let m = values[id], let unit = m.unit.flatMap(MetricDefinition.Unit.init) else {
                    return ["value": NumberFormat.missing, "heading": heading]
                }
                let change = format.change(m.mom, points: unit.changesInPoints, kind: unit.valueKind)
                return ["value": format.format(m.value, unit.valueKind), "change": (zh ? "较上月 " : "") + change + (zh ? "" : " vs last month"),
                        "heading": heading]
            }
            let parsed = Month(month)
            return ["month": month, "label": parsed.map { format.month(year: $0.year, month: $0.month) } ?? month, "values": cells]
        }
        let context: [String: Any] = [
            "lang": zh ? "zh-CN" : "en", "company": company, "title": zh ? "客户增长月度报告 · 历史月份" : "Customer growth reviews",
            "monthHeading": zh ? "月份" : "Month", "columns": columns.map { catalog[$0]?.name(chinese: zh) ?? $0 }, "months": months,
            "intro": zh ? "每月一份报告：点月份看网页版，或下载 PDF。" : "One pack a month: open a month for its page, or download its PDF.",
        ]
        return try templates.render(context, "archive")
    }
}
