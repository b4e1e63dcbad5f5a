import Testing
@testable import Metrics

@Suite struct CustomerMetricsTests {
    let report: Report

    init() throws { report = try MetricsFixture.report() }

    func value(_ id: String) -> Double? { report.metric(id)?.value }

    @Test func newCustomersCountSignupsInTheMonthByLocalDay() {
        // D (03-01 00:00) and E; G signs up at 00:30 on 1 April in Shanghai.
        #expect(value("new_customers") == 2)
        // February: F only; mom is relative: (2 − 1) / 1.
        #expect(report.metric("new_customers")?.series[11] == 1)
        #expect(report.metric("new_customers")?.mom == 1.0)
    }

    @Test func activeNeedsAnActivityOrPaidOrder() {
        // A (order), C (order), E (activity), H (orders). E's refunded and F's cancelled orders do not count.
        #expect(value("active_customers") == 4)
    }

    @Test func livenessChurnAndWinBack() {
        // Live on 02-28 (window 01-30 … 02-28): A (02-20), B (02-05), F (signup 02-27), H (02-25) = 4.
        // Live on 03-31 (window 03-02 … 03-31): A (03-05), C (03-20), E (03-16), H (03-10) = 4; D's signup 03-01 is outside.
        #expect(value("live_customers") == 4)
        #expect(value("churned_customers") == 2)      // B, F
        #expect(value("reactivated_customers") == 1)  // C
        #expect(value("churn_rate") == 0.5)           // 2 / 4
        // February: live on 01-31 = A, B; both still live on 02-28: churn 0 / 2 = 0; the change is in points.
        #expect(report.metric("churn_rate")?.series[11] == 0)
        #expect(report.metric("churn_rate")?.mom == 0.5)
    }

    @Test func bridgeBalances() {
        let b = report.bridge
        #expect(b.start == 4)
        #expect(b.churned == 2)
        #expect(b.reactivated == 1)
        #expect(b.new == 1)   // E; D signed up in March but is not live at its end
        #expect(b.end == 4)
        #expect(b.balances)
    }

    @Test func ordersCountPaidOnlyAndExactMoney() {
        // A 100 + C 50 (a UTC evening that is March 20 locally) + H 200 + H 0.00; Z is unknown.
        #expect(value("revenue") == 350)
        #expect(value("orders") == 4)
        #expect(value("paying_customers") == 3)
        #expect(value("arpu") == 350.0 / 3)
    }

    @Test func slicesFollowTheCustomersDimension() {
        let slices = report.metric("new_customers")!.current.slices
        let channel = slices.first { $0.dimension == "channel" }!
        #expect(channel.members.map(\.member) == ["官网", "搜索广告", "转介绍"])   // every member, sorted
        #expect(channel.members.map(\.value) == [1, 0, 1])
        // H has no channel: in the total, in no slice.
        let revenue = report.metric("revenue")!.current.slices.first { $0.dimension == "channel" }!
        #expect(revenue.members.map(\.value) == [100, 50, 0])
    }

    @Test func emptyDenominatorsGiveNoValue() throws {
        // A year before March 2026 nobody was live, paying or closing a lead.
        let churn = report.metric("churn_rate")!
        #expect(churn.series[0] == nil)
        #expect(churn.yoy == nil)
        #expect(report.metric("arpu")!.series[0] == nil)
        #expect(report.metric("win_rate")!.series[0] == nil)
    }

    @Test func nonDefaultChurnWindow() throws {
        var config = MetricsConfig()
        config.definitions.churnAfterDays = 60
        let r = try MetricsFixture.report(config: config)
        // W = 60: live on 02-28 needs an event in 12-31 … 02-28: A, B, F, H (C's 12-01 is too old) = 4.
        // Live on 03-31 needs 01-31 … 03-31: A, B (02-05), C, D (signup 03-01), E, F (02-27), H = 7.
        #expect(r.metric("live_customers")?.value == 7)
        #expect(r.metric("churned_customers")?.value == 0)
        #expect(r.bridge.new == 2)   // D and E
        #expect(r.bridge.balances)
    }
}
