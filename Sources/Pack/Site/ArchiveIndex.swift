import Charts
import Foundation
import Metrics

/// The site's front page: every month built so far, newest first, with its headline
/// numbers and their change on the month before, read back from each month's
/// metrics.json (so old months need no rebuild).
public enum ArchiveIndex {
    static let columns = ["new_customers", "live_customers", "churn_rate", "revenue"]

    public static func render(publisher: SitePublisher, company: String, language: Language, currency: String,
                              templates: TemplateSet) throws -> String {
        let zh = language.isChinese
        let format = NumberFormat(language: language, currency: currency)
        let catalog = MetricCatalog.standard
        let months: [[String: Any]] = publisher.publishedMonths().map { month in
            let path = (publisher.root as NSString).appendingPathComponent("\(month)/metrics.json")
            let values = (try? JSONDecoder().decode(Headlines.self, from: Data(contentsOf: URL(fileURLWithPath: path))))?.values ?? [:]
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

/// The columns' metrics of one month's metrics.json, and nothing else of it: every build
/// reads every published month's file, and a backfill of n months n²/2 of them, where
/// parsing each whole (150 KB at 10 k customers) was two thirds of its publishing.
private struct Headlines: Decodable {
    struct Headline {
        var value: Double?
        var mom: Double?
        var unit: String?
    }

    var values: [String: Headline] = [:]

    private struct Key: CodingKey {
        var stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    /// A field that is missing or not of its type is not known, as in a file another version wrote.
    init(from decoder: any Decoder) throws {
        let metrics = try decoder.container(keyedBy: Key.self).nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: "metrics"))
        for id in ArchiveIndex.columns {
            guard let m = try? metrics.nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: id)) else { continue }
            values[id] = Headline(value: try? m.decode(Double.self, forKey: Key(stringValue: "value")),
                                  mom: try? m.decode(Double.self, forKey: Key(stringValue: "mom")),
                                  unit: try? m.decode(String.self, forKey: Key(stringValue: "unit")))
        }
    }
}
