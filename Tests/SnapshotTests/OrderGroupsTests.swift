import Testing
@testable import Snapshot
import Metrics

/// Paid orders become order groups: a customer's orders of one day, costed apart from
/// uncosted, costed first. A file's rows and a database's groups (``OrderTable/addGroup``)
/// must come to the same groups, in any order they arrive.
@Suite struct OrderGroupsTests {
    /// C1 pays three times on 10 January (two with a cost), once on 5 January and once on
    /// 12 January, out of time order; C2 once; C3 never.
    static let tables = [
        "customers": "customer_id,signup_at\nC1,2026-01-01\nC2,2026-01-01\nC3,2026-01-01\n",
        "orders": """
            order_id,customer_id,ordered_at,amount,cost
            O1,C1,2026-01-10 09:00,10.00,4.00
            O2,C1,2026-01-12 09:00,7.00,
            O3,C1,2026-01-10 11:00,20.00,
            O4,C2,2026-01-03 09:00,5.00,1.00
            O5,C1,2026-01-10 12:00,30.00,6.00
            O6,C1,2026-01-05 09:00,1.00,0.50

            """,
    ]

    /// Per customer: (day, orders, amount, cost or nil) of each group, in minor units.
    static func groups(_ facts: Facts) -> [[(String, Int, Int64, Int64?)]] {
        let c = facts.customers
        return (0..<c.count).map { row in
            c.orders(row).map { i in
                ("\(CivilDate(dayNumber: Int(c.orderDays[i])))", c.orderCount(i..<i + 1, of: row), c.orderAmount(i), c.orderCosts[i] == Missing.money ? nil : c.orderCosts[i])
            }
        }
    }

    static let expected: [[(String, Int, Int64, Int64?)]] = [
        [("2026-01-05", 1, 100, 50), ("2026-01-10", 2, 4000, 1000), ("2026-01-10", 1, 2000, nil), ("2026-01-12", 1, 700, nil)],
        [("2026-01-03", 1, 500, 100)],
        [],
    ]

    static func same(_ a: [[(String, Int, Int64, Int64?)]], _ b: [[(String, Int, Int64, Int64?)]]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { x, y in x.count == y.count && zip(x, y).allSatisfy { $0 == $1 } }
    }

    @Test func aFilesOrdersOfOneDayAndKindBecomeOneGroup() throws {
        let facts = Facts(snapshot: try SnapshotFixture(Self.tables).read(), dimensions: [])
        #expect(Self.same(Self.groups(facts), Self.expected), "\(Self.groups(facts))")
        let c = facts.customers
        let day = { (d: Int) in Int32(CivilDate(year: 2026, month: 1, day: d).dayNumber) }
        #expect(c.orderCount(c.orders(0), of: 0) == 5)
        #expect(c.orderCount(c.orders(1), of: 1) == 1 && c.orderCount(c.orders(2), of: 2) == 0)
        #expect(c.orderCount(c.orders(0, from: day(6), to: day(31)), of: 0) == 4)
        #expect(c.orderCount(c.orders(0, from: day(10), to: day(10)), of: 0) == 3)
        #expect(c.revenue(0, from: day(1), to: day(10)) == 6100)
    }

    @Test func aDatabasesGroupsMergeWithRowsReadWhole() throws {
        // Only O4 and O6 were read whole; the database sent C1's other orders as groups, one of them split
        // in two (as two groups of one day would come from rows read whole and from the database).
        var tables = Self.tables
        tables["orders"] = "order_id,customer_id,ordered_at,amount,cost\nO4,C2,2026-01-03 09:00,5.00,1.00\nO6,C1,2026-01-05 09:00,1.00,0.50\n"
        var snapshot = try SnapshotFixture(tables).read()
        let day = { (d: Int) in Int32(CivilDate(year: 2026, month: 1, day: d).dayNumber) }
        snapshot.orders.addGroup(customer: 0, day: day(12), orders: 1, amount: 700, cost: Missing.money)
        snapshot.orders.addGroup(customer: 0, day: day(10), orders: 1, amount: 2000, cost: Missing.money)
        snapshot.orders.addGroup(customer: 0, day: day(10), orders: 1, amount: 1000, cost: 400)
        snapshot.orders.addGroup(customer: 0, day: day(10), orders: 1, amount: 3000, cost: 600)
        let facts = Facts(snapshot: snapshot, dimensions: [])
        #expect(Self.same(Self.groups(facts), Self.expected), "\(Self.groups(facts))")
    }
}
