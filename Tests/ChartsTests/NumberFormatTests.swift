import Testing
@testable import Charts

@Suite struct NumberFormatTests {
    let zh = NumberFormat(language: .zh, currency: "CNY")
    let en = NumberFormat(language: .en, currency: "USD")

    @Test(arguments: [
        // Past 10,000, three significant digits, trailing zeros kept so a column shows one precision.
        (0.0, "0", "0"), (9999, "9,999", "9,999"), (10000, "1.00万", "10.0K"), (12345, "1.23万", "12.3K"),
        (123_456, "12.3万", "123K"), (999_950, "100万", "1.00M"), (1_020_000, "102万", "1.02M"), (99_995_000, "1.00亿", "100M"),
        (1e8, "1.00亿", "100M"), (102_000_000, "1.02亿", "102M"), (2.5e9, "25.0亿", "2.50B"), (-12345, "−1.23万", "−12.3K"), (-7, "−7", "−7"),
        (2.5, "2.5", "2.5"),
    ])
    func counts(_ value: Double, _ chinese: String, _ english: String) {
        #expect(zh.format(value, .count) == chinese)
        #expect(en.format(value, .count) == english)
    }

    @Test func money() {
        #expect(zh.format(2_457_000, .money) == "¥246万")
        #expect(en.format(2_457_000, .money) == "$2.46M")
        #expect(zh.format(5636.4, .money) == "¥5,636")
        #expect(zh.format(12.5, .money) == "¥12.50")
        #expect(en.format(-3.25, .money) == "−$3.25")
        #expect(NumberFormat(language: .en, currency: "EUR").format(10, .money) == "€10")
    }

    @Test func ratiosAndPoints() {
        #expect(zh.format(0.061, .ratio) == "6.1%")
        #expect(zh.format(0, .ratio) == "0.0%")
        #expect(zh.format(0.00017, .ratio) == "0.02%")
        #expect(zh.format(1, .ratio) == "100.0%")
        #expect(zh.change(0.019, points: true) == "+1.9个百分点")
        #expect(en.change(-0.005, points: true) == "−0.5 pts")
        #expect(en.change(0.1234, points: false) == "+12.3%")
        #expect(en.change(0, points: false) == "±0.0%")
        // A change that rounds to nothing has no sign; one that rounds to a tenth keeps it.
        #expect(zh.change(-0.0004, points: true) == "±0.0个百分点")
        #expect(en.change(-0.00004, points: false) == "±0.0%")
        #expect(en.change(-0.0006, points: false) == "−0.1%")
        #expect(en.change(0.04, points: true, kind: .score) == "±0.0 pts")
        #expect(zh.change(3.5, points: true, kind: .score) == "+3.5分", "a score moves by points of its scale, not percentage points")
    }

    @Test func missingIsADash() {
        #expect(zh.format(nil, .count) == "—")
        #expect(en.format(.nan, .ratio) == "—")
        #expect(en.change(nil, points: true) == "—")
    }

    @Test func datesByLanguage() {
        #expect(zh.month(year: 2026, month: 10) == "2026年10月")
        #expect(en.month(year: 2026, month: 10) == "Oct 2026")
        #expect(zh.shortMonth(year: 2026, month: 1, withYear: true) == "26年1月")
        #expect(en.shortMonth(year: 2026, month: 3, withYear: false) == "Mar")
    }

    @Test func durations() {
        #expect(zh.format(3.25, .days) == "3.3天")
        #expect(en.format(12, .hours) == "12.0 h")
        // An axis of durations says what its ticks count.
        #expect(zh.axisLabels([0, 10, 20], .hours, step: 10) == ["0小时", "10小时", "20小时"])
        #expect(en.axisLabels([0, 0.5, 1], .months, step: 0.5) == ["0.0 mo", "0.5 mo", "1.0 mo"])
    }
}

@Suite struct NiceScaleTests {
    @Test(arguments: [
        ([0.0, 87], true, 0.0, 100.0, 20.0),
        ([0.041, 0.092], false, 0.04, 0.1, 0.02),
        ([1_221_000, 2_972_000], true, 0, 3_000_000, 1_000_000),
        ([-30, 45], true, -40, 60, 20),
        ([5, 5], true, 0, 6, 2),
        ([], true, 0, 1, 0.2),
        ([0.00012, 0.00031], false, 0.0001, 0.0004, 0.0001),
    ] as [([Double], Bool, Double, Double, Double)])
    func ticks(_ values: [Double], _ zero: Bool, _ lower: Double, _ upper: Double, _ step: Double) {
        let s = NiceScale(values: values, includeZero: zero)
        #expect(abs(s.lower - lower) < 1e-12)
        #expect(abs(s.upper - upper) < 1e-9 * max(1, abs(upper)))
        #expect(abs(s.step - step) < 1e-12 * max(1, step))
        #expect(s.ticks.first == s.lower)
        #expect(s.ticks.count >= 3 && s.ticks.count <= 11)
    }

    @Test func stepsAreOneTwoFive() {
        for raw in stride(from: 0.0013, through: 9.1e6, by: 733.7) {
            let step = NiceScale.niceStep(raw)
            var m = step
            while m >= 10 { m /= 10 }
            while m < 1 { m *= 10 }
            #expect([1, 2, 5, 10].contains { abs($0 - m) < 1e-6 }, "\(raw) → \(step)")
            #expect(step >= raw * (1 - 1e-9))
        }
    }
}

@Suite struct PresentationTests {
    @Test func multiplesAndLargeFractionalCounts() {
        let zh = NumberFormat(language: .zh)
        #expect(zh.format(14.999, .multiple) == "15.0×")
        #expect(zh.format(207.18, .multiple) == "207×")
        #expect(zh.format(1456.86, .count) == "1,457")
        #expect(zh.format(12.5, .count) == "12.5")
        #expect(zh.change(0.52, points: true, kind: .multiple) == "+0.5×")
    }
}
