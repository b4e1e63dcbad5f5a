/// Lead volume and sales efficiency, sliced by the lead's own channel, campaign and owner.
/// Durations in days are calendar days; in hours, elapsed time.
struct LeadFamily: MetricFamily {
    func metricIds(_ config: MetricsConfig) -> [String] {
        ["new_leads", "won_deals", "won_amount", "win_rate", "sales_cycle_days", "lead_response_hours", "follow_up_timely_rate", "leads_per_owner"]
    }

    func isAvailable(_ facts: Facts) -> Bool { facts.leads != nil }

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig, scans: MonthScans) -> [String: Computed] {
        guard let l = facts.leads else { return [:] }
        let groups = scans.groups(l.dimensions)
        let (start, end) = (facts.start(of: month), facts.start(of: month + 1))
        let sla = Int64((config.definitions.leadResponseSLAHours * 3600).rounded())
        var created = groups.zeros(), won = groups.zeros(), closed = groups.zeros(), amountMinor = groups.exactZeros(), cycleDays = groups.zeros()
        var slaCohort = groups.zeros(), timely = groups.zeros(), owned = groups.zeros()
        var responseHours = [[Double]](repeating: [], count: groups.slotCount)
        var owners = [Set<Int32>](repeating: [], count: groups.slotCount)
        let owner = l.dimensions[2]
        for i in 0..<l.count {
            if month.contains(l.createdDay[i]) {
                groups.add(1, row: i, to: &created)
                let contact = l.firstContactAt(i)
                if contact != Missing.instant, contact < end {
                    let hours = Double(contact - l.createdAt[i]) / 3600
                    for slot in groups.slots(of: i) { responseHours[slot].append(hours) }
                }
                if owner.codes[i] >= 0 {
                    groups.add(1, row: i, to: &owned)
                    for slot in groups.slots(of: i) { owners[slot].insert(owner.codes[i]) }
                }
            }
            if month.contains(l.wonDay[i]) {
                groups.add(1, row: i, to: &won)
                groups.add(1, row: i, to: &closed)
                groups.add(Double(l.wonDay[i] - l.createdDay[i]), row: i, to: &cycleDays)
                if l.amount[i] != Missing.money { groups.add(l.amount[i], row: i, to: &amountMinor) }
            } else if month.contains(l.lostDay[i]) {
                groups.add(1, row: i, to: &closed)
            }
            let due = l.createdAt[i] + sla
            if due >= start, due < end {
                groups.add(1, row: i, to: &slaCohort)
                let contact = l.firstContactAt(i)
                if contact != Missing.instant, contact <= due { groups.add(1, row: i, to: &timely) }
            }
        }
        let ownerCounts = owners.map { Double($0.count) }
        var response = Computed(groups.value { Statistics.median(responseHours[$0]) },
                                inputs: [("leads created in M and contacted by its end", groups.count(responseHours.map { Double($0.count) }))])
        response.inputs.append(("shortest response, hours", groups.value { responseHours[$0].min() }))
        return [
            "new_leads": groups.total(created),
            "won_deals": groups.total(won),
            "won_amount": groups.total(amountMinor.map(config.majorUnits)),
            "win_rate": groups.ratio(won, closed, "won in M", "won or lost in M"),
            "sales_cycle_days": groups.ratio(cycleDays, won, "days from created to won, summed", "leads won in M"),
            "lead_response_hours": response,
            "follow_up_timely_rate": groups.ratio(timely, slaCohort, "contacted within the SLA", "leads with created_at + SLA in M"),
            "leads_per_owner": groups.ratio(owned, ownerCounts, "leads created in M with an owner", "distinct owners"),
        ]
    }
}
