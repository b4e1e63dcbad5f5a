/// Satisfaction and service: NPS, CSAT, tickets, complaints, response time and SLA.
/// Surveys and tickets follow their customer's slices.
struct ServiceFamily: MetricFamily {
    func metricIds(_ config: MetricsConfig) -> [String] {
        ["nps", "csat", "tickets", "complaints", "ticket_response_hours", "ticket_resolution_rate"]
    }

    func isAvailable(_ facts: Facts) -> Bool { facts.service.surveys != nil || facts.service.tickets != nil }

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig, scans: MonthScans) -> [String: Computed] {
        let groups = scans.groups(facts.customers.dimensions)
        var out: [String: Computed] = [:]
        if let s = facts.service.surveys {
            var npsResponses = groups.zeros(), netPromoters = groups.zeros(), csatResponses = groups.zeros(), satisfied = groups.zeros()
            for i in 0..<s.count where month.contains(s.day[i]) {
                let c = Int(s.customer[i])
                if s.isNPS[i] {
                    groups.add(1, row: c, to: &npsResponses)
                    if s.score[i] >= 9 { groups.add(1, row: c, to: &netPromoters) } else if s.score[i] <= 6 { groups.add(-1, row: c, to: &netPromoters) }
                } else {
                    groups.add(1, row: c, to: &csatResponses)
                    if s.score[i] >= 4 { groups.add(1, row: c, to: &satisfied) }
                }
            }
            out["nps"] = groups.ratio(netPromoters, npsResponses, "promoters − detractors", "nps responses", scale: 100)
            out["csat"] = groups.ratio(satisfied, csatResponses, "responses scoring 4 or 5", "csat responses", scale: 100)
        }
        if let t = facts.service.tickets {
            let (start, end) = (facts.start(of: month), facts.start(of: month + 1))
            let sla = Int64((config.definitions.ticketSLAHours * 3600).rounded())
            var opened = groups.zeros(), complaints = groups.zeros(), slaCohort = groups.zeros(), resolved = groups.zeros()
            var hours = [[Double]](repeating: [], count: groups.slotCount)
            for i in 0..<t.count {
                let c = Int(t.customer[i])
                if month.contains(t.openedDay[i]) {
                    groups.add(1, row: c, to: &opened)
                    if t.isComplaint[i] { groups.add(1, row: c, to: &complaints) }
                    let response = t.firstResponseAt(i)
                    if response != Missing.instant, response < end {
                        for slot in groups.slots(of: c) { hours[slot].append(Double(response - t.openedAt[i]) / 3600) }
                    }
                }
                let due = t.openedAt[i] + sla
                if due >= start, due < end {
                    groups.add(1, row: c, to: &slaCohort)
                    let resolvedAt = t.resolvedAt(i)
                    if resolvedAt != Missing.instant, resolvedAt <= due { groups.add(1, row: c, to: &resolved) }
                }
            }
            out["tickets"] = groups.total(opened)
            out["complaints"] = groups.total(complaints)
            out["ticket_response_hours"] = Computed(groups.value { Statistics.median(hours[$0]) },
                                                    inputs: [("tickets opened in M answered by its end", groups.count(hours.map { Double($0.count) }))])
            out["ticket_resolution_rate"] = groups.ratio(resolved, slaCohort, "resolved within the SLA", "tickets with opened_at + SLA in M")
        }
        return out
    }
}
