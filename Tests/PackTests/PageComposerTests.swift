import Charts
import Testing
@testable import Pack

@Suite struct PageComposerTests {
    let composer = PageComposer()

    func texts(_ page: PageComposer.Page) -> [String] {
        page.marks.compactMap { if case .text(let t) = $0 { return t.string } else { return nil } }
    }

    @Test func tableRowsAreNeverLostOrDoubledAndHeadersRepeat() {
        let rows = (0..<230).map { ["row-\($0)", "\($0 * 7)", $0 % 9 == 0 ? "a long note that wraps across\nseveral lines of the cell" : "short"] }
        let spec = TableSpec(header: ["Name", "Value", "Note"], rows: rows, numericColumns: [1], maxLines: 3)
        let pages = composer.compose(cover: nil, flow: [.heading("Table", outline: true), .table(spec)])
        #expect(pages.count > 3)
        var seen: [String: Int] = [:]
        for page in pages {
            let t = texts(page)
            #expect(t.filter { $0 == "Name" }.count == 1, "every page of the table starts with its header")
            for s in t where s.hasPrefix("row-") { seen[s, default: 0] += 1 }
        }
        #expect(seen.count == rows.count)
        #expect(seen.values.allSatisfy { $0 == 1 })
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

    @Test func figuresMoveWholeToTheNextPage() {
        let tall = Scene(width: 100, height: 300, title: "", summary: "", marks: [.rect(Rect(x: 0, y: 0, width: 100, height: 300), fill: Color(hex: 0))])
        let pages = composer.compose(cover: nil, flow: [.figure(tall), .figure(tall)])
        #expect(pages.count == 2)
        for page in pages {
            guard case .rect(let r, _, _, _) = page.marks[0] else { Issue.record("no figure"); continue }
            #expect(r.maxY <= PageGeometry().contentBottom)
        }
    }

    @Test func headingsGoToTheOutlineAndPagesAreNumbered() {
        let pages = composer.compose(cover: nil, flow: [.heading("One", outline: true), .pageBreak, .heading("Two", outline: true)])
        #expect(pages.map(\.outline) == [["One"], ["Two"]])
        let decorated = composer.decorate(pages, left: "L", right: "R", footer: "F", hasCover: false)
        #expect(texts(decorated[1]).contains("2 / 2"))
    }
}
