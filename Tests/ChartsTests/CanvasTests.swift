import Testing
@testable import Charts

/// Charts built and painted through the recording canvas: no cairo, no fonts.
@Suite struct CanvasTests {
    let placer = TextPlacer(measuringWith: RecordingCanvas())

    @Test func aTrendIsBuiltIntoGeometryThenPainted() throws {
        let chart = TrendChart(title: "New", monthLabels: (1...13).map { "M\($0)" }, series: [.init(name: "New", values: (1...13).map { Double($0 * 10) })],
                               target: (1...13).map { _ in 70 }, targetLabel: "Target", kind: .count, format: NumberFormat(language: .en), zeroBased: true)
        let g = chart.layout(width: 372, height: 172, placer: placer)
        let axis = try #require(g.axis)
        #expect(axis.scale.lower == 0 && axis.scale.upper >= 130)
        #expect(g.series[0].count == 13 && g.series[0].allSatisfy { $0 != nil })
        // Points run left to right, higher values higher up, inside the plot.
        let points = g.series[0].compactMap { $0 }
        #expect(zip(points, points.dropFirst()).allSatisfy { $0.x < $1.x && $0.y > $1.y })
        #expect(points.allSatisfy { $0.x >= g.plot.x - 0.01 && $0.x <= g.plot.maxX + 0.01 && $0.y >= g.plot.y - 0.01 && $0.y <= g.plot.maxY + 0.01 })
        #expect(g.target.allSatisfy { abs(($0?.y ?? 0) - g.y(70)) < 1e-9 })
        #expect(g.months.last?.shown == true)

        let canvas = RecordingCanvas()
        ScenePainter.paint(chart.build(width: 372, height: 172, placer: placer), on: canvas)
        #expect(canvas.texts.contains("130"), "the latest value is labelled")
        #expect(canvas.texts.contains("Target"), "the target is in the legend")
        let dashed = canvas.calls.filter { if case .stroke(_, let s) = $0 { return !s.dash.isEmpty } else { return false } }
        #expect(dashed.count >= 2, "legend swatch and target line are dashed")
    }

    @Test func aMissingMonthBreaksTheLine() {
        let chart = TrendChart(title: "t", monthLabels: ["a", "b", "c"], series: [.init(name: "s", values: [10, nil, 30])],
                               kind: .count, format: NumberFormat(language: .en), zeroBased: true)
        let g = chart.layout(width: 300, height: 150, placer: placer)
        #expect(g.series[0][1] == nil)
        #expect(TrendChart.runs(g.series[0]).map(\.count) == [1, 1])
    }

    @Test func barsAreResolvedBeforeTheyArePainted() throws {
        let chart = BarChart(title: "t", categories: ["a", "b"], series: [.init(name: "x", values: [2, 4]), .init(name: "y", values: [1, nil])],
                             layout: .grouped, kind: .count, format: NumberFormat(language: .en))
        let g = chart.layout(width: 300, height: 200, placer: placer)
        let a = try #require(g.bars[0][0]), b = try #require(g.bars[1][0])
        #expect(abs(b.height - 2 * a.height) < 1e-6, "bars are proportional to their values")
        #expect(g.bars[1][1] == nil)
        #expect(g.axis?.ticks.allSatisfy { $0.value == $0.value.rounded() } == true)
    }

    @Test func aBridgeAddsUpInItsGeometry() {
        let chart = WaterfallChart(title: "t", steps: [.init(label: "Start", value: 100, kind: .total), .init(label: "Churned", value: 30, kind: .decrease),
                                                       .init(label: "New", value: 50, kind: .increase), .init(label: "End", value: 120, kind: .total)],
                                   format: NumberFormat(language: .en))
        let g = chart.layout(width: 400, height: 230)
        func y(_ v: Double) -> Double { g.scale.map(v, from: g.plot.maxY, to: g.plot.y) }
        #expect(abs(g.bars[1].y - y(100)) < 1e-9 && abs(g.bars[1].maxY - y(70)) < 1e-9, "churn runs down from the start")
        #expect(abs(g.bars[2].y - y(120)) < 1e-9 && abs(g.bars[2].maxY - y(70)) < 1e-9, "new runs up to the end")
        #expect(abs(g.levels[2] - y(120)) < 1e-9 && abs(g.bars[3].y - y(120)) < 1e-9, "the connector meets the end bar")
    }

    @Test func theRecordingCanvasMeasuresWithoutFonts() {
        let canvas = RecordingCanvas()
        let style = TextStyle(size: 10, color: Color(hex: 0))
        #expect(canvas.measure("abcd", style, maxWidth: nil, maxLines: 1) == Size(width: 22, height: 12.5))
        #expect(canvas.measure("客户", style, maxWidth: nil, maxLines: 1).width == 20)
        #expect(canvas.measure("abcdefghij", style, maxWidth: 30, maxLines: 2) == Size(width: 30, height: 25))
    }

    @Test func markupAndLinksReachTheCanvas() {
        let canvas = RecordingCanvas()
        let style = TextStyle(size: 10, color: Color(hex: 0))
        #expect(canvas.measure("<b>ab</b> &amp; c", style, maxWidth: nil, maxLines: 1, markup: true) == canvas.measure("ab & c", style, maxWidth: nil, maxLines: 1))
        let placer = TextPlacer(measuringWith: canvas)
        let link = TextLink(start: 0, end: 2, uri: "https://example.com/")
        let mark = placer.mark("<b>ab</b> c", at: Point(0, 0), .start, .top, style: style, markup: true, links: [link])
        ScenePainter.paint([mark], on: canvas)
        #expect(canvas.links == [link])
        guard case .text(let t)? = canvas.calls.last else { Issue.record("no text drawn"); return }
        #expect(t.markup && t.string == "<b>ab</b> c")
        #expect(t.bounds.width == canvas.measure("ab c", style, maxWidth: nil, maxLines: 1).width)
    }

    @Test func aTallChartSaysWhereItMaySplit() {
        let rows = (0..<6).map { BulletChart.Row(label: "r\($0)", detail: "", attainment: 1, status: .met) }
        let scene = BulletChart(title: "t", rows: rows, format: NumberFormat(language: .en)).build(width: 770, height: BulletChart.height(rows: 6), placer: placer)
        #expect(scene.rowBreaks.count == 5)
        #expect(zip(scene.rowBreaks, scene.rowBreaks.dropFirst()).allSatisfy { $0 < $1 })
    }
}
