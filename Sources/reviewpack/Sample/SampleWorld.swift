import Foundation

/// Everything derived once from the options and the story and then only read:
/// per-day seasonality, per-month service quality, cumulative weight tables and id widths.
struct SampleWorld: Sendable {
    let options: SampleOptions
    let calendar: SampleCalendar
    /// Relative sign-up and lead demand per day of the period, and its running sum.
    let demand: [Double]
    let demandCumulative: [Double]
    /// Relative order propensity per day and its maximum (for thinning).
    let orderBoost: [Double]
    let maxOrderBoost: Double
    /// Service-quality trouble per month, 0 (normal) … 1 (bad): slow tickets, lower NPS, more churn.
    let serviceDip: [Double]
    /// Cumulative share of the day's events by hour (24 entries, last = 1).
    let hourCumulative: [Double]
    let firstYear: Int

    let regionWeights: [Double]
    let industryWeights: [Double]
    let repWeights: [Double]
    let wonMix: [Double]
    let selfServeMix: [Double]
    let tierMix: [[Double]]
    let selfServeTierMix: [Double]
    let productMix: [[Double]]
    let activityMix: [[Double]]
    let ticketKinds: [Double]

    /// Zero-padded digits of customer ids; leaves room for a few ids that do not exist.
    let customerWidth: Int

    init(options: SampleOptions) {
        self.options = options
        let calendar = SampleCalendar(endYear: options.endYear, endMonth: options.endMonth, months: options.months)
        self.calendar = calendar
        firstYear = calendar.yearMonth(0).year
        let festivals = SampleStory.springFestivals.map { SampleCivil.days(year: $0.0, month: $0.1, day: $0.2) }
        let span = Double(max(1, calendar.dayCount - 1))
        var demand: [Double] = []
        var boost: [Double] = []
        for day in calendar.startDay...calendar.endDay {
            let progress = Double(day - calendar.startDay) / span
            demand.append(SampleStory.demand(day: day, progress: progress, festivals: festivals))
            boost.append(SampleStory.orderBoost(day: day, festivals: festivals))
        }
        self.demand = demand
        demandCumulative = SampleWeights.cumulative(demand)
        orderBoost = boost
        maxOrderBoost = boost.max() ?? 1

        // Two rough patches: one a good year back, one in the last full month before the
        // report month (spilling over into it), so NPS and churn visibly move.
        var dip = [Double](repeating: 0, count: options.months)
        let last = options.months - 1
        if last - 15 >= 0 { dip[last - 15] = 1; if last - 14 >= 0 { dip[last - 14] = 0.4 } }
        if last - 1 >= 0 { dip[last - 1] = 1 }
        dip[last] = max(dip[last], 0.6)
        serviceDip = dip

        let hours = SampleStory.hourWeights
        let total = hours.reduce(0, +)
        var running = 0.0
        hourCumulative = hours.map { running += $0; return running / total }

        regionWeights = SampleWeights.cumulative(SampleStory.regionWeights)
        industryWeights = SampleWeights.cumulative(SampleStory.industryWeights)
        repWeights = SampleWeights.cumulative(SampleStory.repWeights)
        wonMix = SampleWeights.cumulative(SampleStory.wonMix)
        selfServeMix = SampleWeights.cumulative(SampleStory.selfServeMix)
        tierMix = SampleStory.tierMix.map(SampleWeights.cumulative)
        selfServeTierMix = SampleWeights.cumulative(SampleStory.selfServeTierMix)
        productMix = SampleStory.productMix.map(SampleWeights.cumulative)
        activityMix = SampleStory.activityMix.map(SampleWeights.cumulative)
        ticketKinds = SampleWeights.cumulative(SampleStory.ticketKindWeights)
        customerWidth = max(6, String(options.customers + 100).count)
    }

    /// Second of the day for a uniform u in [0, 1), following the hour weights.
    /// Monotone in u, so sorted inputs give sorted times.
    func secondOfDay(_ u: Double) -> Int {
        var h = 0
        while h < 23 && hourCumulative[h] <= u { h += 1 }
        let low = h == 0 ? 0 : hourCumulative[h - 1]
        let within = (u - low) / max(1e-12, hourCumulative[h] - low)
        return h * 3600 + min(3599, max(0, Int(within * 3600)))
    }

    /// A random business-like moment on `day`, in local seconds.
    func moment(day: Int, random: inout SampleRandom) -> Int64 {
        Int64(day) * 86_400 + Int64(secondOfDay(random.unit()))
    }

    /// Moves a sales or support action that would fall at night to the next working morning.
    func duringOfficeHours(_ at: Int64, random: inout SampleRandom) -> Int64 {
        let day = at / 86_400
        let second = at - day * 86_400
        if second >= 8 * 3600 && second < 22 * 3600 { return at }
        let morningDay = second >= 22 * 3600 ? day + 1 : day
        return morningDay * 86_400 + 9 * 3600 + Int64(random.int(0, 5400))
    }

    @inline(__always)
    func month(of seconds: Int64) -> Int { calendar.month(ofDay: Int(seconds / 86_400)) }

    /// Service dip of the month holding `day`.
    func dip(day: Int) -> Double { serviceDip[calendar.month(ofDay: day)] }

    /// Order amount in fen: a log-normal list price rounded like a price list, sometimes discounted.
    func price(product: Int, tier: Int, random: inout SampleRandom) -> Int64 {
        var yuan = random.logNormal(median: SampleStory.priceMedian[product][tier], sigma: SampleStory.priceSigma[product])
        yuan = max(99, yuan)
        yuan = yuan >= 5000 ? (yuan / 100).rounded() * 100 : (yuan / 10).rounded() * 10
        var fen = yuan * 100
        if random.chance(0.35) {
            let discounts = [0.95, 0.9, 0.88, 0.85, 0.8]
            fen *= discounts[random.int(discounts.count)]
        }
        return Int64(fen.rounded())
    }
}
