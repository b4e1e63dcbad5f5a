import Charts
import Metrics

/// The months a page links to: the archive, and the nearest earlier and later months
/// published in the same site (never a month that is not there, so every link resolves).
public struct MonthLinks: Sendable, Equatable {
    public var previous: String?
    public var next: String?

    public init(previous: String? = nil, next: String? = nil) { (self.previous, self.next) = (previous, next) }

    /// The neighbours of `month` among `published` (`YYYY-MM`, any order).
    public init(of month: String, among published: [String]) {
        previous = published.filter { $0 < month }.max()
        next = published.filter { $0 > month }.min()
    }

    /// The navigation's template context for a page of `language`.
    func context(language: Language) -> [String: Any] {
        let zh = language.isChinese
        let format = NumberFormat(language: language)
        func entry(_ month: String?) -> [String: Any]? {
            guard let month else { return nil }
            let label = Month(month).map { format.month(year: $0.year, month: $0.month) } ?? month
            return ["month": month, "label": label]
        }
        var context: [String: Any] = ["archiveLabel": zh ? "全部月份" : "All months", "monthsLabel": zh ? "月份导航" : "Months"]
        if let p = entry(previous) { context["previous"] = p }
        if let n = entry(next) { context["next"] = n }
        return context
    }
}
