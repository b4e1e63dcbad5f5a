import Charts
import Foundation
import Testing
@testable import Pack

@Suite struct SiteLayoutTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates").path

    func trend(_ id: String) -> PackBlock {
        let chart = TrendChart(title: id, monthLabels: ["Sep", "Oct"], series: [.init(name: id, values: [1, 2])], kind: .count,
                               format: NumberFormat(language: .en), zeroBased: true)
        return .chart(ChartBlock(id: id, chart: .trend(chart), width: 372, height: 172, data: DataTable(id: id, header: ["m", "v"], rows: [["Sep", "1"]]), wide: false))
    }

    func page(_ blocks: [PackBlock], links: MonthLinks = MonthLinks()) throws -> (html: String, files: [(String, [UInt8])]) {
        let document = PackDocument(language: .en, company: "Co", title: "Review", month: "2026-10", monthLabel: "Oct 2026", headline: "h",
                                    sections: [PackSection(id: "s", title: "S", blocks: blocks)], colophon: "c")
        return try PageHTML.render(document, templates: TemplateSet(folder: Self.templates), links: links)
    }

    @Test func halfChartsShareAGridAndTablesNeverJoinIt() throws {
        let wide = DataTable(id: "wide", caption: "Wide", header: ["a", "b"], rows: [["1", "2"]])
        let html = try page([trend("one"), trend("two"), .table(wide), trend("three")]).html
        let grids = html.components(separatedBy: "<div class=\"charts\">").dropFirst()
        #expect(grids.count == 2, "two runs of half charts")
        #expect(grids.first?.components(separatedBy: "</figure>\n</div>").first?.contains("caption-wide") == false)
        #expect(html.contains("<section id=\"s\">"))
    }

    @Test func aHalfChartLeftOverAtTheEndOfARunIsDrawnWide() throws {
        let note = PackBlock.note("between")
        let section = PackBuilder.widenLoneHalves(PackSection(id: "s", title: "S", blocks: [trend("a"), trend("b"), trend("c"), note, trend("d"), trend("e")]))
        let charts = section.blocks.compactMap { block -> ChartBlock? in if case .chart(let c) = block { c } else { nil } }
        #expect(charts.map(\.wide) == [false, false, true, false, false], "a, b pair; c is alone before the note; d, e pair")
        #expect(charts[2].width == PackBuilder.wide.width)
        let html = try page(section.blocks).html
        #expect(html.contains("<div class=\"charts wide\">"), "the left-over chart takes the whole width on the site")
    }

    @Test func everyChartHasAPhoneRenderingAndEveryTableACSV() throws {
        let (html, files) = try page([trend("one"), .table(DataTable(id: "t", header: ["x"], rows: [["=1"]]))])
        let names = Set(files.map(\.0))
        #expect(names.isSuperset(of: ["charts/one.svg", "charts/one-narrow.svg", "tables/one.csv", "tables/t.csv"]))
        #expect(names.count == files.count, "no file is written twice")
        #expect(html.contains("<source media=\"screen and (max-width: 720px)\" srcset=\"charts/one-narrow.svg\""))
        #expect(html.contains("href=\"tables/t.csv\" download"))
    }

    @Test func pagesLinkOnlyToMonthsThatExist() throws {
        #expect(MonthLinks(of: "2026-10", among: ["2026-07", "2026-09", "2026-10"]) == MonthLinks(previous: "2026-09", next: nil))
        #expect(MonthLinks(of: "2026-08", among: ["2026-07", "2026-09"]) == MonthLinks(previous: "2026-07", next: "2026-09"))
        let html = try page([], links: MonthLinks(previous: "2026-09", next: "2026-11")).html
        #expect(html.contains("<a rel=\"prev\" href=\"../2026-09/index.html\">← Sep 2026</a>"))
        #expect(html.contains("<a rel=\"next\" href=\"../2026-11/index.html\">Nov 2026 →</a>"))
        #expect(!(try page([]).html.contains("rel=\"prev\"")))
    }

    @Test func aNeighboursNavigationIsReplacedEverywhereAndNothingElse() {
        let html = "<p>a</p><nav class=\"months\" aria-label=\"M\"><a>x</a></nav><p>b</p><nav class=\"months\"><a>y</a></nav><nav class=\"toc\">t</nav>"
        #expect(MonthLinks.replacingNavigation(in: html, with: "<nav class=\"months\">N</nav>")
                == "<p>a</p><nav class=\"months\">N</nav><p>b</p><nav class=\"months\">N</nav><nav class=\"toc\">t</nav>")
    }
}
