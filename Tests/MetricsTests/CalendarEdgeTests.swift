import Testing
@testable import Metrics

@Suite struct CalendarEdgeTests {
    @Test func leapDayBelongsToFebruary() throws {
        // X signs up on 2024-02-28 and is active on 2024-02-29: day-1 retention of February 2024.
        let tables = [
            "customers": "customer_id,signup_at,segment\nX,2024-02-28,SMB\nY,2024-02-29 23:59,KA\n",
            "activities": "customer_id,at\nX,2024-02-29 12:00\n",
            "orders": "order_id,customer_id,ordered_at,amount\nO1,Y,2024-02-29T16:30:00Z,9.99\n",
        ]
        let r = try MetricsFixture.report(month: Month(year: 2024, month: 2), tables: tables)
        #expect(r.metric("retention_d1")?.value == 1)           // cohort: X (s + 1 = 02-29); Y's s + 1 is in March
        #expect(r.metric("new_customers")?.value == 2)
        // Y's order at 16:30 UTC on 29 February is 00:30 on 1 March in Shanghai.
        #expect(r.metric("revenue")?.value == 0)
        let march = try MetricsFixture.report(month: Month(year: 2024, month: 3), tables: tables)
        #expect(march.metric("revenue")?.value == 9.99)
        #expect(march.metric("retention_d1")?.value == 1)       // Y: s + 1 = 03-01, the order day
    }

    @Test func freeDimensionColumnsSliceCustomerMetrics() throws {
        var config = MetricsConfig()
        config.dimensions = ["segment"]
        let tables = [
            "customers": "customer_id,signup_at,segment\nX,2024-02-28,SMB\nY,2024-02-29 23:59,KA\nZ,2024-02-10,\n",
            "orders": "order_id,customer_id,ordered_at,amount\n",
        ]
        let r = try MetricsFixture.report(config: config, month: Month(year: 2024, month: 2), tables: tables, extraDimensions: ["segment"])
        let slices = try #require(r.metric("new_customers")?.current.slices)
        #expect(slices.map(\.dimension) == ["segment"])
        #expect(slices[0].members.map(\.member) == ["KA", "SMB"])
        #expect(slices[0].members.map(\.value) == [1, 1])         // Z has no segment: in the total only
        #expect(r.metric("new_customers")?.value == 3)
    }
}
