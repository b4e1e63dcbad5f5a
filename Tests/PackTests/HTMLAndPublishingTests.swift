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

    @Test func svgTitleIsEscaped() {
        let svg = ChartRenderer.svg(Scene(width: 10, height: 10, title: "<&\"'>", summary: "a < b"))
        #expect(svg.contains("<title>&lt;&amp;&quot;&#39;&gt;</title>"))
        #expect(svg.contains("<desc>a &lt; b</desc>"))
    }

    @Test func emailHeadersAreEncodedAndCannotBeInjected() throws {
        let eml = try EmailMessage.render(document(note: "n", cell: "c"), pdf: [1, 2, 3], templates: TemplateSet(folder: Self.templates),
                                          addressing: .init(from: "ceo@example.com\nBcc: x@evil", to: ["a@example.com"]))
        #expect(eml.contains("From: ceo@example.comBcc: x@evil\r\n"))
        #expect(!eml.contains("\nBcc:"))
        // The subject has a non-ASCII "·": it travels as an RFC 2047 encoded word.
        let encoded = Data("A & B <Co> · Review · Oct 2026".utf8).base64EncodedString()
        #expect(eml.contains("Subject: =?UTF-8?B?\(encoded)?=\r\n"))
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
