import Foundation
import Testing
@testable import Charts

/// The build step of the bullet, donut, funnel and heat map charts, checked against
/// positions worked out by hand. The recording canvas measures a Latin character as
/// 0.55 of the type size and a line as 1.25 of it, so every width below can be redone on paper.
@Suite struct ChartGeometryTests {
    let placer = TextPlacer(measuringWith: RecordingCanvas())
    let en = NumberFormat(language: .en)

    func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-6) -> Bool { abs(a - b) < tolerance }

    @Test func bulletRowsSitOnAShared150PercentAxis() throws {
        let chart = BulletChart(title: "Targets", rows: [.init(label: "Revenue", detail: "90 / 100", attainment: 0.9, status: .near),
                                                          .init(label: "New", detail: "200 / 100", attainment: 2.0, status: .met)], format: en)
        let g = chart.layout(width: 600, height: BulletChart.height(rows: 2), placer: placer)
        // Label column: "Revenue" 7 × 0.55 × 9.5 + 10; detail: "200 / 100" 9 × 0.55 × 8.5 + 12;
        // status: "▲ near" 6 × 0.55 × 9.5 + 10. The axis gets the rest of 600.
        #expect(!g.stacked)
        #expect(close(g.labelWidth, 46.575) && close(g.detailWidth, 54.075) && close(g.statusWidth, 41.35))
        #expect(close(g.area.x, 46.575) && close(g.area.width, 458))
        // 82 high less the axis's labels (8.5 × 1.25 + 8): two rows of 31.6875.
        #expect(close(g.area.height, 63.375))
        #expect(g.rowBreaks.count == 1 && close(g.rowBreaks[0], 31.6875))
        func x(_ a: Double) -> Double { 46.575 + a / 1.5 * 458 }
        #expect(zip(g.ticks.map(\.x), [0, 0.5, 1, 1.5].map(x)).allSatisfy { close($0, $1) })

        let first = g.rows[0]
        #expect(close(first.middle, 15.84375))
        #expect(close(first.bands[0].x, x(0)) && close(first.bands[0].maxX, x(0.9)), "missed runs to the near threshold")
        #expect(close(first.bands[1].maxX, x(1)) && close(first.bands[2].maxX, x(1.5)))
        #expect(close(first.bands[0].height, 18), "bands are at most 18 high")
        let bar = try #require(first.bar)
        #expect(close(bar.maxX, x(0.9)) && close(bar.height, 9) && close(bar.y, 15.84375 - 4.5))
        #expect(close(first.targetX, x(1)) && !first.overflows)

        let second = g.rows[1]
        let cut = try #require(second.bar)
        #expect(close(cut.maxX, x(1.5)), "200 % is cut at the axis's end")
        #expect(second.overflows)
    }

    @Test func onAPhoneABulletRowPutsItsLabelAboveTheBar() {
        let chart = BulletChart(title: "t", rows: [.init(label: "Revenue", detail: "90 / 100", attainment: 0.9, status: .near),
                                                    .init(label: "Churn", detail: "—", attainment: nil, status: nil)], format: en)
        let height = BulletChart.height(rows: 2, width: 360)
        let g = chart.layout(width: 360, height: height, placer: placer)
        #expect(g.stacked)
        // The detail column: "90 / 100" 8 × 0.55 × 8.5 + 12.
        #expect(close(g.area.x, 0) && close(g.area.width, 360 - 49.4), "the bar starts at the left edge; the detail keeps its column")
        let rowHeight = g.area.height / 2
        #expect(close(g.rows[0].textMiddle, 9.5 * 0.75) && close(g.rows[0].middle, rowHeight - 10), "label line above, bar below")
        #expect(close(g.rows[1].textMiddle, rowHeight + 9.5 * 0.75))
        #expect(g.rows[1].bar == nil, "an unknown attainment has no bar")
    }

    @Test func donutWedgesAreSharesOfTheWholeClockwiseFromTwelve() {
        let chart = DonutChart(title: "Channels", slices: [.init(name: "Ads", value: 30), .init(name: "Events", value: 10),
                                                           .init(name: "None", value: 0), .init(name: "Search", value: 60)],
                               otherLabel: "Other", centerLabel: "customers", kind: .count, format: en)
        let g = chart.layout(width: 500, height: 200, placer: placer)
        // Largest first, the empty slice left out; radius min(200 / 2 − 4, 500 × 0.22).
        #expect(chart.shown.map(\.name) == ["Search", "Ads", "Events"])
        #expect(!g.stacked && close(g.radius, 96) && close(g.center.x, 100) && close(g.center.y, 100) && close(g.inner, 96 * 0.58))
        #expect(g.wedges.count == 3)
        #expect(close(g.wedges[0].start, -Double.pi / 2) && close(g.wedges[0].sweep, 1.2 * Double.pi))
        #expect(close(g.wedges[1].start, 0.7 * Double.pi) && close(g.wedges[1].sweep, 0.6 * Double.pi))
        #expect(close(g.wedges[2].start + g.wedges[2].sweep, 1.5 * Double.pi), "the ring closes at twelve")
        // Legend beside the ring, 18 a row, centred on the ring: 100 − 1.5 × 18 + 9.
        #expect(g.legend.map(\.y).enumerated().allSatisfy { close($1, 82 + 18 * Double($0)) })
        #expect(g.legend.allSatisfy { close($0.swatch.x, 214) && close($0.nameX, 230) })
    }

    @Test func onAPhoneTheDonutsLegendGoesUnderTheRing() {
        let slices = (1...10).map { DonutChart.Slice(name: "S\($0)", value: Double(11 - $0)) }
        let chart = DonutChart(title: "t", slices: slices, otherLabel: "Other", centerLabel: "", kind: .count, format: en)
        let g = chart.layout(width: 300, height: DonutChart.height(slices: chart.shown.count, width: 300), placer: placer)
        #expect(g.stacked && close(g.radius, 76) && close(g.center.x, 150) && close(g.center.y, 80))
        // Eight named slices and "Other" for the two smallest (2 + 1 of 55).
        #expect(chart.shown.count == 9 && chart.shown.last?.name == "Other" && chart.shown.last?.value == 3)
        #expect(close(g.wedges[8].sweep, 3.0 / 55 * 2 * Double.pi))
        let row = 9.5 * 1.5 + 4
        #expect(close(g.legend[0].y, 2 * 76 + 14 + row / 2) && close(g.legend[1].y - g.legend[0].y, row))
        #expect(g.legend.allSatisfy { $0.swatch.x == 0 })
    }

    @Test func aFunnelScalesItsLeadStagesAndBreaksTheVisitsBar() {
        let chart = FunnelChart(title: "Funnel", stages: [.init(label: "Visits", count: 10_000, conversion: nil, cost: nil),
                                                          .init(label: "Leads", count: 300, conversion: 0.03, cost: nil),
                                                          .init(label: "Qualified", count: 120, conversion: 0.4, cost: nil),
                                                          .init(label: "Won", count: 30, conversion: 0.25, cost: nil)],
                                format: en, costHeading: "Cost")
        let g = chart.layout(width: 400, height: 230, placer: placer)
        // "Qualified" 9 × 0.55 × 9.5 + 10 wide; no cost column; four rows of 57.5, bars 0.62 of a row.
        #expect(close(g.labelWidth, 57.025) && g.costWidth == 0 && g.header == 0)
        #expect(g.broken, "10,000 visits dwarf 300 leads")
        let full = 400 - 57.025
        #expect(close(g.bars[0].width, full), "visits drawn full width, with a break")
        #expect(close(g.bars[1].width, full * 0.8), "behind the break, the most leads take four-fifths of the width")
        #expect(close(g.bars[2].width, full * 0.8 * 0.4) && close(g.bars[3].width, full * 0.8 * 0.1))
        #expect(g.bars.allSatisfy { close($0.x + $0.width / 2, g.centerX) && close($0.height, 57.5 * 0.62) })
        #expect(close(g.bars[3].y, 3 * 57.5))
        #expect(g.conversionY.count == 3 && close(g.conversionY[0], 57.5 - (57.5 - 35.65) / 2))
    }

    @Test func aFunnelWithCostsKeepsAColumnForThem() {
        let chart = FunnelChart(title: "t", stages: [.init(label: "Leads", count: 100, conversion: nil, cost: 20),
                                                     .init(label: "Won", count: 50, conversion: 0.5, cost: 40)],
                                format: en, costHeading: "Cost per stage")
        let g = chart.layout(width: 400, height: 230, placer: placer)
        // "Cost per stage" 14 × 0.55 × 8.5 + 8; the heading row 8.5 × 1.25 + 2, at least 16.
        #expect(close(g.costWidth, 65.45 + 8) && close(g.header, 16))
        #expect(!g.broken && close(g.bars[1].width, g.bars[0].width / 2))
        #expect(close(g.bars[0].y, 16))
    }

    @Test func heatMapCellsShadeFromTheLowestToTheHighestValue() throws {
        let chart = HeatMapChart(title: "Retention", rowLabels: ["Jan", "Feb"], columnLabels: ["M0", "M1", "M2"],
                                 values: [[1, 0.5, 0.25], [1, nil]], kind: .ratio, format: en)
        let g = chart.layout(width: 300, height: 64, placer: placer)
        // "Jan" 3 × 0.55 × 8.5 + 10; three columns share the rest; two rows share 64 less the 20 header.
        #expect(close(g.labelWidth, 24.025))
        let cellWidth = (300 - 24.025) / 3
        #expect(zip(g.columnCenters, [0.5, 1.5, 2.5]).allSatisfy { close($0, 24.025 + $1 * cellWidth) })
        #expect(close(g.rowMiddles[0], 31) && close(g.rowMiddles[1], 53) && close(g.rowBreaks[0], 42))
        let corner = try #require(g.cells[0][0])
        #expect(close(corner.rect.x, 25.025) && close(corner.rect.y, 21) && close(corner.rect.width, cellWidth - 2) && close(corner.rect.height, 20))
        let (lowest, middle) = (try #require(g.cells[0][2]), try #require(g.cells[0][1]))
        #expect(close(corner.shade, 1) && close(lowest.shade, 0) && close(middle.shade, 1.0 / 3))
        #expect(g.cells[1][1] == nil && g.cells[1][2] == nil, "a missing value and the end of the triangle stay blank")
    }
}
