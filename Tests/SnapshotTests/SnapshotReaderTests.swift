import Testing
@testable import Snapshot
import Metrics

@Suite struct SnapshotReaderTests {
    static let customers = "customer_id,signup_at,channel\nC1,2026-01-05,官网\nC2,2026-02-10 09:00,\n"

    @Test func headerInAnyOrderAnyCaseUnknownColumnsIgnored() throws {
        let f = try SnapshotFixture([
            "customers": " Channel ,EXTRA,Signup_At,customer_id\n转介绍,x,2026-03-01, C9 \n",
            "orders": "amount,customer_id,order_id,ordered_at,note\n10.50,C9,O1,2026-03-02 10:00,hi\n",
        ])
        let s = try f.read()
        #expect(Array(s.customers.ids) == ["C9"])
        #expect(s.customers.dimension("channel")?.value(at: 0) == "转介绍")
        #expect(s.orders.amount == [1050])
        #expect(s.quality.absentTables.sorted() == ["activities", "leads", "spend", "surveys", "targets", "tickets", "traffic"])
    }

    /// Orders that no metric reads (refunded, of an unknown customer) are not kept, yet their
    /// times still set where the data starts and ends.
    @Test func ordersLeftOutOfMetricsStillSpanTheData() throws {
        let f = try SnapshotFixture([
            "customers": "customer_id,signup_at\nC1,2026-02-01\n",
            "orders": "order_id,customer_id,ordered_at,amount,status\nO1,C1,2026-02-10,1.00,paid\nO2,C1,2026-01-15,1.00,refunded\nO3,C9,2026-03-20,1.00,paid\n",
        ])
        let s = try f.read()
        #expect(s.orders.count == 1)
        #expect(s.dataDays.map { "\(CivilDate(dayNumber: Int($0.lowerBound)))...\(CivilDate(dayNumber: Int($0.upperBound)))" } == "2026-01-15...2026-03-20")
    }

    @Test func missingRequiredColumnNamesIt() throws {
        let f = try SnapshotFixture(["customers": Self.customers, "orders": "order_id,customer_id,amount\nO1,C1,5\n"])
        let error = #expect(throws: SnapshotError.self) { try f.read() }
        #expect(error?.kind == .structural)
        #expect(error?.file == "orders.csv")
        #expect(error?.line == 1)
        #expect(error?.columnName == "ordered_at")
    }

    @Test func missingRequiredTableIsNotFound() throws {
        let f = try SnapshotFixture(["customers": Self.customers])
        let error = #expect(throws: SnapshotError.self) { try f.read() }
        #expect(error?.kind == .notFound)
        #expect(error?.file == "orders.csv")
    }

    @Test func findingsAreCountedWithPlaceAndNothingDropsSilently() throws {
        let f = try SnapshotFixture([
            "customers": Self.customers + "C1,2026-03-01,官网\n",
            "orders": """
            order_id,customer_id,ordered_at,amount,status
            O1,C1,2026-01-06,100.00,paid
            O1,C1,2026-01-07,100.00,
            O2,C404,2026-01-07,5.00,
            O3,C2,2026-01-08,12.345,paid
            O4,C2,not a date,1.00,paid
            O5,C2,2026-01-09,-3.00,paid
            O6,C2,2026-01-09,3.00,PAID
            O7,C2,2026-01-09,3.00,Refunded
            O8,C2,2026-01-09,3.00,lost
            O9,C2,2026-01-09,3.00, Canceled 

            """,
        ])
        let s = try f.read()
        let q = s.quality
        #expect(q.count(of: .duplicateKey) == 2)          // C1 again, O1 again
        #expect(q.count(of: .unknownCustomer) == 1)
        #expect(q.count(of: .unreadableValue) == 3)       // 12.345, not a date, "lost"
        #expect(q.count(of: .negativeAmount) == 1)
        #expect(q.count(of: .missingOptionalValue) == 1)  // C2 has no channel
        #expect(q.rowsRead["orders"] == 10)
        // Read: O1, O2 (unknown customer), O6, O7, O9; kept for metrics: the paid orders of known customers.
        #expect(s.orders.statusCounts == [.paid: 3, .refunded: 1, .cancelled: 1])
        #expect(s.orders.count == 2)
        #expect(s.orders.amount == [10000, 300])
        #expect(s.orders.day.map { "\(CivilDate(dayNumber: Int($0)))" } == ["2026-01-06", "2026-01-09"])
        let money = q.tallies.first { $0.kind == .unreadableValue && $0.columnName == "amount" }!
        #expect(money.examples[0].line == 5)
        #expect(money.examples[0].column == 4)
        #expect(money.examples[0].message.contains("12.345"))
    }

    @Test func strictModeFailsOnTheFirstFinding() throws {
        let f = try SnapshotFixture(["customers": Self.customers, "orders": "order_id,customer_id,ordered_at,amount\nO1,C404,2026-01-01,1\n"])
        #expect(try f.read().quality.totalFindings == 2)
        let error = #expect(throws: SnapshotError.self) { try f.read(strict: true) }
        #expect(error?.kind == .strictFinding)
    }

    @Test func leadStagesOutOfOrderAreFindingsNotCrashes() throws {
        let f = try SnapshotFixture([
            "customers": Self.customers,
            "orders": "order_id,customer_id,ordered_at,amount\n",
            "leads": "lead_id,created_at,qualified_at,won_at,lost_at\nL1,2026-01-10,2026-01-05,,\nL2,2026-01-10,2026-01-11,2026-01-12,2026-01-13\n",
        ])
        let s = try f.read()
        #expect(s.quality.count(of: .stageOrder) == 1)
        #expect(s.quality.count(of: .wonAndLost) == 1)
        #expect(s.leads?.count == 2)
        #expect(s.leads?.lostDay[1] == LeadFacts.none)   // won wins
        #expect(s.leads.map { Int($0.wonDay[1]) } == CivilDate(year: 2026, month: 1, day: 12).dayNumber)
    }

    @Test func targetsPeriodsAndSlices() throws {
        let f = try SnapshotFixture([
            "customers": Self.customers, "orders": "order_id,customer_id,ordered_at,amount\n",
            "targets": "metric,period,target,dimension,value\nrevenue,2026-10,100,,\nrevenue,2026-Q4,300,,\nnew_customers,2026,50,channel,官网\nx,2026-W1,1,,\n",
        ])
        let rows = try f.read().targets!.rows
        #expect(rows.map(\.period) == [.month(Int32(2026 * 12 + 9)), .quarter(year: 2026, quarter: 4), .year(2026)])
        #expect(rows[2].slice?.value == "官网")
    }

    @Test func spendNeedsAMonthOrADate() throws {
        let f = try SnapshotFixture(["customers": Self.customers, "orders": "order_id,customer_id,ordered_at,amount\n",
                                     "spend": "channel,amount\n官网,10\n"])
        let error = #expect(throws: SnapshotError.self) { try f.read() }
        #expect(error?.file == "spend.csv")
        #expect(error?.line == 1)
        #expect(error?.message.contains("month (YYYY-MM) or a date") == true)
    }
}

@Suite struct UnusableDataTests {
    static let customers = "customer_id,signup_at\n" + (1...200).map { "C\($0),2026-01-05" }.joined(separator: "\n") + "\n"

    static func orders(badDates: Int) -> String {
        "order_id,customer_id,ordered_at,amount\n" + (1...200).map { i in "O\(i),C\(i),\(i <= badDates ? "05.03.2026" : "2026-03-05"),10.00" }.joined(separator: "\n") + "\n"
    }

    @Test func aTableWhoseDatesCannotBeReadFailsTheRead() throws {
        let f = try SnapshotFixture(["customers": Self.customers, "orders": Self.orders(badDates: 200)])
        let error = #expect(throws: SnapshotError.self) { try f.read(maxLeftOutShare: 0.01) }
        #expect(error?.kind == .unusable)
        #expect(error?.description.hasPrefix("orders.csv:2:3 (ordered_at): expected a timestamp") == true, "\(error?.description ?? "")")
        #expect(error?.description.contains("200 of 200 rows of orders.csv (100.0 %)") == true)
    }

    @Test func theShareIsALimitNotAnyFinding() throws {
        // 2 of 200 rows = 1 %: not more than the 1 % allowed; 3 rows are.
        let two = try SnapshotFixture(["customers": Self.customers, "orders": Self.orders(badDates: 2)])
        #expect(try two.read(maxLeftOutShare: 0.01).quality.rowsLeftOut["orders"] == 2)
        let three = try SnapshotFixture(["customers": Self.customers, "orders": Self.orders(badDates: 3)])
        #expect(throws: SnapshotError.self) { try three.read(maxLeftOutShare: 0.01) }
    }

    @Test func columnTotalsPastTheLimitFailAtTheirField() throws {
        let f = try SnapshotFixture(["customers": "customer_id,signup_at\nC1,2026-01-05\n",
                                     "orders": "order_id,customer_id,ordered_at,amount\nO1,C1,2026-03-05,500000000000000.00\nO2,C1,2026-03-06,500000000000000.01\n"])
        let error = #expect(throws: SnapshotError.self) { try f.read() }
        #expect(error?.description.hasPrefix("orders.csv:3:4 (amount): the column adds up past") == true, "\(error?.description ?? "")")
        let max = try SnapshotFixture(["customers": "customer_id,signup_at\nC1,2026-01-05\n",
                                       "orders": "order_id,customer_id,ordered_at,amount\nO1,C1,2026-03-05,92233720368547758.07\n"])
        #expect(throws: SnapshotError.self) { try max.read() }
    }

    @Test func theDefaultMonthPassesOverFutureTimestamps() throws {
        let f = try SnapshotFixture(["customers": "customer_id,signup_at\nC1,2026-01-05\nC2,9999-12-31\n",
                                     "orders": "order_id,customer_id,ordered_at,amount\nO1,C1,2026-03-05,1.00\n"])
        var options = SnapshotOptions(zone: Zone(identifier: "Asia/Shanghai")!, asOf: 1_790_000_000, maxLeftOutShare: 1)
        options.strict = false
        let s = try SnapshotReader.read(folder: f.folder, options: options)
        #expect(s.quality.count(of: .futureTimestamp) == 1)
        #expect(s.lastDataDay == Int32(CivilDate(year: 2026, month: 3, day: 5).dayNumber))
    }
}
