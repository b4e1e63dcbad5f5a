import Testing
@testable import Metrics

@Suite struct PredictionIntegrationTests {
    @Test func purchaseHistoryMergesSameDayOrdersAndCountsWeeks() throws {
        let tables = [
            "customers": "customer_id,signup_at\nK,2026-01-01\n",
            "orders": """
            order_id,customer_id,ordered_at,amount
            O1,K,2026-01-05 09:00,100.00
            O2,K,2026-01-05 18:00,50.00
            O3,K,2026-01-19,30.00
            O4,K,2026-02-02,10.00
            O5,K,2026-02-02,20.00

            """,
        ]
        let facts = try MetricsFixture.facts(tables: tables)
        let h = try #require(PurchaseHistory(customer: 0, facts: facts.customers, end: Month(year: 2026, month: 2).lastDay))
        #expect(h.x == 2)                 // purchase days 01-05, 01-19, 02-02
        #expect(h.tx == 4)                // 28 days
        #expect(h.T == 54.0 / 7)          // 01-05 → 02-28
        #expect(h.repeatMean == 3000)     // (30 + 10 + 20) / 2 purchases, in fen
    }

    @Test func tooLittleDataGivesAClearFailureNotNonsense() throws {
        let r = try MetricsFixture.report()
        // Three paying customers cannot support a fit.
        #expect(r.prediction.failure != nil)
        #expect(r.metric("predicted_clv_52w")?.value == nil)
        #expect(r.metric("expected_alive_customers")?.value == nil)
        #expect(r.prediction.atRisk.isEmpty)
    }
}
