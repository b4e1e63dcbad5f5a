import Charts
import Foundation

extension MonthLinks {
    /// After `month` is published, points its neighbours' previous and next links at it:
    /// each neighbour whose navigation changes is republished whole, with only the
    /// navigation of its page replaced, so an older month gains its link to the new one.
    public static func relinkNeighbours(of month: String, publisher: SitePublisher, templates: TemplateSet, language: Language) throws {
        let published = publisher.publishedMonths()
        let here = MonthLinks(of: month, among: published)
        for neighbour in [here.previous, here.next].compactMap({ $0 }) {
            let folder = (publisher.root as NSString).appendingPathComponent(neighbour)
            let page = (folder as NSString).appendingPathComponent("index.html")
            guard let html = try? String(contentsOfFile: page, encoding: .utf8) else { continue }
            let navigation = try templates.render(MonthLinks(of: neighbour, among: published).context(language: language), "months")
                .trimmingCharacters(in: .whitespacesAndNewlines)
            let relinked = replacingNavigation(in: html, with: navigation)
            guard relinked != html else { continue }
            let others = Self.files(in: folder).filter { $0 != "index.html" }
            try publisher.publish(folder: neighbour, files: [("index.html", Array(relinked.utf8))], keeping: others)
        }
    }

    /// `html` with every `<nav class="months" …>…</nav>` replaced by `navigation`.
    static func replacingNavigation(in html: String, with navigation: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "<nav class=\"months\""), let close = rest[open.upperBound...].range(of: "</nav>") {
            out += rest[..<open.lowerBound] + navigation
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// Every file under `folder`, by path relative to it, in a stable order.
    static func files(in folder: String) -> [String] {
        let fm = FileManager.default
        guard let walker = fm.enumerator(atPath: folder) else { return [] }
        var out: [String] = []
        for case let relative as String in walker {
            var isFolder: ObjCBool = false
            let path = (folder as NSString).appendingPathComponent(relative)
            guard fm.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else { continue }
            out.append(relative)
        }
        return out.sorted()
    }
}
