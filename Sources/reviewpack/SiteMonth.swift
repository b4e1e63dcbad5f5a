import Foundation
import Metrics
import Pack

/// One audience's month page, drawn and ready to publish: the page, its charts and tables,
/// and metrics.json (the PDF joins them when they are published).
struct SiteMonth {
    /// The audience's site root (`OUT` or `OUT/<audience>`).
    let root: String
    let month: String
    let files: [(String, [UInt8])]

    /// `published`: the months the audience's site holds when this one is published.
    init(_ document: PackDocument, report: Report, root: String, published: [String], templates: TemplateSet, personalData: Bool) throws {
        self.root = root
        month = report.month.description
        let links = MonthLinks(of: month, among: published)
        let (html, pageFiles) = try PageHTML.render(document, templates: templates, links: links, personalData: personalData)
        let json = MetricsJSON.document(report, personalData: personalData).serialized()
        files = [("index.html", Array(html.utf8)), ("metrics.json", Array(json.utf8))] + pageFiles
    }
}
