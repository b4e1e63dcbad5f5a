import Foundation

/// Where generated rows go: customers are written straight away (they are generated in
/// sign-up order), the other tables are spilled by month and written in time order later.
struct SampleSinks {
    var customers: SampleCSVWriter
    var orders: SampleSpill<SampleOrderRecord>
    var leads: SampleSpill<SampleLeadRecord>
    var tickets: SampleSpill<SampleTicketRecord>
    var activities: SampleSpill<SampleActivityRecord>
    var surveys: SampleSpill<SampleSurveyRecord>
}

/// One customer's life: profile, the deal that won them, active spells ending in silence
/// (a hazard that falls with tenure), sometimes a win-back, and within each spell
/// activities, orders, tickets and surveys. Each customer has its own random stream.
struct SampleCustomerSimulator {
    let world: SampleWorld
    /// Scratch list of the customer's event days (sign-up, activity, paid order).
    private var events: [Int] = []

    init(world: SampleWorld) {
        self.world = world
        events.reserveCapacity(512)
    }

    mutating func run(index: Int, signupAt: Int64, sinks: inout SampleSinks, tally: inout SampleTally) throws {
        let calendar = world.calendar
        var r = SampleRandom(seed: world.options.seed, stream: UInt64(index))
        let signupDay = Int(signupAt / 86_400)
        let signupMonth = calendar.month(ofDay: signupDay)

        // Profile.
        let leadSourced = r.chance(SampleStory.leadSourcedShare)
        let channel = leadSourced ? r.pick(world.wonMix) : r.pick(world.selfServeMix)
        let tier = leadSourced ? r.pick(world.tierMix[channel]) : r.pick(world.selfServeTierMix)
        let region = r.chance(0.02) ? -1 : r.pick(world.regionWeights)
        let industry = r.chance(0.06) ? -1 : r.pick(world.industryWeights)
        let owner = r.chance(leadSourced ? 0.003 : 0.02) ? -1 : r.pick(world.repWeights)
        let name = SampleNames.customer(tier: tier, region: region, industry: industry, world: world, random: &r)

        sinks.customers.id(67, index + 1, width: world.customerWidth)
        sinks.customers.text(name)
        sinks.customers.timestamp(signupAt)
        sinks.customers.text(SampleStory.channels[channel])
        sinks.customers.text(region >= 0 ? SampleStory.regions[region] : "")
        sinks.customers.text(industry >= 0 ? SampleStory.industries[industry] : "")
        sinks.customers.text(SampleStory.tiers[tier])
        sinks.customers.text(owner >= 0 ? SampleStory.reps[owner] : "")
        try sinks.customers.endRow()
        tally.newCustomers[signupMonth] += 1
        tally.newByChannel[channel][signupMonth] += 1

        events.removeAll(keepingCapacity: true)
        events.append(signupDay)
        let customer = Int32(index)
        let ownerCode: UInt8 = owner >= 0 ? UInt8(owner) : 255
        var lastPaidMonth = -1
        let end = calendar.dataEnd

        /// Emits one order; paid orders count as events and in the tallies.
        func order(at: Int64, product: Int, amount: Int64, mayFail: Bool, r: inout SampleRandom) throws {
            guard at <= end else { return }
            var status: UInt8 = 0
            if mayFail {
                let u = r.unit()
                status = u < SampleStory.refundShare ? 1 : u < SampleStory.refundShare + SampleStory.cancelShare ? 2 : 0
            }
            let cost: Int64 = r.chance(0.005) ? -1
                : Int64((Double(amount) * (1 - SampleStory.margin[product] + r.uniform(-0.05, 0.05))).rounded())
            let day = Int(at / 86_400)
            let m = calendar.month(ofDay: day)
            try sinks.orders.append(SampleOrderRecord(at: at, amount: amount, cost: cost, customer: customer,
                                                      status: status, product: UInt8(product)), month: m)
            if status == 0 {
                events.append(day)
                tally.revenue[m] += amount
                tally.orders[m] += 1
                if lastPaidMonth != m { tally.paying[m] += 1; lastPaidMonth = m }
            }
        }

        // The first order: the won deal (lead-sourced) or a self-serve purchase.
        var firstOrderDay = Int.max
        var firstProduct = SampleStory.firstProduct[tier]
        if tier == 2 && r.chance(0.1) { firstProduct = 1 }
        let dealAmount = world.price(product: firstProduct, tier: tier, random: &r)
        if leadSourced {
            let lead = SampleLeads.wonLead(customer: index, signupAt: signupAt, channel: channel, tier: tier, owner: owner,
                                           amount: dealAmount, world: world, random: &r)
            try sinks.leads.append(lead, month: world.month(of: lead.created))
            tally.countLead(lead, world: world)
            let delay = r.chance(0.7) ? 0 : r.int(1, 5)
            let at = delay == 0 ? signupAt + Int64(r.int(300, 7200)) : world.moment(day: signupDay + delay, random: &r)
            firstOrderDay = Int(at / 86_400)
            try order(at: at, product: firstProduct, amount: dealAmount, mayFail: false, r: &r)
        }
        let payer = leadSourced || r.chance(0.6)
        let selfServeDelay = Int(r.exponential(mean: 8))

        // Habits.
        let gap = min(19, max(2, r.logNormal(median: SampleStory.activityGapMedian[tier], sigma: 0.35)))
        let orderRate = SampleStory.orderRate[tier]
        let ticketRate = SampleStory.ticketRate[tier]
        var lastSlowTicket = Int.min / 2
        var nextSurvey = signupDay + r.int(20, 60)

        var spellStart = signupDay
        var tenure = 0
        var spell = 0
        while true {
            // How long this active spell lasts: month by month against the churn hazard,
            // raised while service is poor.
            var block = spellStart
            var k = tenure
            var spellEnd = calendar.endDay
            var ended = false
            while block <= calendar.endDay {
                let m = calendar.month(ofDay: block)
                let trouble = max(world.serviceDip[m], m > 0 ? world.serviceDip[m - 1] * 0.6 : 0)
                if r.chance(SampleStory.churnHazard(tenureMonth: k) * (1 + 0.9 * trouble)) {
                    spellEnd = min(calendar.endDay, block + r.int(30))
                    ended = true
                    break
                }
                block += 30
                k += 1
            }

            // Activities at fairly regular intervals while active.
            var day = spell > 0 ? spellStart : r.chance(0.85) ? spellStart + r.int(0, 2) : spellStart + r.int(3, 12)
            while day <= spellEnd {
                let extra = r.chance(0.08) ? 2 : 1
                for _ in 0..<extra {
                    var at = world.moment(day: day, random: &r)
                    if at < signupAt { at = min(signupAt + Int64(r.int(60, 3600)), Int64(day) * 86_400 + 86_399) }
                    let type = r.pick(world.activityMix[tier])
                    try sinks.activities.append(SampleActivityRecord(at: at, customer: customer, type: UInt8(type),
                                                                     owner: type >= 2 ? ownerCode : 255),
                                                month: calendar.month(ofDay: day))
                }
                events.append(day)
                day += max(1, Int((gap * r.uniform(0.55, 1.45)).rounded()))
            }

            // Orders: self-serve first purchase, then repeat purchases by thinning against
            // the day's order boost (Double 11, 618, Spring Festival).
            if payer {
                if !leadSourced && spell == 0 && signupDay + selfServeDelay <= spellEnd {
                    let product = r.pick(world.productMix[tier])
                    var at = world.moment(day: signupDay + selfServeDelay, random: &r)
                    if at < signupAt { at = signupAt + Int64(r.int(300, 3600)) }
                    firstOrderDay = Int(at / 86_400)
                    try order(at: at, product: product, amount: world.price(product: product, tier: tier, random: &r),
                              mayFail: true, r: &r)
                }
                if firstOrderDay != Int.max {
                    var t = Double(max(spellStart, firstOrderDay + 1))
                    let mean = 1 / (orderRate * world.maxOrderBoost)
                    while true {
                        t += r.exponential(mean: mean)
                        let d = Int(t)
                        if d > spellEnd { break }
                        if r.chance(world.orderBoost[d - calendar.startDay] / world.maxOrderBoost) {
                            let product = r.pick(world.productMix[tier])
                            try order(at: world.moment(day: d, random: &r), product: product,
                                      amount: world.price(product: product, tier: tier, random: &r), mayFail: true, r: &r)
                        }
                    }
                }
            }

            // Tickets, with a satisfaction survey after many resolved ones.
            var t = Double(spellStart)
            while true {
                t += r.exponential(mean: 1 / ticketRate)
                let d = Int(t)
                if d > spellEnd { break }
                let opened = max(world.moment(day: d, random: &r), signupAt + 600)
                if opened > end { break }
                let dip = world.dip(day: d)
                var responded: Int64 = -1
                var resolved: Int64 = -1
                var hours = 1000.0
                if !r.chance(0.03 + 0.05 * dip) {
                    hours = r.logNormal(median: 10 + 32 * dip, sigma: 0.9)
                    responded = opened + Int64(hours * 3600)
                    if !r.chance(0.05) {
                        resolved = responded + Int64(r.logNormal(median: 18 * (1 + dip), sigma: 1.0) * 3600)
                    }
                }
                if responded > end { responded = -1; resolved = -1 }
                if resolved > end { resolved = -1 }
                let kind = r.pick(world.ticketKinds)
                try sinks.tickets.append(SampleTicketRecord(opened: opened, responded: responded, resolved: resolved,
                                                            customer: customer, kind: UInt8(kind)),
                                         month: calendar.month(ofDay: d))
                if hours > 48 { lastSlowTicket = d }
                if resolved >= 0 && r.chance(0.5) {
                    let at = resolved + Int64(r.int(600, 2 * 86_400))
                    if at <= end {
                        let score = SampleNames.csat(responseHours: hours, random: &r)
                        try sinks.surveys.append(SampleSurveyRecord(at: at, customer: customer, kind: 1, score: UInt8(score)),
                                                 month: world.month(of: at))
                    }
                }
            }

            // Periodic NPS while active; scores drop in bad-service months and after slow tickets.
            if nextSurvey < spellStart { nextSurvey = spellStart + r.int(20, 60) }
            while nextSurvey <= spellEnd {
                if r.chance(0.4) {
                    var mean = 7.9 - 1.3 * world.dip(day: nextSurvey) + (tier == 0 ? 0.3 : 0)
                    if nextSurvey - lastSlowTicket < 60 { mean -= 1.5 }
                    let score = min(10, max(0, Int((mean + 1.8 * r.normal()).rounded())))
                    let at = world.moment(day: nextSurvey, random: &r)
                    try sinks.surveys.append(SampleSurveyRecord(at: at, customer: customer, kind: 0, score: UInt8(score)),
                                             month: calendar.month(ofDay: nextSurvey))
                }
                nextSurvey += r.int(150, 210)
            }

            // Silent from here; some come back after a while (win-back).
            guard ended, spell < SampleStory.winBackChance.count, r.chance(SampleStory.winBackChance[spell]) else { break }
            spellStart = spellEnd + r.int(35, 240)
            if spellStart > calendar.endDay { break }
            tenure = 1
            spell += 1
        }

        countLiveness(signupDay: signupDay, tally: &tally)
    }

    /// Adds this customer to the monthly churn counts: live at the day before the month
    /// and not live at its end (live = an event in the last 30 days).
    private mutating func countLiveness(signupDay: Int, tally: inout SampleTally) {
        events.sort()
        let starts = world.calendar.monthStartDays
        for m in 0..<world.calendar.months {
            let before = starts[m] - 1
            if before < signupDay { continue }
            if isLive(before) {
                tally.liveStart[m] += 1
                if !isLive(starts[m + 1] - 1) { tally.churned[m] += 1 }
            }
        }
    }

    private func isLive(_ day: Int) -> Bool {
        var low = 0, high = events.count
        while low < high {
            let mid = (low + high) / 2
            if events[mid] <= day { low = mid + 1 } else { high = mid }
        }
        return low > 0 && events[low - 1] > day - 30
    }
}
