import Foundation

/// Writes the spilled tables in time order (ids follow time, as in a real CRM export)
/// and the small per-day and per-month tables, traffic and spend.
enum SampleTables {
    private static func digits(_ n: Int) -> Int { String(max(0, n)).count }

    /// orders.csv; one row in the third-to-last month is exported twice (a duplicate id).
    static func writeOrders(_ spill: SampleSpill<SampleOrderRecord>, world: SampleWorld, to url: URL) throws {
        let calendar = world.calendar
        let width = max(7, digits(spill.total + 1))
        let statuses = ["paid", "refunded", "cancelled"]
        var w = try SampleCSVWriter(url: url, header: ["order_id", "customer_id", "ordered_at", "amount", "status", "cost", "product"],
                                    calendar: calendar)
        let duplicateMonth = max(0, calendar.months - 3)
        var next = 1
        for m in 0..<calendar.months {
            var records = try spill.take(month: m)
            records.sort { ($0.at, $0.customer, $0.amount) < ($1.at, $1.customer, $1.amount) }
            for (i, o) in records.enumerated() {
                let copies = m == duplicateMonth && i == records.count / 2 ? 2 : 1
                for _ in 0..<copies {
                    w.id(79, next, width: width)
                    w.id(67, Int(o.customer) + 1, width: world.customerWidth)
                    w.timestamp(o.at)
                    w.money(o.amount)
                    w.text(statuses[Int(o.status)])
                    if o.cost < 0 { w.empty() } else { w.money(o.cost) }
                    w.text(SampleStory.products[Int(o.product)])
                    try w.endRow()
                }
                next += 1
            }
        }
        try w.close()
    }

    static func writeLeads(_ spill: SampleSpill<SampleLeadRecord>, world: SampleWorld, to url: URL) throws {
        let calendar = world.calendar
        let width = max(6, digits(spill.total))
        let lastYear = calendar.yearMonth(calendar.months - 1).year
        let campaignCount = SampleStory.campaignNames.count + 3 * (lastYear - world.firstYear + 1)
        let campaigns = (0..<campaignCount).map { SampleStory.campaignName(code: $0, firstYear: world.firstYear) }
        var w = try SampleCSVWriter(url: url, header: ["lead_id", "created_at", "channel", "campaign", "owner", "first_contact_at",
                                                       "qualified_at", "opportunity_at", "won_at", "lost_at", "amount", "customer_id"],
                                    calendar: calendar)
        var next = 1
        for m in 0..<calendar.months {
            var records = try spill.take(month: m)
            records.sort { ($0.created, $0.channel, $0.customer) < ($1.created, $1.channel, $1.customer) }
            for l in records {
                w.id(76, next, width: width)
                next += 1
                w.timestamp(l.created)
                w.text(SampleStory.channels[Int(l.channel)])
                w.text(l.campaign == 0xFFFF ? "" : campaigns[Int(l.campaign)])
                w.text(l.owner == 255 ? "" : SampleStory.reps[Int(l.owner)])
                w.optionalTimestamp(l.contacted)
                w.optionalTimestamp(l.qualified)
                w.optionalTimestamp(l.opportunity)
                w.optionalTimestamp(l.won)
                w.optionalTimestamp(l.lost)
                if l.amount < 0 { w.empty() } else { w.money(l.amount) }
                if l.customer < 0 { w.empty() } else { w.id(67, Int(l.customer) + 1, width: world.customerWidth) }
                try w.endRow()
            }
        }
        try w.close()
    }

    static func writeTickets(_ spill: SampleSpill<SampleTicketRecord>, world: SampleWorld, to url: URL) throws {
        let calendar = world.calendar
        let width = max(5, digits(spill.total))
        var w = try SampleCSVWriter(url: url, header: ["ticket_id", "customer_id", "opened_at", "first_response_at", "resolved_at", "kind"],
                                    calendar: calendar)
        var next = 1
        for m in 0..<calendar.months {
            var records = try spill.take(month: m)
            records.sort { ($0.opened, $0.customer) < ($1.opened, $1.customer) }
            for t in records {
                w.id(84, next, width: width)
                next += 1
                w.id(67, Int(t.customer) + 1, width: world.customerWidth)
                w.timestamp(t.opened)
                w.optionalTimestamp(t.responded)
                w.optionalTimestamp(t.resolved)
                w.text(SampleStory.ticketKinds[Int(t.kind)])
                try w.endRow()
            }
        }
        try w.close()
    }

    static func writeActivities(_ spill: SampleSpill<SampleActivityRecord>, world: SampleWorld, to url: URL) throws {
        let calendar = world.calendar
        let types = SampleStory.activityTypes.map { Array($0.utf8) }
        let reps = SampleStory.reps.map { Array($0.utf8) }
        var w = try SampleCSVWriter(url: url, header: ["customer_id", "at", "type", "owner"], calendar: calendar)
        for m in 0..<calendar.months {
            var records = try spill.take(month: m)
            records.sort { ($0.at, $0.customer, $0.type) < ($1.at, $1.customer, $1.type) }
            for a in records {
                w.id(67, Int(a.customer) + 1, width: world.customerWidth)
                w.timestamp(a.at)
                w.bytes(types[Int(a.type)])
                if a.owner == 255 { w.empty() } else { w.bytes(reps[Int(a.owner)]) }
                try w.endRow()
            }
        }
        try w.close()
    }

    static func writeSurveys(_ spill: SampleSpill<SampleSurveyRecord>, world: SampleWorld, to url: URL) throws {
        let calendar = world.calendar
        var w = try SampleCSVWriter(url: url, header: ["customer_id", "at", "kind", "score"], calendar: calendar)
        for m in 0..<calendar.months {
            var records = try spill.take(month: m)
            records.sort { ($0.at, $0.customer, $0.kind) < ($1.at, $1.customer, $1.kind) }
            for s in records {
                w.id(67, Int(s.customer) + 1, width: world.customerWidth)
                w.timestamp(s.at)
                w.text(s.kind == 0 ? "nps" : "csat")
                w.int(Int(s.score))
                try w.endRow()
            }
        }
        try w.close()
    }

    /// traffic.csv: daily visits of the web channels, following lead demand
    /// (weekends dip less than for sign-ups: people browse on weekends).
    static func writeTraffic(world: SampleWorld, to url: URL) throws {
        let calendar = world.calendar
        var r = SampleRandom(seed: world.options.seed, stream: 0xFFFF_FFFF_0000_0003)
        let totalDemand = world.demandCumulative[world.demandCumulative.count - 1]
        let leads = SampleStory.leadsPerCustomer * Double(world.options.customers)
        var w = try SampleCSVWriter(url: url, header: ["date", "channel", "visits"], calendar: calendar)
        for offset in 0..<calendar.dayCount {
            let day = calendar.startDay + offset
            let weekend = SampleCivil.weekday(days: day) >= 5 ? 1.35 : 1
            for c in SampleStory.trafficChannels {
                let expected = leads * SampleStory.leadMix[c] * world.demand[offset] / totalDemand
                let visits = expected * SampleStory.visitsPerLead[c] * weekend * r.logNormal(median: 1, sigma: 0.12)
                w.date(day: day)
                w.text(SampleStory.channels[c])
                w.int(Int(visits.rounded()))
                try w.endRow()
            }
        }
        try w.close()
    }

    /// spend.csv: monthly spend per channel = leads × cost per lead, dearer in October and
    /// November when everyone bids for Double 11; rounded to 100 yuan like a budget line.
    static func writeSpend(tally: SampleTally, world: SampleWorld, to url: URL) throws {
        let calendar = world.calendar
        var r = SampleRandom(seed: world.options.seed, stream: 0xFFFF_FFFF_0000_0005)
        var w = try SampleCSVWriter(url: url, header: ["month", "channel", "amount"], calendar: calendar)
        for m in 0..<calendar.months {
            let month = calendar.yearMonth(m).month
            let peak = month == 10 || month == 11 ? 1.2 : 1
            for c in 0..<SampleStory.channels.count {
                let yuan = Double(tally.leadsByChannel[c][m]) * SampleStory.costPerLead[c] * peak * r.uniform(0.92, 1.08)
                w.text(calendar.label(m))
                w.text(SampleStory.channels[c])
                w.money(Int64((yuan / 100).rounded()) * 10_000)
                try w.endRow()
            }
        }
        try w.close()
    }
}
