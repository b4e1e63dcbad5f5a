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

    init(_ document: PackDocument, report: Report, audience: Audience, root out: String, templates: TemplateSet, personalData: Bool) throws {
        root = audience.folder.map { (out as NSString).appendingPathComponent($0) } ?? out
        inFolder = audience.folder != nil
        month = report.month.description
        let links = MonthLinks(of: month, among: SitePublisher(root: root).publishedMonths())
        let (html, pageFiles) = try PageHTML.render(document, templates: templates, links: links, personalData: personalData)
        let json = MetricsJSON.document(report, personalData: personalData).serialized()
        files = [("index.html", Array(html.utf8)), ("metrics.json", Array(json.utf8))] + pageFiles
    }
}
