import Foundation
import Metrics
import Synchronization

extension Facts {
    /// Reduces a loaded snapshot to facts, keeping the configured customer dimensions.
    /// The snapshot must have been read with every required field as a dimension column.
    ///
    /// The snapshot is consumed: each table is let go as soon as its facts are made, so the
    /// tables and all the facts are never held at once.
    public init(snapshot: consuming Snapshot, dimensions: [String]) {
        let zone = snapshot.zone
        let n = snapshot.customers.count
        snapshot.customers.dropIndex()
        let signup = snapshot.customers.signupAt.map { zone.day(of: $0) }
        let dataDays = snapshot.dataDays

        let (orderStart, orderDays, orderAmounts, orderCosts, orderCounts) = Self.paidOrders(taking: &snapshot.orders, customers: n)
        let (usageStart, usageDays) = Self.usage(taking: &snapshot, orderStart: orderStart, orderDays: orderDays, customers: n)

        let dims = dimensions.compactMap { snapshot.customers.dimension($0) }
        let customers = CustomerFacts(signupDay: signup, dimensions: dims, allDimensions: snapshot.customers.dimensions, usageStart: usageStart, usageDays: usageDays,
                                      orderStart: orderStart, orderDays: orderDays, orderAmounts: orderAmounts, orderCosts: orderCosts, orderCounts: orderCounts)
        let leads = snapshot.leads.map { Self.leads($0, zone: zone) }
        snapshot.leads = nil

        var spend: ChannelMonthFacts?
        if let s = snapshot.spend {
            var facts = ChannelMonthFacts()
            for i in 0..<s.count { facts.add(month: s.month[i], channel: s.channel.value(at: i) ?? "", s.amount[i]) }
            spend = facts
        }
        var visits: ChannelMonthFacts?
        if let t = snapshot.traffic {
            var facts = ChannelMonthFacts()
            for i in 0..<t.count { facts.add(month: Month(containing: t.day[i]).index, channel: t.channel.value(at: i) ?? "", t.visits[i]) }
            visits = facts
        }
        let (ids, names) = (snapshot.customers.ids, snapshot.customers.names)
        self.init(customers: customers, leads: leads, spend: spend, visits: visits, service: ServiceFacts(snapshot: snapshot),
                  customerIds: ids, customerNames: names, dataDays: dataDays, zone: zone)
    }

    /// The paid orders as order groups (``CustomerFacts``): grouped by customer (a stable
    /// counting sort), ordered by day, costed before uncosted, and those of one customer, day
    /// and kind merged, whether they came as a file's rows or as a database's groups. The
    /// table is taken apart one column at a time, each let go once it is moved, so that at
    /// most one column is held twice.
    ///
    /// Two threads share the work as they do for the usage days: each reads every order and
    /// places, sorts and merges only those of its customers, who hold half of the orders.
    private static func paidOrders(taking o: inout OrderTable, customers n: Int) -> ([Int32], [Int32], [Int64], [Int64], [Int32]) {
        let customer = o.customer
        o.customer = []
        var orderStart = [Int32](repeating: 0, count: n + 1)
        for c in customer { orderStart[Int(c) + 1] += 1 }
        for c in 0..<n { orderStart[c + 1] += orderStart[c] }
        let halves = Self.halves(of: orderStart)
        let start = orderStart
        func grouped<T: Sendable>(_ values: [T]) -> [T] {
            var fill = start
            return fill.withUnsafeMutableBufferPointer { fill in
                let fill = DisjointWrites(fill)
                return [T](unsafeUninitializedCapacity: values.count) { out, count in
                    let out = DisjointWrites(out)
                    DispatchQueue.concurrentPerform(iterations: halves.count) { h in
                        let half = Self.rows(halves[h])
                        for (c, value) in zip(customer, values) where half.contains(c) {
                            let c = Int(c)
                            (out.buffer.baseAddress! + Int(fill[c])).initialize(to: value)
                            fill[c] += 1
                        }
                    }
                    count = values.count
                }
            }
        }
        var days = grouped(o.day)
        o.day = []
        var amounts = grouped(o.amount)
        o.amount = []
        var costs = grouped(o.cost)
        o.cost = []
        var counts = o.counts.isEmpty ? [] : grouped(o.counts)
        o.counts = []
        // Each customer's orders sorted where they lie (exports are mostly in time order: then
        // they already are), noting whether any two of one day and kind are to be merged.
        let merges = Atomic<Bool>(false)
        withColumns(&days, &amounts, &costs, &counts) { days, amounts, costs, counts in
            DispatchQueue.concurrentPerform(iterations: halves.count) { h in
                var merging = false
                for c in halves[h] {
                    let range = Int(start[c])..<Int(start[c + 1])
                    guard range.count > 1 else { continue }
                    if !zip(range.dropLast(), range.dropFirst()).allSatisfy({ !precedes($1, $0, days, costs) }) {
                        let sorted = range.sorted { precedes($0, $1, days, costs) || (!precedes($1, $0, days, costs) && $0 < $1) }
                        let (d, a, k) = (sorted.map { days[$0] }, sorted.map { amounts[$0] }, sorted.map { costs[$0] })
                        let n = counts.buffer.isEmpty ? [] : sorted.map { counts[$0] }
                        for (j, place) in range.enumerated() {
                            (days[place], amounts[place], costs[place]) = (d[j], a[j], k[j])
                            if !n.isEmpty { counts[place] = n[j] }
                        }
                    }
                    merging = merging || zip(range.dropLast(), range.dropFirst()).contains { sameGroup($0, $1, days, costs) }
                }
                if merging { merges.store(true, ordering: .relaxed) }
            }
        }
        if counts.isEmpty, merges.load(ordering: .relaxed) { counts = [Int32](repeating: 1, count: days.count) }
        // Then merged in place: each half's kept groups are written from its first order on
        // (never past the one read), and the second half's then move down to follow the first's.
        var ends = [0, 0]
        withColumns(&days, &amounts, &costs, &counts) { days, amounts, costs, counts in
            orderStart.withUnsafeMutableBufferPointer { orderStart in
                ends.withUnsafeMutableBufferPointer { ends in
                    let (orderStart, ends) = (DisjointWrites(orderStart), DisjointWrites(ends))
                    DispatchQueue.concurrentPerform(iterations: halves.count) { h in
                        var kept = Int(start[halves[h].lowerBound])
                        for c in halves[h] {
                            let first = kept
                            for i in Int(start[c])..<Int(start[c + 1]) {
                                if kept > first, sameGroup(kept - 1, i, days, costs) {
                                    // `counts` exists: the pass above saw this pair and made it.
                                    assert(!counts.buffer.isEmpty)
                                    amounts[kept - 1] += amounts[i]
                                    if costs[i] != Missing.money { costs[kept - 1] += costs[i] }
                                    counts[kept - 1] += counts[i]
                                    continue
                                }
                                days[kept] = days[i]
                                amounts[kept] = amounts[i]
                                costs[kept] = costs[i]
                                if !counts.buffer.isEmpty { counts[kept] = counts[i] }
                                kept += 1
                            }
                            orderStart[c + 1] = Int32(kept)
                        }
                        ends[h] = kept
                    }
                }
            }
        }
        let (from, to) = (Int(start[halves[1].lowerBound]), ends[0])
        if from > to {
            withColumns(&days, &amounts, &costs, &counts) { days, amounts, costs, counts in
                for i in from..<ends[1] {
                    (days[to + i - from], amounts[to + i - from], costs[to + i - from]) = (days[i], amounts[i], costs[i])
                    if !counts.buffer.isEmpty { counts[to + i - from] = counts[i] }
                }
            }
            for c in halves[1] { orderStart[c + 1] -= Int32(from - to) }
        }
        let kept = to + ends[1] - from
        days.removeLast(days.count - kept)
        amounts.removeLast(amounts.count - kept)
        costs.removeLast(costs.count - kept)
        if !counts.isEmpty { counts.removeLast(counts.count - kept) }
        return (orderStart, days, amounts, costs, counts)
    }

    /// Whether order group i belongs before group j: by day, then costed first.
    @inline(__always) private static func precedes(_ i: Int, _ j: Int, _ days: DisjointWrites<Int32>, _ costs: DisjointWrites<Int64>) -> Bool {
        days[i] != days[j] ? days[i] < days[j] : costs[i] != Missing.money && costs[j] == Missing.money
    }

    /// Whether groups i and j are of one day and kind (both costed or both not), so merge.
    @inline(__always) private static func sameGroup(_ i: Int, _ j: Int, _ days: DisjointWrites<Int32>, _ costs: DisjointWrites<Int64>) -> Bool {
        days[i] == days[j] && (costs[i] == Missing.money) == (costs[j] == Missing.money)
    }

    /// The two halves of the customers that two threads share, split where `start` (each
    /// customer's first place, and the end) reaches half of the places, or at the customer
    /// before when that leaves the larger half smaller (one customer's rows are never split):
    /// each half then places and sorts about as many rows. Split by customers instead, a file
    /// that lists its customers by signup (as the sample's does) puts twice the activities in
    /// the first half, and one thread worked alone for a third of the usage days' time.
    static func halves(of start: [Int32]) -> [Range<Int>] {
        let n = start.count - 1, total = start[n]
        var (low, high) = (0, n)
        while low < high {
            let mid = (low + high) / 2
            if start[mid] < total / 2 { low = mid + 1 } else { high = mid }
        }
        if low > 0, total - start[low - 1] < start[low] { low -= 1 }
        return [0..<low, low..<n]
    }

    /// A half's customers as the tables' row numbers are kept.
    private static func rows(_ half: Range<Int>) -> Range<Int32> { Int32(half.lowerBound)..<Int32(half.upperBound) }

    /// The order columns as buffers that the halves' threads write, each at its own customers' places.
    private static func withColumns(_ days: inout [Int32], _ amounts: inout [Int64], _ costs: inout [Int64], _ counts: inout [Int32],
                                    _ body: (DisjointWrites<Int32>, DisjointWrites<Int64>, DisjointWrites<Int64>, DisjointWrites<Int32>) -> Void) {
        days.withUnsafeMutableBufferPointer { d in
            amounts.withUnsafeMutableBufferPointer { a in
                costs.withUnsafeMutableBufferPointer { k in
                    counts.withUnsafeMutableBufferPointer { n in body(DisjointWrites(d), DisjointWrites(a), DisjointWrites(k), DisjointWrites(n)) }
                }
            }
        }
    }

    /// Usage days: activity days (rows read, and pairs a database reduced) and paid-order
    /// days, distinct and sorted per customer. The snapshot's activities are let go as soon
    /// as their days are copied, and the days are made distinct in place: at a million
    /// customers neither the activity rows nor a second array of 27 M days is held beside the result.
    private static func usage(taking snapshot: inout Snapshot, orderStart: [Int32], orderDays: [Int32], customers n: Int) -> ([Int32], [Int32]) {
        // Taken out of the snapshot, so that they are let go as soon as they are used.
        var activities = snapshot.activities, reduced = snapshot.activityDays
        (snapshot.activities, snapshot.activityDays) = (nil, nil)
        // Each customer's days lie in usageCount[c] ..< usageCount[c + 1]: its reduced days,
        // its activity rows, then its paid orders; rawStart[c] is where the next one goes.
        var usageCount = [Int32](repeating: 0, count: n + 1)
        // The activity rows are counted by two threads, each for half of the customers (and
        // below placed by two threads, each for the customers holding half of the days): the
        // writes, a cache miss each for 25 M rows at a million customers, are where this time
        // goes, and each thread reads the rows in order.
        if let a = activities {
            let countHalves = [0..<n / 2, n / 2..<n]
            usageCount.withUnsafeMutableBufferPointer { buffer in
                let count = DisjointWrites(buffer)
                DispatchQueue.concurrentPerform(iterations: countHalves.count) { h in
                    let half = Self.rows(countHalves[h])
                    for c in a.customer where half.contains(c) { count[Int(c) + 1] += 1 }
                }
            }
        }
        reduced?.forEachRun { c, days in usageCount[c + 1] += Int32(days.count) }
        for c in 0..<n { usageCount[c + 1] += usageCount[c] + (orderStart[c + 1] - orderStart[c]) }
        let halves = Self.halves(of: usageCount)
        var rawStart = usageCount
        var days: [Int32]
        if var r = reduced, r.isInCustomerOrder {
            // The reduced days are already grouped by customer: each run moves up to its place
            // where it lies, the last first, so a run is never written over before it moves.
            reduced = nil
            days = r.takeDays()
            days.append(contentsOf: repeatElement(0, count: Int(usageCount[n]) - days.count))
            let (customers, ends) = (r.runCustomer, r.runEnd)
            days.withUnsafeMutableBufferPointer { d in
                for k in customers.indices.reversed() {
                    let (c, run) = (Int(customers[k]), (k == 0 ? 0 : ends[k - 1])..<ends[k])
                    let to = Int(usageCount[c])
                    for i in run.reversed() { d[to + i - run.lowerBound] = d[i] }
                    rawStart[c] = Int32(to + run.count)
                }
            }
        } else {
            // Not zeroed first: every place is written below before it is read (reduced days,
            // then activity rows, then paid orders), so the pages are first touched where they
            // are filled (mostly by the two threads placing activities) rather than by one
            // thread clearing 100 MB at a million customers.
            days = [Int32](unsafeUninitializedCapacity: Int(usageCount[n])) { _, count in count = Int(usageCount[n]) }
            if let r = reduced {
                r.forEachRun { c, run in
                    for i in run {
                        days[Int(rawStart[c])] = r.day[i]
                        rawStart[c] += 1
                    }
                }
            }
            reduced = nil
        }
        // Then the activity rows are placed, and each customer's days sorted and made
        // distinct, by two threads, each for the customers holding half of the days.
        if let a = activities {
            days.withUnsafeMutableBufferPointer { d in
                rawStart.withUnsafeMutableBufferPointer { r in
                    let (days, rawStart) = (DisjointWrites(d), DisjointWrites(r))
                    DispatchQueue.concurrentPerform(iterations: halves.count) { h in
                        let customers = Self.rows(halves[h])
                        for (c, day) in zip(a.customer, a.day) where customers.contains(c) {
                            days[Int(rawStart[Int(c)])] = day
                            rawStart[Int(c)] += 1
                        }
                    }
                }
            }
        }
        activities = nil
        var usageStart = [Int32](repeating: 0, count: n + 1)
        var ends = [0, 0]
        let (firstPlace, orderPlace) = (usageCount, rawStart)
        days.withUnsafeMutableBufferPointer { d in
            usageStart.withUnsafeMutableBufferPointer { u in
                ends.withUnsafeMutableBufferPointer { e in
                    let (days, usageStart, ends) = (DisjointWrites(d), DisjointWrites(u), DisjointWrites(e))
                    DispatchQueue.concurrentPerform(iterations: halves.count) { h in
                        // Each customer's days (activities, then paid orders) sorted where they
                        // lie, then moved down without repeats: the write position never passes
                        // the read position. The half's days end up from its first place on.
                        var next = Int(firstPlace[halves[h].lowerBound])
                        for c in halves[h] {
                            let (start, end) = (Int(firstPlace[c]), Int(firstPlace[c + 1]))
                            var k = Int(orderPlace[c])
                            for i in Int(orderStart[c])..<Int(orderStart[c + 1]) {
                                days[k] = orderDays[i]
                                k += 1
                            }
                            days.buffer[start..<end].sort()
                            var last = Int32.min
                            for i in start..<end where days[i] != last {
                                last = days[i]
                                days[next] = last
                                next += 1
                            }
                            usageStart[c + 1] = Int32(next)
                        }
                        ends[h] = next
                    }
                }
            }
        }
        // The second half's days move down to follow the first's.
        let (from, to) = (Int(usageCount[halves[1].lowerBound]), ends[0])
        days.withUnsafeMutableBufferPointer { d in
            for i in from..<ends[1] { d[to + i - from] = d[i] }
        }
        for c in halves[1] { usageStart[c + 1] -= Int32(from - to) }
        days.removeLast(days.count - (to + ends[1] - from))
        return (usageStart, days)
    }

    /// Each lead's stage days in the zone, its instants, amount and dimensions.
    private static func leads(_ l: LeadTable, zone: Zone) -> LeadFacts {
        LeadFacts(createdDay: l.createdAt.map { LeadFacts.day(of: $0, in: zone) }, qualifiedDay: l.qualifiedDay, opportunityDay: l.opportunityDay,
                         wonDay: l.wonDay, lostDay: l.lostDay, createdAt: l.createdAt, firstContact: l.firstContact,
                         amount: l.amount, dimensions: [l.channel, l.campaign, l.owner], audienceDimensions: l.audienceDimensions)
    }
}
