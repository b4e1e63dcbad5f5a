import Testing
@testable import Metrics

/// The rest of the dictionary on the same fixture (March 2026 unless said), each value
/// worked out by hand. Usage days: A 02-20, 03-05; B 02-05; C 2025-12-01, 03-20; E 03-16;
/// H 02-25, 03-10. Paid orders: A 03-05 100; C 03-20 50; H 03-10 200 and 0.
@Suite struct FullCatalogTests {
    let report: Report

    init() throws { report = try MetricsFixture.report() }

    func value(_ id: String, in r: Report? = nil) -> Double? { (r ?? report).metric(id)?.value }
    func slice(_ id: String, _ dimension: String, _ member: String, in r: Report? = nil) -> Double? {
        (r ?? report).metric(id)?.current.value(for: Slice(dimension: dimension, value: member)) ?? nil
    }

    @Test func retentionAndWinBack() {
        #expect(value("retention_rate") == 0.5)
        // Signed up before March and not live on 02-28: C only; C is back.
        #expect(value("winback_rate") == 1)
    }

    @Test func acquisitionCohorts() {
        #expect(value("new_paying_customers") == 3)        // A, C, H: first paid orders in March
        // Activation (7 days): s + 6 in March → s in 02-23…03-25: F, D, E; only E is active in its first week.
        #expect(value("activation_rate") == 1.0 / 3)
        // Day 1: s + 1 in March → D, E; E is active on 03-16.
        #expect(value("retention_d1") == 0.5)
        // Day 7: F, D, E; nobody active on s + 7. Day 30: F, D; nobody.
        #expect(value("retention_d7") == 0)
        #expect(value("retention_d30") == 0)
        // Paid conversion (30 days): s + 29 in March → F (02-27), D (03-01): neither paid.
        #expect(value("paid_conversion_rate") == 0)
    }

    @Test func nonDefaultCohortDefinitions() throws {
        var config = MetricsConfig()
        config.definitions.activationDays = 50        // s + 49 in March → A (01-10), B (01-15): both active by 02-28
        config.definitions.conversionDays = 60        // s + 59 in March → A, B: A paid 03-05 ≤ 03-10, B never
        config.definitions.retentionDays = [1, 7, 30, 90]
        config.definitions.grossMargin = 0.6
        let r = try MetricsFixture.report(config: config)
        #expect(value("activation_rate", in: r) == 1)
        #expect(value("paid_conversion_rate", in: r) == 0.5)
        // retention_d90 exists now; its cohort (signups in December 2025) is empty: no value, not 0.
        #expect(r.metric("retention_d90") != nil)
        #expect(value("retention_d90", in: r) == nil)
        #expect(value("gross_margin", in: r) == 0.6)  // no order carries a cost
    }

    @Test func spendCACAndCostPerLead() {
        #expect(value("spend") == 450)
        #expect(value("cac") == 150)                            // 450 / 3 new paying customers
        #expect(slice("cac", "channel", "官网") == 300)          // 300 / A
        #expect(slice("cac", "channel", "搜索广告") == 150)      // 150 / C
        #expect(slice("cac", "channel", "转介绍") == nil)        // no spend, no new payer: no value
        #expect(value("cost_per_lead") == 150)                  // 450 / L1, L3, L5
        #expect(slice("cost_per_lead", "channel", "官网") == 300)
        // Spend-based metrics slice by channel only.
        #expect(report.metric("cac")?.current.slices.map(\.dimension) == ["channel"])
    }

    @Test func orderValue() {
        #expect(value("aov") == 87.5)                           // 350 / 4
        // Window of 90 days ending 03-31: A 1, C 1, H 2 orders.
        #expect(value("repeat_purchase_rate") == 1.0 / 3)
        #expect(value("second_purchase_rate") == 1.0 / 3)
        #expect(value("gross_margin") == 1)                     // the default ratio, no costs
        // 12 months: A 100, C 50, H 200; n = 3, top ⌈0.6⌉ = 1 customer: 200 / 350.
        #expect(value("top20_revenue_share") == 200.0 / 350)
    }

    @Test func lifetimeValueAndPayback() throws {
        // March's LTV cohort (March 2025) is empty.
        #expect(value("ltv_12m") == nil)
        #expect(value("ltv_cac") == nil)
        // 12 months to March: spend 450, new paying A, C, H.
        #expect(value("cac_12m") == 150)
        // Revenue 350 over 3 paying customer-months: 150 / (1.0 × 350 / 3).
        #expect(value("payback_months") == 150 / (350.0 / 3))
        // A, C, H all signed up in the 12 months: 350 / 450; 官网: A's 100 / 300.
        #expect(value("roas_12m") == 350.0 / 450)
        #expect(slice("roas_12m", "channel", "官网") == 100.0 / 300)
        // November 2026: the cohort of November 2025 is C, who paid 50 within 365 days.
        let november = try MetricsFixture.report(month: Month(year: 2026, month: 11))
        #expect(value("ltv_12m", in: november) == 50)
    }

    @Test func salesEfficiency() {
        #expect(value("won_amount") == 580)                     // L1 500 + L5 80
        #expect(value("sales_cycle_days") == 10.5)              // (18 + 3) / 2
        // Created in March and contacted by its end: L1 10 h, L3 24 h (L5 is contacted in April).
        #expect(value("lead_response_hours") == 17)
        // Due (created + 24 h) in March: L1 timely, L3 exactly at 24 h (inclusive), L5 late.
        #expect(value("follow_up_timely_rate") == 2.0 / 3)
        #expect(value("leads_per_owner") == 2)                  // L1, L3 both 张三
    }

    @Test func dataCompleteness() throws {
        // Default required fields include region, which the fixture lacks: nobody is complete.
        #expect(value("data_completeness") == 0)
        var config = MetricsConfig()
        config.requiredFields = ["channel"]
        let r = try MetricsFixture.report(config: config)
        // Signed up by 03-31: all but G (7); H has no channel.
        #expect(value("data_completeness", in: r) == 6.0 / 7)
    }

    @Test func satisfactionAndService() {
        // NPS in March: A 10, B 9 promoters; C 6 detractor; H 8 passive; E's 0 is on 1 April locally.
        #expect(value("nps") == 25)
        #expect(value("csat") == 100 * 2.0 / 3)                 // 5 and 4 of 5, 3, 4
        #expect(value("tickets") == 3)                          // T1, T2, T3
        #expect(value("complaints") == 2)                       // T1 and T3 ("Complaint")
        #expect(value("ticket_response_hours") == 16)           // T1 2 h, T2 30 h; T3 answered in April
        // Due (opened + 48 h) in March: T1 resolved in 24 h, T2 late by a minute, T4 exactly at 48 h.
        #expect(value("ticket_resolution_rate") == 2.0 / 3)
        #expect(slice("tickets", "channel", "官网") == 2)        // A and B are 官网 customers
    }

    @Test func cohortTriangle() throws {
        let rows = report.cohorts.rows
        #expect(rows.count == 12)
        #expect(rows.first?.cohort == Month(year: 2025, month: 4))
        #expect(rows.first?.size == 0)
        #expect(rows.first?.retention.allSatisfy { $0 == nil } == true)
        let january = try #require(rows.first { $0.cohort == Month(year: 2026, month: 1) })
        #expect(january.size == 2)
        #expect(january.retention == [0, 1, 0.5])               // A, B: nobody in Jan, both in Feb, A in Mar
        #expect(january.revenuePerMember == [0, 0, 50])
        let november = try #require(rows.first { $0.cohort == Month(year: 2025, month: 11) })
        #expect(november.retention == [0, 1, 0, 0, 1])
        #expect(rows.last?.retention == [0.5])                  // D, E: E active in March
        #expect(rows.map(\.retention.count) == Array((1...12).reversed()))
    }

    @Test func rfmAtTheMean() {
        // R, F, M: A 26 d, 1, 100; C 11 d, 1, 50; H 21 d, 2, 200. Means 19.33, 1.33, 116.67.
        let s = report.rfm
        #expect(s.n == 3)
        func customers(_ key: String) -> Int? { s.segments.first { $0.key == key }?.customers }
        #expect(customers("LLL") == 1)   // A
        #expect(customers("HLL") == 1)   // C
        #expect(customers("LHH") == 1)   // H
        #expect(s.segments.first { $0.key == "LHH" }?.revenueShare == 200.0 / 350)
        #expect(s.segments.map(\.nameZh).first == "重要价值客户")
    }

    @Test func rfmAtTheMedianTiesGoHigh() throws {
        var config = MetricsConfig()
        config.definitions.rfmThresholdMedian = true
        let s = try MetricsFixture.report(config: config).rfm
        // Medians 21 d, 1, 100: A → L H H (ties high), C → H H L, H → H H H.
        func customers(_ key: String) -> Int? { s.segments.first { $0.key == key }?.customers }
        #expect(customers("LHH") == 1)
        #expect(customers("HHL") == 1)
        #expect(customers("HHH") == 1)
    }

    @Test func explainInputsAgreeWithTheValue() throws {
        let churn = try #require(report.metric("churn_rate"))
        let inputs = churn.computed.last!.inputs
        #expect(inputs.map(\.name) == ["churned_customers", "live at first(M) − 1"])
        #expect(inputs[0].value.total! / inputs[1].value.total! == churn.value)
    }
}

/// November 2026 on the fixture plus one costed order and one more month of spend.
@Suite struct LifetimeValueTests {
    @Test func ltvCacPaybackAndCostedMargin() throws {
        var tables = MetricsFixture.tables
        tables["orders"] = """
        order_id,customer_id,ordered_at,amount,status,cost
        O1,A,2026-03-05,100.00,paid,
        O2,C,2026-03-19T23:30:00Z,50,,
        O3,E,2026-03-16,30.00,refunded,
        O4,F,2026-03-02,20.00,cancelled,
        O5,H,2026-03-10 09:00,200.00,PAID,
        O6,H,2026-03-10 18:00,0.00,paid,
        O8,A,2026-11-05,200.00,paid,50.00

        """
        tables["spend"] = "month,channel,amount\n2026-03,官网,300.00\n2026-03,搜索广告,150.00\n2026-11,官网,150.00\n"
        let r = try MetricsFixture.report(month: Month(year: 2026, month: 11), tables: tables)
        func value(_ id: String) -> Double? { r.metric(id)?.value }
        // November's only order carries its cost: (200 − 50) / 200.
        #expect(value("gross_margin") == 0.75)
        // Cohort of November 2025: C, who paid 50 within 365 days.
        #expect(value("ltv_12m") == 50)
        // Spend December 2025 … November 2026: 450 + 150; new paying customers A, C, H.
        #expect(value("cac_12m") == 200)
        #expect(value("ltv_cac") == 50 * 0.75 / 200)
        // Revenue in the 12 months: A 100 + 200, C 50, H 200 = 550 over 4 paying customer-months (A twice).
        #expect(value("payback_months") == 200 / (0.75 * 550 / 4))
        // 官网: spend 450 over A's one new payment; LTV of 官网's November-2025 cohort is empty.
        #expect(r.metric("cac_12m")?.current.value(for: Slice(dimension: "channel", value: "官网")) == 450)
        #expect(r.metric("ltv_cac")?.current.value(for: Slice(dimension: "channel", value: "官网")) == .some(nil))
    }
}
