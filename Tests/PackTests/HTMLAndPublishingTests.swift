import Charts
import Foundation
import Testing
@testable import Pack

@Suite struct HTMLAndPublishingTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates").path

    func document(note: String, cell: String) -> PackDocument {
        PackDocument(language: .en, company: "A & B <Co>", title: "Review", month: "2026-10", monthLabel: "Oct 2026",
                     headline: "h", sections: [PackSection(id: "s", title: "S", blocks: [
                         .note(note), .table(DataTable(id: "t", header: ["x"], rows: [[cell]])),
                     ])], colophon: "c")
    }

    @Test func textFromDataIsEscaped() throws {
        let html = try PageHTML.render(document(note: "<script>alert(1)</script>", cell: "\"quoted\" & <b>"), templates: TemplateSet(folder: Self.templates)).html
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("A &amp; B &lt;Co&gt;"))
        #expect(!html.contains("<b>"))
    }

    @Test func customerNamesStayOffAPublicSite() throws {
        var table = DataTable(id: "customers", header: ["Customer", "ID", "Revenue"], rows: [["青松电子", "C000001", "¥1,000"]], numericColumns: [2])
        table.personalColumns = [0]
        var doc = document(note: "n", cell: "c")
        doc.sections[0].blocks = [.table(table)]
        let templates = try TemplateSet(folder: Self.templates)
        let publicPage = try PageHTML.render(doc, templates: templates).html
        #expect(!publicPage.contains("青松电子"))
        #expect(publicPage.contains("C000001"))
        #expect(publicPage.contains("<td class=\"num\">¥1,000</td>"))
        #expect(try PageHTML.render(doc, templates: templates, personalData: true).html.contains("青松电子"))
    }

    @Test func svgTitleIsEscaped() {
        let svg = ChartRenderer.svg(Scene(width: 10, height: 10, title: "<&\"'>", summary: "a < b"))
        #expect(svg.contains("<title>&lt;&amp;&quot;&#39;&gt;</title>"))
        #expect(svg.contains("<desc>a &lt; b</desc>"))
    }

    @Test func failedPublishLeavesThePreviousFolder() throws {
        let root = NSTemporaryDirectory() + "reviewpack-publish-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let publisher = SitePublisher(root: root)
        try publisher.publish(folder: "2026-10", files: [("index.html", Array("old".utf8)), ("metrics.json", Array("{}".utf8))])
        // "index.html/x" cannot be created: index.html is a file in the staging folder.
        #expect(throws: (any Error).self) {
            try publisher.publish(folder: "2026-10", files: [("index.html", Array("new".utf8)), ("index.html/x", [1])])
        }
        #expect(FileManager.default.contents(atPath: "\(root)/2026-10/index.html") == Data("old".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: root) == ["2026-10"])
        #expect(publisher.publishedMonths() == ["2026-10"])
    }

    @Test func missingTemplateIsAClearError() {
        #expect(throws: PackError.self) { try TemplateSet(folder: "/nonexistent") }
    }
}
