import Testing
@testable import Charts

/// Axes stay honest with little data: whole numbers for counts, shares within 0–100 %,
/// one unit and one number of decimals per axis, and no axis at all without data.
@Suite struct AxisTests {
    let zh = NumberFormat(language: .zh, currency: "CNY")
    let en = NumberFormat(language: .en, currency: "EUR")

    @Test func countsTickAtWholeNumbers() throws {
        for values in [[0.0, 1], [1, 1, 0], [2], [0, 3], [0]] {
            let axis = try #require(ValueAxis(values: values, kind: .count, format: en, includeZero: true))
            #expect(axis.ticks.allSatisfy { $0.value == $0.value.rounded() }, "\(values): \(axis.ticks.map(\.value))")
            #expect(axis.ticks.count >= 2)
        }
        // Data up to 1 gets the axis 0–1, not 0–2.
        #expect(ValueAxis(values: [1, 0, 1], kind: .count, format: en, includeZero: true)?.ticks.map(\.label) == ["0", "1"])
    }

    @Test func aRateThatBarelyMovesDrawsFlat() throws {
        // 92.40–92.48 %: the axis spans at least five points around them, not the 0.08 between them.
        let axis = try #require(ValueAxis(values: [0.9240, 0.9248, 0.9244], kind: .ratio, format: en, includeZero: false))
        #expect(axis.scale.upper - axis.scale.lower >= 0.05 - 1e-9)
        // Centred on their middle, 92.44 %: at least 89.94 % to 94.94 %.
        #expect(axis.scale.lower <= 0.8994 + 1e-9 && axis.scale.upper >= 0.9494 - 1e-9)
        #expect(axis.ticks.allSatisfy { !$0.label.contains(".") || $0.label.split(separator: ".")[1].count <= 2 })
        // Near the top the band stays under 100 %.
        let high = try #require(ValueAxis(values: [0.995, 0.998], kind: .ratio, format: en, includeZero: false))
        #expect(high.scale.upper <= 1 + 1e-9 && high.scale.upper - high.scale.lower >= 0.05 - 1e-9)
    }

    @Test func ratiosStayWithinZeroAndOneHundredPercentUnlessTheDataLeaves() throws {
        for values in [[0.0], [1.0], [0.5], [0.98, 1.0], [0.0, 0.02]] {
            let axis = try #require(ValueAxis(values: values, kind: .ratio, format: en, includeZero: false))
            #expect(axis.scale.lower >= 0 && axis.scale.upper <= 1, "\(values): \(axis.scale)")
        }
        let beyond = try #require(ValueAxis(values: [-0.2, 1.3], kind: .ratio, format: en, includeZero: false))
        #expect(beyond.scale.lower <= -0.2 && beyond.scale.upper >= 1.3)
    }

    @Test func moneyTicksShareOneUnitAndOneNumberOfDecimals() throws {
        let small = try #require(ValueAxis(values: [0.2, 0.9], kind: .money, format: en, includeZero: true))
        #expect(small.ticks.map(\.label) == ["€0", "€0.2", "€0.4", "€0.6", "€0.8", "€1.0"])
        let wan = try #require(ValueAxis(values: [0, 14_000], kind: .money, format: zh, includeZero: true))
        #expect(wan.ticks.map(\.label) == ["¥0", "¥0.5万", "¥1.0万", "¥1.5万"])
        let millions = try #require(ValueAxis(values: [1_221_000, 2_972_000], kind: .money, format: en, includeZero: true))
        #expect(millions.ticks.map(\.label) == ["€0", "€1M", "€2M", "€3M"])
        let labels = Set(millions.ticks.map(\.label))
        #expect(labels.count == millions.ticks.count, "no two ticks read the same")
    }

    @Test func noDataMeansNoAxis() {
        #expect(ValueAxis(values: [], kind: .money, format: en, includeZero: true) == nil)
        let chart = TrendChart(title: "Revenue", monthLabels: ["Sep", "Oct"], series: [.init(name: "Revenue", values: [nil, nil])],
                               kind: .money, format: en, zeroBased: true)
        let placer = TextPlacer(measuringWith: RecordingCanvas())
        #expect(chart.layout(width: 372, height: 172, placer: placer).axis == nil)
        let texts = chart.build(width: 372, height: 172, placer: placer).texts.map(\.string)
        #expect(texts.contains("No data"))
        #expect(!texts.contains { $0.hasPrefix("€") }, "no tick labels on an empty axis: \(texts)")
        let empty = chart.build(width: 372, height: 172, placer: placer)
        #expect(empty.texts.allSatisfy { $0.bounds.x >= 0 && $0.bounds.maxX <= 372 }, "month labels stay inside without an axis beside them")
        let bars = BarChart(title: "t", categories: ["a"], series: [.init(name: "s", values: [nil])], layout: .grouped, kind: .money, format: zh)
        #expect(bars.build(width: 300, height: 200, placer: placer).texts.map(\.string).contains("无数据"))
    }

    @Test func hugeGrowthReadsAsAMultiple() {
        #expect(zh.change(352_352.154, points: false, kind: .money) == "×35.2万")
        #expect(en.change(12, points: false, kind: .count) == "×13.0")
        #expect(en.change(0.123, points: false, kind: .count) == "+12.3%")
    }

    @Test func sparklinesDescribeThemselvesInThePacksLanguage() {
        let spark = Sparkline(title: "收入", values: [1_221_000, nil, 2_972_000], kind: .money, format: zh).build(width: 84, height: 26)
        #expect(spark.summary == "收入：近 3 个月介于 ¥122万 与 ¥297万 之间，最新 ¥297万")
        let empty = Sparkline(title: "Revenue", values: [nil], kind: .money, format: en).build(width: 84, height: 26)
        #expect(empty.summary == "Revenue: no data in the last 1 months")
    }
}
