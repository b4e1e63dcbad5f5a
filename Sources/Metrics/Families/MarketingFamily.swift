/// Marketing spend and what it bought in M: CAC and cost per lead, by channel only.
struct MarketingFamily: MetricFamily {
    func metricIds(_ config: MetricsConfig) -> [String] { ["spend", "cac", "cost_per_lead"] }

    func isAvailable(_ facts: Facts) -> Bool { facts.spend != nil }

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig, scans: MonthScans) -> [String: Computed] {
        guard let spendFacts = facts.spend else { return [:] }
        let channels = ChannelSlices(facts: facts, sliced: scans.sliced)
        let minor = spendFacts.byChannel(month)
        let byChannel = minor.mapValues { config.majorUnits($0) }
        let spend = (total: config.majorUnits(minor.values.reduce(0, +)), byChannel: byChannel)

        let f = facts.customers
        let groups = scans.groups(f.allDimensions.filter { $0.name == "channel" })
        var newPaying = groups.zeros()
        for c in 0..<f.count {
            if let firstOrder = f.firstOrderDay(c), month.contains(firstOrder) { groups.add(1, row: c, to: &newPaying) }
        }
        var out: [String: Computed] = [
            "spend": Computed(channels.value(total: spend.total) { byChannel[$0] ?? 0 }),
            "cac": channels.ratio(spend, (newPaying[0], groups.byMember(newPaying)), "spend", "new_paying_customers"),
        ]
        if let leads = facts.leads {
            let leadGroups = scans.groups([leads.dimensions[0]])
            var created = leadGroups.zeros()
            for i in 0..<leads.count where month.contains(leads.createdDay[i]) { leadGroups.add(1, row: i, to: &created) }
            out["cost_per_lead"] = channels.ratio(spend, (created[0], leadGroups.byMember(created)), "spend", "new_leads")
        }
        return out
    }
}
