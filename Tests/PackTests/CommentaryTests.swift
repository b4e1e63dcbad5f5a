import Foundation
import Testing
@testable import Pack

/// The analyst's notes: Markdown read with Ink into blocks, nothing raw reaching a page.
@Suite struct CommentaryTests {
    @Test func markdownBecomesHeadingsParagraphsListsAndLinks() {
        let c = CommentaryReader.read(markdown: """
            # 十月要点

            收入 **下降** 16.5%，见[说明](https://example.com/a?b=1&c=2)。

            - 第一
            - 第二

            1. 回访
            2. 提速
            """)
        #expect(c.blocks.count == 4)
        #expect(c.blocks[0] == .heading(level: 1, [Commentary.Span(text: "十月要点")]))
        guard case .paragraph(let spans) = c.blocks[1] else { Issue.record("not a paragraph: \(c.blocks[1])"); return }
        #expect(spans.contains { $0.bold && $0.text == "下降" })
        #expect(spans.contains { $0.link == "https://example.com/a?b=1&c=2" && $0.text == "说明" })
        guard case .list(false, let items) = c.blocks[2] else { Issue.record("not a list: \(c.blocks[2])"); return }
        #expect(items.map(\.depth) == [0, 0])
        #expect(items.map { Commentary.plain($0.spans) } == ["第一", "第二"])
        guard case .list(true, let numbered) = c.blocks[3] else { Issue.record("not an ordered list"); return }
        #expect(numbered.count == 2)
        let html = CommentaryHTML.site.render(c)
        #expect(html.contains("<h3>十月要点</h3>"))
        #expect(html.contains("<a href=\"https://example.com/a?b=1&amp;c=2\">说明</a>"))
        #expect(html.contains("<ul><li>第一</li><li>第二</li></ul>"))
        // Deeper items nest inside the item before them (Ink itself reads every item after a nested one as nested).
        let nested = Commentary(blocks: [.list(ordered: false, items: [.init(depth: 0, spans: [.init(text: "a")]), .init(depth: 1, spans: [.init(text: "b")]),
                                                                          .init(depth: 0, spans: [.init(text: "c")])])])
        #expect(CommentaryHTML.site.render(nested).contains("<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>"))
        #expect(CommentaryText.render(nested) == "- a\n  - b\n- c")
        #expect(CommentaryText.render(c).contains("说明 <https://example.com/a?b=1&c=2>"))
    }

    @Test func rawHTMLScriptsAndUnsafeLinksNeverPassThrough() {
        let c = CommentaryReader.read(markdown: """
            <script>alert(1)</script>

            [click](javascript:alert(1)) [quote](https://x.example/" onclick="alert(1)) ![pixel](https://tracker.example/p.gif)

            Hello <img src=x onerror=alert(1)> and <b>bold</b>.
            """)
        let html = CommentaryHTML.site.render(c)
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(!html.contains("href=\"javascript"))
        #expect(!html.contains("tracker.example"))
        #expect(html.contains("click") && html.contains("quote") && html.contains("pixel"))
        // Only the tags the renderer writes itself, and no attribute but its own hrefs.
        let tags = Set(html.components(separatedBy: "<").dropFirst().map { String($0.prefix { $0.isLetter || $0.isNumber || $0 == "/" }) })
        #expect(tags.isSubset(of: ["p", "/p", "br", "a", "/a", "strong", "/strong", "em", "/em", "code", "/code"]), "\(tags)")
        #expect(!html.contains("<a href=\"https://x.example"))
    }

    @Test func commentaryOpensTheDocumentAndThePDFHasItsText() throws {
        let c = CommentaryReader.read(markdown: "# Notes\n\nRevenue fell; see [the plan](https://example.com/plan).\n\n- one\n- two\n")
        let doc = PackDocument(language: .en, company: "Co", title: "Review", month: "2026-10", monthLabel: "Oct 2026", headline: "h",
                               sections: [PackSection(id: "commentary", title: "Analyst's commentary", blocks: [.commentary(c)]),
                                          PackSection(id: "s", title: "S", blocks: [.note("n")])], colophon: "c")
        #expect(doc.commentary == c)
        let pdf = PackPDF.render(doc, date: nil)
        let path = NSTemporaryDirectory() + "reviewpack-commentary-\(UUID().uuidString).pdf"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Data(pdf).write(to: URL(fileURLWithPath: path))
        // The link is a real annotation with its address.
        #expect(String(decoding: pdf, as: UTF8.self).contains("https://example.com/plan"))
        guard let text = tool("pdftotext", [path, "-"]) else { return }
        #expect(text.contains("Revenue fell; see the plan."))
        #expect(text.contains("• one") || text.contains("•one") || text.contains("one"))
    }

    func tool(_ name: String, _ arguments: [String]) -> String? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/\(name)") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(name)")
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try? process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
