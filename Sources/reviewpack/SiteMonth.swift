import Foundation
import Metrics
import Pack

/// One audience's month page, drawn and ready to publish: the page, its charts and tables,
/// and metrics.json (the PDF joins them when it is drawn).
struct SiteMonth {
    /// The audience's site root (`OUT` or `OUT/<audience>`) and whether it is a folder of its own.
    let root: String
    let inFolder: Bool
    let month: String
    let files: [(String, [UInt8])]

    /// `published`: the months the audience's site holds when this one is published.
    init(_ document: PackDocument, report: Report, root: String, inFolder: Bool, published: [String], templates: TemplateSet, personalData: Bool) throws {
        self.root = root
        self.inFolder = inFolder
        month = report.month.description
        let links = MonthLinks(of: month, among: published)
        let (html, pageFiles) = try PageHTML.render(document, templates: templates, links: links, personalData: personalData)
        let json = MetricsJSON.document(report, personalData: personalData).serialized()
        files = [("index.html", Array(html.utf8)), ("metrics.json", Array(json.utf8))] + pageFiles
    }
}
