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

    /// The front page reads each month's four headline figures from its metrics.json, also
    /// when the file is long, when a field is not what it should be, or when it is no JSON.
    @Test func archiveReadsEachMonthsHeadlines() throws {
        let root = NSTemporaryDirectory() + "reviewpack-archive-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let publisher = SitePublisher(root: root)
        let filler = (0..<2_000).map { "\"m\($0)\": {\"value\": \($0), \"unit\": \"count\"}" }.joined(separator: ", ")
        let months = [
            ("2026-08", #"{"month": "2026-08", "metrics": {"revenue": {"value": 1234567.8, "mom": 0.1, "unit": "money", "slices": [1, 2]}, "#
                + #""new_customers": {"value": 85, "mom": 0, "unit": "count"}, "churn_rate": {"value": 0.05, "mom": -0.01, "unit": "ratio"}, "#
                + filler + "}, \"at_risk\": [" + String(repeating: "{\"a\": [1, 2, 3]}, ", count: 500) + "{}]}"),
            ("2026-09", #"{"metrics": {"revenue": {"value": "abc", "unit": "money"}, "live_customers": {"value": 1261, "mom": null, "unit": "count"}}}"#),
            ("2026-10", "not json"),
        ]
        for (month, json) in months { try publisher.publish(folder: month, files: [("metrics.json", Array(json.utf8))]) }
        let html = try ArchiveIndex.render(publisher: publisher, company: "Co", language: .en, currency: "¥", templates: TemplateSet(folder: Self.templates))
        let rows = html.components(separatedBy: "<tr").dropFirst(2).map { $0 }
        #expect(rows.count == 3)
        let (october, september, august) = (rows[0], rows[1], rows[2])
        #expect(august.contains(">85<") && august.contains("¥ 1.23M") && august.contains("+10.0% vs last month") && august.contains("5.0%"))
        #expect(august.contains("−1.0 pts vs last month") && august.contains(">—<"), "\(august)")
        // A value that is no number is not known; a change that is null neither.
        #expect(september.contains(">1,261<span class=\"change\">— vs last month") && !september.contains("abc"))
        #expect(september.components(separatedBy: NumberFormat.missing).count - 1 == 5, "\(september)")
        #expect(october.components(separatedBy: NumberFormat.missing).count - 1 == 4, "\(october)")
    }

    @Test func archiveReadsEachMonthOncePerBuildUntilItIsPublishedAgain() throws {
        let root = NSTemporaryDirectory() + "reviewpack-archive-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let publisher = SitePublisher(root: root)
        func publish(_ month: String, newCustomers: Int) throws {
            let json = #"{"metrics": {"new_customers": {"value": "# + "\(newCustomers)" + #", "unit": "count"}}}"#
            try publisher.publish(folder: month, files: [("metrics.json", Array(json.utf8))])
        }
        func page(_ headlines: ArchiveHeadlines) throws -> String {
            try ArchiveIndex.render(publisher: publisher, company: "Co", language: .en, currency: "¥", templates: TemplateSet(folder: Self.templates), headlines: headlines)
        }
        try publish("2026-09", newCustomers: 85)
        let headlines = ArchiveHeadlines()
        #expect(try page(headlines).contains(">85<"))
        // Written behind the build's back: the build's pages keep what they read.
        try publish("2026-09", newCustomers: 91)
        #expect(try page(headlines).contains(">85<"))
        // Published by the build (which says so): read anew, the other month not.
        try publish("2026-10", newCustomers: 7)
        headlines.forget(month: "2026-09", in: root)
        let html = try page(headlines)
        #expect(html.contains(">91<") && html.contains(">7<") && !html.contains(">85<"))
        // A page of its own, as a single build starts, reads every file.
        #expect(try page(ArchiveHeadlines()).contains(">91<"))
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
