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

    /// 300 customers' 2,500 orders in shuffled rows, many of one day (costed and not), read
    /// through the two threads that place, sort and merge the customers of each half of the
    /// orders (the frequent buyers come first, so the split falls early): every
    /// customer's groups and usage days are those worked out here, order by order.
    @Test func randomOrdersGroupAsWorkedOutOneByOne() throws {
        var random = SplitMix64(seed: 2_500)
        let customers = 300
        var rows: [(customer: Int, day: Int, amount: Int, cost: Int?)] = (0..<2_500).map { _ in
            // Skewed: a few customers order often, so that the split is uneven and groups merge.
            let c = Int.random(in: 0..<customers, using: &random) % (Bool.random(using: &random) ? 40 : customers)
            return (c, Int.random(in: 1...12, using: &random), Int.random(in: 1...99_999, using: &random),
                    Bool.random(using: &random) ? Int.random(in: 0...50_000, using: &random) : nil)
        }
        rows.shuffle(using: &random)
        let activities = (0..<1_500).map { _ in (Int.random(in: 0..<customers, using: &random), Int.random(in: 1...28, using: &random)) }
        func money(_ fen: Int) -> String { "\(fen / 100).\(fen % 100 < 10 ? "0" : "")\(fen % 100)" }
        let tables = [
            "customers": "customer_id,signup_at\n" + (0..<customers).map { "C\($0),2026-01-01\n" }.joined(),
            "orders": "order_id,customer_id,ordered_at,amount,cost\n" + rows.enumerated().map { i, r in
                "O\(i),C\(r.customer),2026-01-\(r.day < 10 ? "0" : "")\(r.day) \(10 + i % 12):00,\(money(r.amount)),\(r.cost.map(money) ?? "")\n"
            }.joined(),
            "activities": "customer_id,at\n" + activities.map { "C\($0.0),2026-02-\($0.1 < 10 ? "0" : "")\($0.1) 09:00\n" }.joined(),
        ]
        let facts = Facts(snapshot: try SnapshotFixture(tables).read(), dimensions: [])
        let day = { (d: Int) in "\(CivilDate(year: 2026, month: 1, day: d))" }
        var merged = 0
        let expected: [[(String, Int, Int64, Int64?)]] = (0..<customers).map { c in
            var groups: [String: (orders: Int, amount: Int64, cost: Int64?)] = [:]
            for r in rows where r.customer == c {
                let key = "\(day(r.day)) \(r.cost == nil ? 1 : 0)"
                let g = groups[key] ?? (0, 0, r.cost == nil ? nil : 0)
                groups[key] = (g.orders + 1, g.amount + Int64(r.amount), g.cost.map { $0 + Int64(r.cost!) })
            }
            merged += groups.values.filter { $0.orders > 1 }.count
            return groups.keys.sorted().map { key in (String(key.prefix(10)), groups[key]!.orders, groups[key]!.amount, groups[key]!.cost) }
        }
        #expect(merged > 100)
        #expect(Self.same(Self.groups(facts), expected))
        let c = facts.customers
        for row in 0..<customers {
            let days = Set(rows.filter { $0.customer == row }.map { day($0.day) } + activities.filter { $0.0 == row }.map { "\(CivilDate(year: 2026, month: 2, day: $0.1))" })
            #expect(c.usage(row).map { "\(CivilDate(dayNumber: Int(c.usageDays[$0])))" } == days.sorted(), "C\(row)")
        }
    }
}
