import Testing
@testable import Metrics

@Suite struct TargetTests {
    let report: Report

    init() throws {
        var config = MetricsConfig()
        config.alerts = [
            AlertRule(metric: "churn_rate", condition: .above(0.3), severity: .high),
            AlertRule(metric: "new_customers", condition: .changeBelow(-0.5), severity: .medium),
            AlertRule(metric: "revenue", condition: .below(1000), severity: .low),
            AlertRule(metric: "new_customers", slice: Slice(dimension: "channel", value: "转介绍"), condition: .above(0), severity: .low),
        ]
        report = try MetricsFixture.report(config: config)
    }

    func outcome(_ metric: String, _ period: String, slice: Bool = false) -> TargetOutcome? {
        report.targets.first { $0.metric == metric && $0.period == period && ($0.slice != nil) == slice }
    }

    @Test func monthTargetHigherIsBetter() throws {
        let t = try #require(outcome("revenue", "2026-03"))
        #expect(t.actual == 350)
        #expect(t.attainment == 350.0 / 400)   // 0.875 < 0.9
        #expect(t.status == .missed)
        #expect(report.metric("revenue")?.target == t)
    }

    @Test func quarterTargetComparesQuarterToDateSum() throws {
        // New customers Jan (A, B) + Feb (F) + Mar (D, E) = 5 of 10.
        let t = try #require(outcome("new_customers", "2026-Q1"))
        #expect(t.actual == 5)
        #expect(t.attainment == 0.5)
        #expect(!t.open)   // March closes Q1
        #expect(t.pace == nil)
        #expect(t.status == .missed)
        // No month target for new_customers, so the quarter's fills the metric's target.
        #expect(report.metric("new_customers")?.target?.scope == .quarter)
    }

    @Test func openYearTargetIsJudgedOnPace() throws {
        // Orders Jan 0 + Feb 0 + Mar 4 = 4; March is 3/12 of the year, so 4 × 0.25 = 1 is due.
        let t = try #require(outcome("orders", "2026"))
        #expect(t.actual == 4)
        #expect(t.open)
        #expect(t.attainment == 1)
        #expect(t.pace == 4)
        #expect(t.status == .onTrack)
    }

    @Test func lowerIsBetterAttainmentIsTargetOverActual() throws {
        let t = try #require(outcome("churn_rate", "2026-03"))
        #expect(t.attainment == 0.45 / 0.5)   // exactly 0.9 is near
        #expect(t.status == .near)
    }

    @Test func sliceTargetUsesTheSlice() throws {
        let t = try #require(outcome("new_customers", "2026-03", slice: true))
        #expect(t.slice == Slice(dimension: "channel", value: "官网"))
        #expect(t.actual == 1)
        #expect(t.status == .missed)
    }

    @Test func zeroTargetOnHigherIsBetterHasNoAttainment() throws {
        let t = try #require(outcome("win_rate", "2026-03"))
        #expect(t.attainment == nil)
        #expect(t.status == nil)
    }

    @Test func unknownTargetMetricsAreReported() {
        #expect(report.unknownTargetMetrics == ["no_such_metric"])
    }

    @Test func alertsFireOnTheReportMonth() {
        let fired = report.alerts.map { "\($0.rule.metric)\($0.rule.slice.map { "[\($0)]" } ?? "")" }
        // churn 0.5 > 0.3; revenue 350 < 1000; 转介绍 new customers 1 > 0; new_customers grew +100 %, so no drop alert.
        #expect(fired == ["churn_rate", "revenue", "new_customers[channel=转介绍]"])
        #expect(report.alerts[0].observed == 0.5)
    }
}
