/// Paid orders: revenue, orders, paying customers, order value, repeat and second
/// purchase, gross margin, revenue concentration and 12-month LTV. Money is summed
/// exactly in minor units and reported in major units.
struct OrderFamily: MetricFamily {
    func metricIds(_ config: MetricsConfig) -> [String] {
        ["revenue", "orders", "paying_customers", "aov", "arpu", "repeat_purchase_rate", "second_purchase_rate",
         "gross_margin", "top20_revenue_share", "ltv_12m"]
    }

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig, scans: MonthScans) -> [String: Computed] {
        let f = facts.customers
        let groups = scans.groups(f.dimensions)
        let (first, last) = (month.firstDay, month.lastDay)
        let repeatFrom = last - Int32(config.definitions.repeatWindowDays) + 1
        let yearFrom = (month - 11).firstDay
        var revenue = groups.exactZeros(), orders = groups.zeros(), paying = groups.zeros()
        var windowBuyers = groups.zeros(), repeaters = groups.zeros(), everBuyers = groups.zeros(), secondBuyers = groups.zeros()
        var yearRevenue = [Int64](repeating: 0, count: f.count)
        for c in 0..<f.count {
            let all = f.orders(c, from: Int32.min, to: last)
            // A customer without a paid order by the month's end adds to no count.
            guard !all.isEmpty else { continue }
            let inMonth = f.orders(c, from: first, to: last)
            if !inMonth.isEmpty {
                groups.add(Double(f.orderCount(inMonth, of: c)), row: c, to: &orders)
                groups.add(1, row: c, to: &paying)
                groups.add(f.cumulativeAmounts[inMonth.upperBound] - f.cumulativeAmounts[inMonth.lowerBound], row: c, to: &revenue)
            }
            let inWindow = f.orderCount(f.orders(c, from: repeatFrom, to: last), of: c)
            if inWindow >= 1 { groups.add(1, row: c, to: &windowBuyers) }
            if inWindow >= 2 { groups.add(1, row: c, to: &repeaters) }
            let toDate = f.orderCount(all, of: c)
            if toDate >= 1 { groups.add(1, row: c, to: &everBuyers) }
            if toDate >= 2 { groups.add(1, row: c, to: &secondBuyers) }
            yearRevenue[c] = f.revenue(c, from: yearFrom, to: last)
        }
        let major = revenue.map { config.majorUnits($0) }
        var out: [String: Computed] = [
            "revenue": groups.total(major),
            "orders": groups.total(orders),
            "paying_customers": groups.total(paying),
            "aov": groups.ratio(major, orders, "revenue", "orders"),
            "arpu": groups.ratio(major, paying, "revenue", "paying_customers"),
            "repeat_purchase_rate": groups.ratio(repeaters, windowBuyers, "customers with ≥ 2 paid orders in the window", "customers with ≥ 1 paid order in the window"),
            "second_purchase_rate": groups.ratio(secondBuyers, everBuyers, "customers with ≥ 2 paid orders by last(M)", "customers with a paid order by last(M)"),
        ]
        let shown = f.dimensions.map(\.name)
        out["gross_margin"] = scans.grossMargin.keeping(shown)
        out["top20_revenue_share"] = Self.topShare(yearRevenue, groups: groups, config: config)
        out["ltv_12m"] = scans.lifetimeValue.keeping(shown)
        return out
    }

    /// The sum of the `k` largest values, which it reorders, by selection: linear time, where
    /// sorting every slot of every month was a tenth of the whole build at a million customers.
    static func sumOfLargest(in values: inout [Int64], _ k: Int) -> Int64 {
        guard k < values.count else { return values.reduce(0, +) }
        guard k > 0 else { return 0 }
        _ = Statistics.select(values.count - k, in: &values)
        return values[(values.count - k)...].reduce(0, +)
    }

    /// Revenue of the top ⌈20 % × n⌉ customers over all revenue, per slot, from each
    /// customer's 12-month revenue. A slot's customers with revenue are gathered one
    /// dimension at a time (a counting sort on the member code), so no list per slot is
    /// grown customer by customer.
    static func topShare(_ revenue: [Int64], groups: Groups, config: MetricsConfig) -> Computed {
        var top = groups.zeros(), all = groups.zeros(), n = groups.zeros()
        func measure(_ values: inout [Int64], slot: Int) {
            guard !values.isEmpty else { return }
            all[slot] = config.majorUnits(values.reduce(0, +))
            n[slot] = Double(values.count)
            top[slot] = config.majorUnits(Self.sumOfLargest(in: &values, (values.count + 4) / 5))
        }
        var paying: [Int32] = [], payingRevenue: [Int64] = []
        paying.reserveCapacity(revenue.count)
        payingRevenue.reserveCapacity(revenue.count)
        for (c, r) in revenue.enumerated() where r > 0 {
            paying.append(Int32(c))
            payingRevenue.append(r)
        }
        for (k, dimension) in groups.dimensions.enumerated() {
            var start = [Int](repeating: 0, count: dimension.members.count + 1)
            for c in paying where dimension.codes[Int(c)] >= 0 { start[Int(dimension.codes[Int(c)]) + 1] += 1 }
            for m in dimension.members.indices { start[m + 1] += start[m] }
            var fill = start
            var values = [Int64](repeating: 0, count: start[dimension.members.count])
            for (c, r) in zip(paying, payingRevenue) where dimension.codes[Int(c)] >= 0 {
                let m = Int(dimension.codes[Int(c)])
                values[fill[m]] = r
                fill[m] += 1
            }
            for m in dimension.members.indices {
                var member = Array(values[start[m]..<start[m + 1]])
                measure(&member, slot: groups.slot(dimension: k, code: m))
            }
        }
        measure(&payingRevenue, slot: 0)
        var computed = groups.ratio(top, all, "revenue of the top ⌈20 % × n⌉ customers", "revenue of all customers, 12 months")
        computed.inputs.append(("n (customers with revenue > 0)", groups.count(n)))
        return computed
    }
}
