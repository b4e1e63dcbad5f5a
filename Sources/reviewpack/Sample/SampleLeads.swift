import Foundation

/// Leads: the won lead behind each lead-sourced customer, and the much larger stream of
/// leads that are never won. Stage times only move forward; a stage after the end of
/// the data is simply not reached yet.
enum SampleLeads {
    static let none: Int64 = -1

    /// The won lead of a customer signing up at `signupAt`: won on the sign-up day or
    /// shortly before, its stages spread backwards over a tier-dependent sales cycle.
    static func wonLead(customer: Int, signupAt: Int64, channel: Int, tier: Int, owner: Int, amount: Int64,
                        world: SampleWorld, random r: inout SampleRandom) -> SampleLeadRecord {
        let floor = Int64(world.calendar.startDay) * 86_400
        let signupDay = signupAt / 86_400
        let signupSecond = Int(signupAt - signupDay * 86_400)
        var won: Int64
        if r.chance(0.7) {
            // Same day, earlier, but not before 08:00 (the deal is closed in office hours).
            won = signupAt - Int64(r.int(0, max(0, min(3 * 3600, signupSecond - 8 * 3600))))
        } else {
            won = world.moment(day: Int(signupDay) - r.int(1, 3), random: &r)
        }
        if won < floor { won = floor + (signupAt - floor) / 2 }
        let cycleMedian = [55.0, 28.0, 12.0][tier] * (channel == 3 ? 0.7 : channel == 1 ? 1.2 : 1)
        var created = won - Int64(r.logNormal(median: cycleMedian, sigma: 0.5) * 86_400)
        if created < floor { created = floor + Int64(Double(won - floor) * r.uniform(0, 0.3)) }
        let response = Int64(r.logNormal(median: SampleStory.responseMedianHours[channel], sigma: 1.3) * 3600)
        let contacted = min(world.duringOfficeHours(created + max(60, response), random: &r), created + (won - created) / 3)
        let qualified = contacted + Int64(Double(won - contacted) * r.uniform(0.05, 0.35))
        let opportunity = qualified + Int64(Double(won - qualified) * r.uniform(0.2, 0.7))
        let campaign = SampleStory.campaign(channel: channel, day: Int(created / 86_400), firstYear: world.firstYear, random: &r)
        let leadOwner = owner >= 0 ? owner : r.pick(world.repWeights)
        return SampleLeadRecord(created: created, contacted: contacted, qualified: qualified, opportunity: opportunity,
                                won: won, lost: none, amount: amount, customer: Int32(customer),
                                channel: UInt8(channel), owner: UInt8(leadOwner),
                                campaign: campaign < 0 ? 0xFFFF : UInt16(campaign))
    }

    /// Leads that are never won, day by day and channel by channel, sized so that all
    /// leads together are `leadsPerCustomer` × customers with the story's channel mix.
    static func generateUnwon(world: SampleWorld, spill: inout SampleSpill<SampleLeadRecord>,
                              tally: inout SampleTally) throws {
        let n = Double(world.options.customers)
        var r = SampleRandom(seed: world.options.seed, stream: 0xFFFF_FFFF_0000_0001)
        let totalDemand = world.demandCumulative[world.demandCumulative.count - 1]
        let perChannel = (0..<SampleStory.channels.count).map { c in
            max(0, SampleStory.leadsPerCustomer * n * SampleStory.leadMix[c]
                - n * SampleStory.leadSourcedShare * SampleStory.wonMix[c]) / totalDemand
        }
        let end = world.calendar.dataEnd
        for offset in 0..<world.calendar.dayCount {
            let day = world.calendar.startDay + offset
            for c in 0..<perChannel.count {
                let count = r.poisson(perChannel[c] * world.demand[offset])
                for _ in 0..<count {
                    let lead = unwonLead(day: day, channel: c, world: world, end: end, random: &r)
                    try spill.append(lead, month: world.calendar.month(ofDay: day))
                    tally.countLead(lead, world: world)
                }
            }
        }
    }

    private static func unwonLead(day: Int, channel c: Int, world: SampleWorld, end: Int64,
                                  random r: inout SampleRandom) -> SampleLeadRecord {
        let created = world.moment(day: day, random: &r)
        let owner = r.chance(0.04) ? 255 : r.pick(world.repWeights)
        var contacted = none, qualified = none, opportunity = none, lost = none
        if owner != 255 && r.chance(0.93) {
            let response = Int64(r.logNormal(median: SampleStory.responseMedianHours[c], sigma: 1.3) * 3600)
            contacted = world.duringOfficeHours(created + max(60, response), random: &r)
            if r.chance(SampleStory.qualifyChance[c]) {
                qualified = contacted + Int64(r.uniform(0.3, 7) * 86_400)
                if r.chance(0.5) {
                    opportunity = qualified + Int64(r.uniform(2, 20) * 86_400)
                    if r.chance(0.9) { lost = opportunity + Int64(r.logNormal(median: 20, sigma: 0.6) * 86_400) }
                } else if r.chance(0.5) {
                    lost = qualified + Int64(r.uniform(5, 40) * 86_400)
                }
            } else if r.chance(0.35) {
                lost = contacted + Int64(r.uniform(1, 10) * 86_400)
            }
        }
        // Stages after the end of the data have not happened yet.
        if contacted > end { contacted = none; qualified = none; opportunity = none; lost = none }
        if qualified > end { qualified = none; opportunity = none; lost = none }
        if opportunity > end { opportunity = none; lost = none }
        if lost > end { lost = none }
        let campaign = SampleStory.campaign(channel: c, day: day, firstYear: world.firstYear, random: &r)
        return SampleLeadRecord(created: created, contacted: contacted, qualified: qualified, opportunity: opportunity,
                                won: none, lost: lost, amount: none, customer: -1,
                                channel: UInt8(c), owner: UInt8(owner),
                                campaign: campaign < 0 ? 0xFFFF : UInt16(campaign))
    }
}
