@testable import Charts
import Foundation
import Testing
@testable import Pack

@Suite struct PDFTests {
    @Test func kpiValuesAreSetSmallerRatherThanCutShort() {
        let placer = TextPlacer()
        let room = 73.0
        for value in ["¥2.82亿", "¥5.87万", "€12.3M", "1,261", "−13.8%", "¥12,345.67"] {
            let size = PDFAssembler.valueSize(value, room: room, placer: placer)
            let width = placer.size(value, TextStyle(size: size, bold: true, color: Color(hex: 0))).width
            #expect(width <= room + 0.01 || size == PDFAssembler.smallestTileValue, "\(value) at \(size) pt is \(width) wide")
        }
        #expect(PDFAssembler.valueSize("85", room: room, placer: placer) == PDFAssembler.tileValueSize)
    }

    @Test func kpiStripsNeverEllipsiseAValueAndKeepEachKPIOnOneLine() {
        let document = PackDocument(language: .zh, company: "c", title: "t", month: "2026-10", monthLabel: "2026年10月", headline: "", sections: [], colophon: "")
        let assembler = PDFAssembler(document: document, geometry: PageGeometry(), theme: .standard, placer: TextPlacer())
        let spark = Sparkline(title: "收入", values: [1, 2], kind: .money, format: NumberFormat(language: .zh)).build(width: 84, height: 26)
        let tile = KPITile(id: "revenue", label: "收入", value: "¥2.82亿", change: "+1.0%", changeTone: .good, changeCaption: "较上月",
                           target: nil, status: nil, statusTone: .neutral, sparkline: spark)
        let figure = assembler.scorecard([tile, tile, tile, tile])
        let values = figure.scene.texts.filter { $0.string == "¥2.82亿" }
        #expect(values.count == 4)
        #expect(values.allSatisfy { $0.maxWidth == nil }, "a value is never given a width to be cut at")
        // One strip per KPI: its texts share a middle line, and a KPI without a target says so.
        let texts = figure.scene.texts
        #expect(texts.filter { $0.string == "未设目标" }.count == 4)
        for strip in 0..<4 {
            let middles = texts.filter { $0.bounds.y < Double(strip + 1) * 29 && $0.bounds.maxY > Double(strip) * 29 }.map { $0.bounds.y + $0.bounds.height / 2 }
            #expect(middles.count == 4 && middles.allSatisfy { abs($0 - middles[0]) < 0.01 }, "strip \(strip): \(middles)")
        }
        if case .figure(let alt) = figure.tag { #expect(alt.contains("收入，¥2.82亿")) } else { Issue.record("tiles are a figure") }
    }

    @Test func theIncrementalUpdateAddsAlternativeTextsAndLanguage() throws {
        let page = { (alt: String) -> PDFPage in
            var p = PDFPage()
            p.add([.rect(Rect(x: 40, y: 60, width: 100, height: 50), fill: Color(hex: 0x0072B2))], tagged: .figure(alt: alt))
            p.add([TextPlacer().mark("A note", at: Point(40, 140), style: TextStyle(size: 10, color: Color(hex: 0)))], tagged: .paragraph)
            return p
        }
        let pdf = PDFExporter.pdf([page("收入在涨"), page("Churn fell")], geometry: PageGeometry(),
                                  metadata: .init(title: "t", author: "a", subject: "s", date: nil, language: "zh-CN"))
        let text = String(decoding: pdf, as: UTF8.self)
        #expect(text.contains("/Alt \(PDFStructureUpdate.textString("收入在涨"))"))
        #expect(text.contains("/Alt \(PDFStructureUpdate.textString("Churn fell"))"))
        #expect(text.contains("/Lang \(PDFStructureUpdate.textString("zh-CN"))"))
        #expect(text.contains("/MarkInfo << /Marked true >>"))
        #expect(text.components(separatedBy: "startxref").count == 3, "cairo's cross-reference section and the update's")
        #expect(text.hasSuffix("%%EOF\n"))
        guard let info = PopplerTool.run("pdfinfo", pdf) else { return }
        #expect(info.contains("Tagged:          yes"))
        #expect(info.contains("Pages:           2"))
    }

    /// A page painted with the layouts its text was measured with (each label shaped once)
    /// is the page painted with fresh ones, byte for byte, text and labels drawn as shapes
    /// (a chart's) alike. Each label is measured aligned as it is drawn, kept once and used
    /// again to paint it, a right-aligned one within its width too; a label measured one way
    /// and drawn another is laid out anew.
    @Test func pagesPaintedWithTheirMeasuredLayoutsAreTheSame() {
        func page(_ placer: TextPlacer) -> PDFPage {
            let style = TextStyle(size: 10, color: Color(hex: 0))
            var p = PDFPage()
            p.add([placer.mark("收入 ¥2.82亿", at: Point(40, 60), style: style),
                   placer.mark("收入 ¥2.82亿", at: Point(40, 80), style: style),
                   placer.mark("Churn fell to 1.9 %", at: Point(40, 100), .end, style: style, maxWidth: 200)], tagged: .paragraph)
            p.add([placer.mark("新增客户 85", at: Point(40, 140), style: style).asShapes], tagged: .figure(alt: "a chart"))
            return p
        }
        let metadata = PDFExporter.Metadata(title: "t", author: "a", subject: "s", date: nil, language: "zh-CN")
        let layouts = TextLayouts()
        let placer = TextPlacer(keeping: layouts)
        var shared = page(placer)
        #expect(layouts.count == 3)
        // Measured left-aligned within its width, drawn centred: another layout.
        let style = TextStyle(size: 10, color: Color(hex: 0))
        let size = placer.size("Centred", style, maxWidth: 120)
        shared.add([.text(TextMark("Centred", at: Point(100, 200), horizontal: .middle, style: style, maxWidth: 120,
                                   bounds: Rect(x: 40, y: 190, width: size.width, height: size.height)))], tagged: .paragraph)
        #expect(layouts.count == 4)
        let painted = PDFExporter.pdf([shared], geometry: PageGeometry(), metadata: metadata, layouts: layouts)
        #expect(layouts.reuses == 4, "both uses of the first label, the right-aligned one and the shapes label painted with their measured layouts")
        #expect(layouts.count == 5, "the label drawn otherwise than measured is laid out again")
        var fresh = page(TextPlacer())
        fresh.add([.text(TextMark("Centred", at: Point(100, 200), horizontal: .middle, style: style, maxWidth: 120,
                                  bounds: Rect(x: 40, y: 190, width: size.width, height: size.height)))], tagged: .paragraph)
        #expect(painted == PDFExporter.pdf([fresh], geometry: PageGeometry(), metadata: metadata))
    }

    /// Bold Chinese in Noto Sans CJK, which cairo 1.16 embeds with every local subroutine
    /// (``CFFSubroutines``): slimmed, the PDF is far smaller and draws the same pages.
    @Test func fontSubsetsAreSlimmedAndThePagesDrawTheSame() throws {
        let placer = TextPlacer()
        let heading = "客户增长月度报告本月概览需要关注增长趋势获客漏斗留存与流失客户价值预测与流失风险销售效率满意度与服务目标达成数据质量指标口径"
        var page = PDFPage()
        let figures = "¥294万 +14.8% 1,238 85 4.2% ¥6,542 32.4% 375 2026年10月 ABCDEFGHIJKLMNOPQRSTUVWXYZ abcdefghijklmnopqrstuvwxyz 0123456789"
        for (line, (text, bold)) in [(heading, true), (heading, false), (figures, true), (figures, false)].enumerated() {
            page.add([placer.mark(text, at: Point(40, 80 + Double(line) * 40), style: TextStyle(size: 12, bold: bold, color: Color(hex: 0)))], tagged: .paragraph)
        }
        let painted = PDFExporter.painted([page], geometry: PageGeometry(), metadata: .init(title: "t", author: "a", subject: "s", date: nil, language: "zh-CN")).pdf
        let slim = PDFFontStreams.slimmed(painted)
        #expect(slim.count < painted.count / 2, "\(painted.count) → \(slim.count) bytes")
        #expect(PDFFontStreams.slimmed(slim) == slim, "a second pass finds nothing")
        #expect(String(decoding: slim, as: UTF8.self).hasSuffix("%%EOF\n"))
        guard let before = PopplerTool.pages(painted), let after = PopplerTool.pages(slim) else { return }
        #expect(before.count == 1 && after == before, "the page draws the same")
        let fonts = try #require(PopplerTool.run("pdffonts", slim))
        #expect(fonts.contains("NotoSansCJKsc-Bold") && fonts.contains("NotoSansCJKsc-Regular"))
        let text = try #require(PopplerTool.run("pdftotext", slim, ["-"]))
        #expect(text.contains(String(heading.prefix(30))))
    }

    /// A chart's labels are drawn as shapes (no text for extractors); each glyph's outline is
    /// written once per colour as a form that every use names, and the page draws as the
    /// full outlines do.
    @Test func labelsDrawnAsShapesShareOneFormPerGlyphAndColour() throws {
        let placer = TextPlacer()
        let black = Color(hex: 0x1F2933), red = Color(hex: 0xD55E00)
        let labels: [(String, Bool, Color)] = [("12121", false, black), ("收入收入", true, black), ("21", false, red)]
        func page(markup: Bool) -> [UInt8] {
            var page = PDFPage()
            var marks: [Mark] = []
            for row in 0..<10 {
                for (k, (string, bold, color)) in labels.enumerated() {
                    var text = placer.text(string, at: Point(40 + Double(k) * 120, 60 + Double(row) * 30), style: TextStyle(size: 9 + Double(row), bold: bold, color: color))
                    // Markup takes the path of a whole outline per label: the reference drawing.
                    text.markup = markup
                    marks.append(Mark.text(text).asShapes)
                }
            }
            page.add(marks, tagged: .figure(alt: "labels"))
            return PDFExporter.pdf([page], geometry: PageGeometry(), metadata: .init(title: "t", author: "a", subject: "s", date: nil, language: "en"))
        }
        let forms = page(markup: false), outlines = page(markup: true)
        let text = String(decoding: forms, as: UTF8.self)
        // Glyphs 1 and 2 in black and in red, 收 and 入 in bold black: six forms for the 109 glyphs
        // after the page's first, which is drawn as its outline (cairo 1.16 fails a page whose
        // first operation in a structure element paints a form).
        #expect(text.components(separatedBy: "/Subtype /Form").count - 1 == 6)
        #expect(!String(decoding: outlines, as: UTF8.self).contains("/Subtype /Form"))
        #expect(forms.count * 2 < outlines.count, "\(outlines.count) → \(forms.count) bytes")
        guard let drawn = PopplerTool.grayPage(forms, dpi: 150), let reference = PopplerTool.grayPage(outlines, dpi: 150) else { return }
        #expect(drawn.width == reference.width && drawn.height == reference.height)
        let ink = { (p: PopplerTool.GrayPage) in p.pixels.reduce(0) { $0 + 255 - Int($1) } }
        let apart = zip(drawn.pixels, reference.pixels).filter { abs(Int($0) - Int($1)) > 64 }.count
        #expect(ink(reference) > 200_000, "the labels are drawn")
        #expect(abs(ink(drawn) - ink(reference)) * 100 < ink(reference), "the same ink to 1 %")
        #expect(apart * 1000 < drawn.pixels.count, "\(apart) pixels differ by more than a quarter of the scale")
        let extracted = try #require(PopplerTool.run("pdftotext", forms, ["-"]))
        #expect(!extracted.contains("收入") && !extracted.contains("121"), "shapes, not text")
    }

    /// Figures that begin with a label, two to a page on two pages, are all drawn (cairo 1.16
    /// writes no page whose first operation in a structure element paints a form); a label
    /// with a character no font has is drawn by pango, its box of hex digits included.
    @Test func figuresBeginningWithALabelAndUnknownCharactersAreDrawn() throws {
        let placer = TextPlacer()
        let black = Color(hex: 0x1F2933)
        func label(_ string: String, _ y: Double, markup: Bool = false) -> Mark {
            var text = placer.text(string, at: Point(40, y), style: TextStyle(size: 12, color: black))
            text.markup = markup
            return Mark.text(text).asShapes
        }
        var pages: [PDFPage] = []
        for p in 0..<2 {
            var page = PDFPage()
            page.add([label("收入 \(p)", 60), .rect(Rect(x: 40, y: 80, width: 50, height: 10), fill: black)], tagged: .figure(alt: "a"))
            page.add([label("2026 \(p)", 120)], tagged: .figure(alt: "b"))
            pages.append(page)
        }
        let metadata = PDFExporter.Metadata(title: "t", author: "a", subject: "s", date: nil, language: "en")
        let pdf = PDFExporter.pdf(pages, geometry: PageGeometry(), metadata: metadata)
        if let info = PopplerTool.run("pdfinfo", pdf) { #expect(info.contains("Pages:           2")) }
        if let drawn = PopplerTool.pages(pdf) { #expect(drawn.count == 2) }
        // U+E000 is in no font here: pango draws it as a box, the same as the whole outline.
        func page(_ mark: Mark) -> [UInt8] {
            var page = PDFPage()
            page.add([mark], tagged: .figure(alt: "c"))
            return PDFExporter.pdf([page], geometry: PageGeometry(), metadata: metadata)
        }
        guard let shapes = PopplerTool.grayPage(page(label("a\u{E000}b", 60)), dpi: 150),
              let outline = PopplerTool.grayPage(page(label("a\u{E000}b", 60, markup: true)), dpi: 150) else { return }
        let ink = { (p: PopplerTool.GrayPage) in p.pixels.reduce(0) { $0 + 255 - Int($1) } }
        #expect(ink(outline) > 0 && ink(shapes) == ink(outline), "\(ink(shapes)) against \(ink(outline))")
    }
}
