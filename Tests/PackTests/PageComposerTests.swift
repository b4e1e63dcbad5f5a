import Charts
import Testing
@testable import Pack

@Suite struct PageComposerTests {
    let composer = PageComposer()

    func texts(_ page: PDFPage) -> [String] {
        page.marks.compactMap { if case .text(let t) = $0 { return t.string } else { return nil } }
    }

    @Test func tableRowsAreNeverLostOrDoubledAndHeadersRepeat() {
        let rows = (0..<230).map { ["row-\($0)", "\($0 * 7)", $0 % 9 == 0 ? "a long note that wraps across\nseveral lines of the cell" : "short"] }
        let spec = TableSpec(header: ["Name", "Value", "Note"], rows: rows, numericColumns: [1], maxLines: 3)
        let pages = composer.compose(cover: nil, flow: [.heading("Table", level: 1, outline: true), .table(spec)])
        #expect(pages.count > 3)
        var seen: [String: Int] = [:]
        for page in pages {
            let t = texts(page)
            #expect(t.filter { $0 == "Name" }.count == 1, "every page of the table starts with its header")
            for s in t where s.hasPrefix("row-") { seen[s, default: 0] += 1 }
        }
        #expect(seen.count == rows.count)
        #expect(seen.values.allSatisfy { $0 == 1 })
        // The last row never stands alone on a page.
        #expect(texts(pages.last!).filter { $0.hasPrefix("row-") }.count >= 2)
    }

    @Test func commentaryKeepsItsMarkupLinksAndTags() {
        let commentary = Commentary(blocks: [
            .heading(level: 1, [Commentary.Span(text: "October")]),
            .paragraph([Commentary.Span(text: "Revenue "), Commentary.Span(text: "fell", bold: true), Commentary.Span(text: " < plan; see "),
                        Commentary.Span(text: "the ads", link: "https://example.com/ads")]),
            .list(ordered: false, items: [Commentary.ListItem(depth: 0, spans: [Commentary.Span(text: "churn")])]),
        ])
        let composer = PageComposer(placer: TextPlacer(measuringWith: RecordingCanvas()))
        let pages = composer.compose(cover: nil, flow: [.heading("Commentary", level: 1, outline: true)] + CommentaryPDF(theme: .standard).flow(commentary))
        #expect(pages.count == 1)
        let marks = pages[0].marks.compactMap { if case .text(let t) = $0 { return t } else { return nil } }
        let paragraph = marks.first { $0.string.contains("fell") }
        #expect(paragraph?.markup == true)
        #expect(paragraph?.string == "Revenue <b>fell</b> &lt; plan; see <span foreground=\"#0B63B6\" underline=\"single\">the ads</span>")
        let offset = "Revenue fell < plan; see ".utf8.count
        #expect(paragraph?.links == [TextLink(start: offset, end: offset + "the ads".utf8.count, uri: "https://example.com/ads")])
        let canvas = RecordingCanvas()
        pages[0].paint(on: canvas)
        #expect(canvas.links.map(\.uri) == ["https://example.com/ads"])
        let tags = canvas.calls.compactMap { if case .begin(let tag) = $0 { return tag } else { return nil } }
        #expect(tags.contains(.heading(level: 3)) && tags.contains(.list) && tags.contains(.listItem))
    }

    @Test func rowsStayInsideTheContentArea() {
        let g = PageGeometry()
        let spec = TableSpec(header: ["A"], rows: (0..<120).map { ["r\($0)"] })
        for page in composer.compose(cover: nil, flow: [.table(spec)]) {
            for case .text(let t) in page.marks {
                #expect(t.bounds.y >= g.contentTop - 1 && t.bounds.maxY <= g.contentBottom + 1, "\(t.string) at \(t.bounds)")
            }
        }
    }

    func block(_ height: Double) -> Figure {
        Figure(Scene(width: 100, height: height, title: "", summary: "", marks: [.rect(Rect(x: 0, y: 0, width: 100, height: height), fill: Color(hex: 0))]),
               tag: .figure(alt: "a block"))
    }

    @Test func figuresMoveWholeToTheNextPage() {
        let pages = composer.compose(cover: nil, flow: [.figures([block(300)]), .figures([block(300)])])
        #expect(pages.count == 2)
        for page in pages {
            guard case .rect(let r, _, _, _) = page.marks[0] else { Issue.record("no figure"); continue }
            #expect(r.maxY <= PageGeometry().contentBottom + 0.01)
            #expect(abs(r.height - 300) < 0.01, "a figure that fits on a page of its own keeps its size")
        }
    }

    @Test func aFigureTallerThanAPageIsScaledToIt() {
        let g = PageGeometry()
        let pages = composer.compose(cover: nil, flow: [.figures([block(2000)])])
        #expect(pages.count == 1)
        guard case .rect(let r, _, _, _) = pages[0].marks[0] else { Issue.record("no figure"); return }
        #expect(r.y >= g.contentTop - 0.01 && r.maxY <= g.contentBottom + 0.01)
    }

    @Test func aFigureWithRowsSplitsBetweenThemKeepingEveryRow() {
        // 72 target rows: far taller than a page, split between rows, none lost.
        let rows = (0..<72).map { BulletChart.Row(label: "target \($0)", detail: "\($0) / 10", attainment: Double($0) / 50, status: .met) }
        let chart = BulletChart(title: "Targets", rows: rows, format: NumberFormat(language: .en))
        let scene = chart.build(width: 770, height: BulletChart.height(rows: 72), placer: TextPlacer(measuringWith: RecordingCanvas()))
        let pages = composer.compose(cover: nil, flow: [.figures([Figure(scene, tag: .figure(alt: "targets"), outline: "Targets")])])
        #expect(pages.count >= 4)
        let labels = pages.flatMap(texts).filter { $0.hasPrefix("target ") }
        #expect(labels == rows.map(\.label))
        let g = PageGeometry()
        for page in pages {
            for case .text(let t) in page.marks {
                #expect(t.bounds.y >= g.contentTop - 1 && t.bounds.maxY <= g.contentBottom + 1, "\(t.string) at \(t.bounds)")
            }
        }
        #expect(pages.flatMap(\.outline).map(\.title) == ["Targets"])
    }

    @Test func aFigureThatMissesByALittleIsDrawnSmallerInsteadOfLeavingAGap() {
        let g = PageGeometry()
        let frame = g.contentBottom - g.contentTop
        let pages = composer.compose(cover: nil, flow: [.figures([block(frame * 0.5)]), .figures([block(frame * 0.55)])])
        #expect(pages.count == 1)
    }

    @Test func aFigureThatMustWaitLetsTheTablesAfterItFillThePage() {
        let g = PageGeometry()
        let frame = g.contentBottom - g.contentTop
        let table = TableSpec(caption: "After", header: ["A"], rows: (0..<8).map { ["r\($0)"] })
        let pages = composer.compose(cover: nil, flow: [.figures([block(frame * 0.4)]), .figures([block(frame * 0.9)]), .table(table)])
        #expect(pages.count == 2)
        #expect(texts(pages[0]).contains("After"), "the table goes before the figure that waits for the next page")
    }

    @Test func headingsAndFiguresMakeANestedOutlineAndPagesAreNumbered() {
        let table = TableSpec(caption: "A table", header: ["A"], rows: [["1"]])
        let pages = composer.compose(cover: nil, flow: [.heading("One", level: 1, outline: true), .figures([Figure(block(100).scene, tag: .figure(alt: "x"), outline: "A chart")]),
                                                        .table(table), .heading("Two", level: 1, outline: true)])
        #expect(pages.flatMap(\.outline).map { "\($0.level) \($0.title)" } == ["1 One", "2 A chart", "2 A table", "1 Two"])
        let decorated = composer.decorate(pages + pages, header: "Company · Report · Month", footer: "F", hasCover: false)
        #expect(texts(decorated[1]).contains("F  ·  2 / 2"), "the footer ends with the page number, one line")
        #expect(texts(decorated[1]).contains("Company · Report · Month"))
    }

    @Test func structureTagsAreBalancedOnEveryPageAndFollowTheReadingOrder() {
        let rows = (0..<90).map { ["row-\($0)"] }
        let pages = composer.compose(cover: nil, flow: [.heading("One", level: 1, outline: true), .paragraph("A note.", TextStyle(size: 10, color: Color(hex: 0))),
                                                        .table(TableSpec(caption: "Rows", header: ["A"], rows: rows)), .figures([block(100)])])
        #expect(pages.count > 1)
        for page in pages {
            let canvas = RecordingCanvas()
            page.paint(on: canvas)
            var depth: [StructureTag] = []
            for call in canvas.calls {
                if case .begin(let tag) = call { depth.append(tag) }
                if case .end(let tag) = call { #expect(depth.popLast() == tag) }
                if case .text = call { #expect(!depth.isEmpty, "every text is inside a structure element") }
            }
            #expect(depth.isEmpty, "no element stays open past the page")
        }
        let first = RecordingCanvas()
        pages[0].paint(on: first)
        let opened = first.calls.compactMap { if case .begin(let tag) = $0 { return tag.name } else { return nil } }
        #expect(Array(opened.prefix(4)) == ["H2", "P", "Table", "Caption"])
        let last = RecordingCanvas()
        pages.last!.paint(on: last)
        #expect(last.calls.contains(.begin(.figure(alt: "a block"))))
        #expect(last.calls.filter { $0 == .begin(.headerCell) }.count == 1, "the table's header repeats on the page it continues on")
    }
}
