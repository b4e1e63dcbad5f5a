import Testing
@testable import Snapshot
import Metrics

/// Usage days are a customer's distinct days with an activity or a paid order. A database's
/// reduced days come in runs per customer: in the customers' order they are laid out where
/// they lie, in any other order they are copied; both must give the same days.
@Suite struct UsageDaysTests {
    /// C1 and C3 have activity rows read whole (one on a day the database also sent), C2 and
    /// C3 paid orders (C3's on a day it was active); C4 has nothing.
    static let tables = [
        "customers": "customer_id,signup_at\nC1,2026-01-01\nC2,2026-01-01\nC3,2026-01-01\nC4,2026-01-01\n",
        "orders": "order_id,customer_id,ordered_at,amount\nO1,C2,2026-01-20,1.00\nO2,C3,2026-01-12,1.00\nO3,C3,2026-01-02,1.00\n",
        "activities": "customer_id,at\nC3,2026-01-15 08:00\nC1,2026-01-10 09:00\nC1,2026-01-10 10:00\n",
    ]
    static func day(_ text: String) -> Int32 {
        let parts = text.split(separator: "-").map { Int($0)! }
        return Int32(CivilDate(year: parts[0], month: parts[1], day: parts[2]).dayNumber)
    }

    /// Each customer's usage days as dates.
    static func usage(_ runs: [(customer: Int32, days: [String])]) throws -> [[String]] {
        let fixture = try SnapshotFixture(tables)
        var snapshot = try fixture.read()
        var reduced = ActivityDays()
        for run in runs { for day in run.days { reduced.append(customer: run.customer, day: Self.day(day)) } }
        snapshot.activityDays = reduced
        let facts = Facts(snapshot: snapshot, dimensions: [])
        let c = facts.customers
        return (0..<c.count).map { row in c.usage(row).map { "\(CivilDate(dayNumber: Int(c.usageDays[$0])))" } }
    }

    static let expected = [
        ["2026-01-05", "2026-01-10", "2026-01-11"],
        ["2026-01-03", "2026-01-20"],
        ["2026-01-02", "2026-01-09", "2026-01-12", "2026-01-15"],
        [],
    ]

    @Test func reducedDaysInCustomerOrderAreLaidOutWhereTheyLie() throws {
        let runs: [(customer: Int32, days: [String])] = [(0, ["2026-01-05", "2026-01-10", "2026-01-11"]), (1, ["2026-01-03"]), (2, ["2026-01-09", "2026-01-12"])]
        var reduced = ActivityDays()
        for run in runs { for day in run.days { reduced.append(customer: run.customer, day: Self.day(day)) } }
        #expect(reduced.isInCustomerOrder)
        #expect(try Self.usage(runs) == Self.expected)
    }

    @Test func reducedDaysInAnyOtherOrderGiveTheSameDays() throws {
        // C3 before C1, and C1 in two runs.
        let runs: [(customer: Int32, days: [String])] = [(0, ["2026-01-10"]), (2, ["2026-01-12", "2026-01-09"]), (0, ["2026-01-11", "2026-01-05"]), (1, ["2026-01-03"])]
        var reduced = ActivityDays()
        for run in runs { for day in run.days { reduced.append(customer: run.customer, day: Self.day(day)) } }
        #expect(!reduced.isInCustomerOrder)
        #expect(try Self.usage(runs) == Self.expected)
    }

    /// The days are made by two threads, each for the customers holding half of the days:
    /// one customer (the second half empty), days piled on the first customers or on the
    /// last (the split falls early or late), and no days at all (the first half empty). Each
    /// customer's repeated day is made one and the second half's days follow the first's.
    @Test(arguments: [[2], [2, 2, 2], [9, 1, 1], [1, 1, 9], [0, 0, 0]])
    func customersSplitWhereTheirDaysAreHalved(_ activeDays: [Int]) throws {
        let n = activeDays.count
        let customers = "customer_id,signup_at\n" + (1...n).map { "C\($0),2026-01-01\n" }.joined()
        var activities = "customer_id,at\n", orders = "order_id,customer_id,ordered_at,amount\n"
        var expected: [[String]] = []
        for (row, count) in activeDays.enumerated() {
            let k = row + 1
            // Days 1…count of month k, written last first, each twice; then a paid order on the 20th.
            for d in (1..<(count + 1)).reversed() {
                activities += "C\(k),2026-0\(k)-\(d < 10 ? "0" : "")\(d) 08:00\nC\(k),2026-0\(k)-\(d < 10 ? "0" : "")\(d) 09:00\n"
            }
            if count > 0 { orders += "O\(k),C\(k),2026-0\(k)-20,1.00\n" }
            expected.append(count == 0 ? [] : (1...count).map { "2026-0\(k)-0\($0)" } + ["2026-0\(k)-20"])
        }
        let facts = Facts(snapshot: try SnapshotFixture(["customers": customers, "orders": orders, "activities": activities]).read(), dimensions: [])
        let c = facts.customers
        #expect(c.usageDays.count == expected.joined().count)
        #expect((0..<n).map { row in c.usage(row).map { "\(CivilDate(dayNumber: Int(c.usageDays[$0])))" } } == expected)
    }

    /// The split falls at the customer where half of the rows are reached, or before it when
    /// that leaves the larger half smaller (the last customer holding most rows); with no
    /// rows the first half is empty, with no customers both are.
    @Test func halvesSplitWhereHalfOfTheRowsAre() {
        #expect(Facts.halves(of: [0, 19, 22, 25]) == [0..<1, 1..<3])
        #expect(Facts.halves(of: [0, 1, 2, 12]) == [0..<2, 2..<3])
        #expect(Facts.halves(of: [0, 0, 5, 5]) == [0..<2, 2..<3])
        #expect(Facts.halves(of: [0, 5, 10]) == [0..<1, 1..<2])
        #expect(Facts.halves(of: [0, 0, 0, 0]) == [0..<0, 0..<3])
        #expect(Facts.halves(of: [0]) == [0..<0, 0..<0])
    }
}
