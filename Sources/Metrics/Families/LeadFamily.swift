/// Lead volume and sales outcomes, sliced by the lead's own channel, campaign and owner.
struct LeadFamily: MetricFamily {
    let metricIds = ["new_leads", "won_deals", "win_rate"]

    func isAvailable(_ facts: Facts) -> Bool { facts.leads != nil }

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig) -> [String: SlicedValue] {
        guard let l = facts.leads else { return [:] }
        let groups = Groups(l.dimensions)
        var created = groups.zeros(), won = groups.zeros(), closed = groups.zeros()
        for i in 0..<l.count {
            if month.contains(l.createdDay[i]) { groups.add(1, row: i, to: &created) }
            if month.contains(l.wonDay[i]) {
                groups.add(1, row: i, to: &won)
                groups.add(1, row: i, to: &closed)
            } else if month.contains(l.lostDay[i]) {
                groups.add(1, row: i, to: &closed)
            }
        }
        return ["new_leads": groups.count(created), "won_deals": groups.count(won), "win_rate": groups.ratio(won, closed)]
    }
}
