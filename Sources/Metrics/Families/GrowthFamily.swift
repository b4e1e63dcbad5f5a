/// New and active customers.
struct GrowthFamily: MetricFamily {
    let metricIds = ["new_customers", "active_customers"]

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig) -> [String: SlicedValue] {
        let f = facts.customers
        let groups = Groups(f.dimensions)
        var new = groups.zeros(), active = groups.zeros()
        for c in 0..<f.count {
            if month.contains(f.signupDay[c]) { groups.add(1, row: c, to: &new) }
            if f.hasUsage(c, from: month.firstDay, to: month.lastDay) { groups.add(1, row: c, to: &active) }
        }
        return ["new_customers": groups.count(new), "active_customers": groups.count(active)]
    }
}
