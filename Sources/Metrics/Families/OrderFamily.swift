/// Revenue, orders, paying customers and revenue per paying customer, from paid orders.
/// Money is summed exactly in minor units and reported in major units.
struct OrderFamily: MetricFamily {
    let metricIds = ["revenue", "orders", "paying_customers", "arpu"]

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig) -> [String: SlicedValue] {
        let f = facts.customers
        let groups = Groups(f.dimensions)
        var revenue = groups.exactZeros()
        var orders = groups.zeros(), paying = groups.zeros()
        for c in 0..<f.count {
            let range = f.orders(c)
            var i = f.orderDays.firstIndex(atLeast: month.firstDay, in: range)
            var count = 0
            var sum: Int64 = 0
            while i < range.upperBound, f.orderDays[i] <= month.lastDay {
                count += 1
                sum += f.orderAmounts[i]
                i += 1
            }
            guard count > 0 else { continue }
            groups.add(Double(count), row: c, to: &orders)
            groups.add(1, row: c, to: &paying)
            groups.add(sum, row: c, to: &revenue)
        }
        let major = revenue.map { config.majorUnits($0) }
        return [
            "revenue": groups.count(major),
            "orders": groups.count(orders),
            "paying_customers": groups.count(paying),
            "arpu": groups.ratio(major, paying),
        ]
    }
}
