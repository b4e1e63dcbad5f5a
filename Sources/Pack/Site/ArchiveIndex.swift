import Charts
import Foundation
import Metrics

/// The site's front page: every month built so far, newest first, with its headline
/// numbers read back from each month's metrics.json (so old months need no rebuild).
public enum ArchiveIndex {
    static let columns = ["new_customers", "live_customers", "churn_rate", "revenue"]

    public static func render(publisher: SitePublisher, company: String, language: Language, currency: String,
                              templates: TemplateSet) throws -> String {
        let zh = language.isChinese
        let format = NumberFormat(language: language, currency: currency)
        let catalog = MetricCatalog.standard
        let months: [[String: Any]] = publisher.publishedMonths().map { month in
            let path = (publisher.root as NSString).appendingPathComponent("\(month)/metrics.json")
            let metrics = (try? JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))) as? [String: Any]
            let values = (metrics?["metrics"] as? [String: Any]) ?? [:]
            let cells = columns.map { id -> String in
                guard let m = values[id] as? [String: Any], let unit = m["unit"] as? String else { return NumberFormat.missing }
                return format.format(m["value"] as? Double, ValueKind(rawValue: unit) ?? .number)
            }
            let parsed = Month(month)
            return ["month": month, "label": parsed.map { format.month(year: $0.year, month: $0.month) } ?? month, "values": cells]
        }
        let context: [String: Any] = [
            "lang": zh ? "zh-CN" : "en", "company": company, "title": zh ? "客户增长月度报告 · 历史月份" : "Customer growth reviews",
            "monthHeading": zh ? "月份" : "Month", "columns": columns.map { catalog[$0]?.name(chinese: zh) ?? $0 }, "months": months,
        ]
        return try templates.render(context, "archive")
    }
}
