import Testing
@testable import Metrics

/// Only the months whose slices a report reads are sliced; the others hold totals alone.
@Suite struct SlicedMonthsTests {
    let october = Month(year: 2026, month: 10)

    func row(_ period: TargetTable.Period, slice: (String, String)? = ("channel", "官网")) -> TargetTable.Row {
        TargetTable.Row(metric: "new_customers", period: period, target: 10, slice: slice, line: 2)
    }

    @Test func theReportMonthAndWhatItsSlicedTargetsAndAlertsRead() {
        let sliced = { (alerts: [AlertRule], rows: [TargetTable.Row]) in
            MetricEngine.slicedMonths([october], alerts: alerts, targets: TargetTable(rows: rows))
        }
        #expect(sliced([], []) == [october])
        // A whole-company target or alert reads no slice; a month's sliced target, its month alone.
        #expect(sliced([AlertRule(metric: "new_customers", condition: .changeBelow(-0.1), severity: .high)],
                       [row(.year(2026), slice: nil), row(.month(october.index))]) == [october])
        // A sliced alert reads the change from the month before.
        #expect(sliced([AlertRule(metric: "new_customers", slice: Slice(dimension: "channel", value: "官网"), condition: .changeBelow(-0.1), severity: .high)], [])
                == [october - 1, october])
        // A sliced quarter or year sums its months to date; other quarters and years read nothing.
        #expect(sliced([], [row(.quarter(year: 2026, quarter: 4))]) == [october])
        #expect(sliced([], [row(.quarter(year: 2026, quarter: 3)), row(.year(2025))]) == [october])
        #expect(sliced([], [row(.year(2026))]) == Set((1...10).map { Month(year: 2026, month: $0) }))
        // A quarter's later month reads the quarter's months before it.
        let (november, december) = (october + 1, october + 2)
        #expect(MetricEngine.slicedMonths([december], alerts: [], targets: TargetTable(rows: [row(.quarter(year: 2026, quarter: 4))]))
                == [october, november, december])
        #expect(MetricEngine.slicedMonths([october, november], alerts: [], targets: TargetTable(rows: [row(.quarter(year: 2026, quarter: 4))]))
                == [october, november])
    }

    @Test func slicedTargetsAndAlertsSeeTheValuesOfEverySlicedMonth() throws {
        // On the sample: a year target and an alert on one channel's new customers give the
        // same outcome as when every month of the window is sliced.
        let facts = try FitConvergenceTests.sampleFacts()
        let targets = TargetTable(rows: [row(.year(2026)), row(.quarter(year: 2026, quarter: 4))])
        var config = MetricsConfig()
        config.alerts = [AlertRule(metric: "new_customers", slice: Slice(dimension: "channel", value: "官网"), condition: .changeAbove(-10), severity: .low)]
        func report(everyMonthSliced: Bool) -> Report {
            MetricEngine().run(facts: facts, config: config, month: october, targets: targets, quality: QualityLog(), zone: "Asia/Shanghai",
                               everyMonthSliced: everyMonthSliced)
        }
        let (needed, all) = (report(everyMonthSliced: false), report(everyMonthSliced: true))
        let year = try #require(needed.targets.first { $0.scope == .year })
        #expect(year.actual != nil && year.actual! > 0)
        #expect(needed.targets == all.targets)
        #expect(needed.alerts.count == 1 && needed.alerts == all.alerts)
        // Months before the year's start are not sliced here.
        let newCustomers = try #require(needed.metric("new_customers"))
        #expect(newCustomers.computed[0].value.slices.isEmpty && !newCustomers.computed[3].value.slices.isEmpty)
    }
}
