import Foundation

/// Per-month counts of what was generated (month offsets into the period), gathered
/// while generating so that targets sit near the actuals and spend follows lead volume.
struct SampleTally {
    var newCustomers: [Int]
    var newByChannel: [[Int]]
    var revenue: [Int64]
    var orders: [Int]
    var paying: [Int]
    var newLeads: [Int]
    var leadsByChannel: [[Int]]
    var won: [Int]
    var lost: [Int]
    var wonByOwner: [[Int]]
    /// Customers live at the day before each month, and those of them not live at its end.
    var liveStart: [Int]
    var churned: [Int]

    init(months: Int) {
        let zeros = [Int](repeating: 0, count: months)
        newCustomers = zeros
        newByChannel = Array(repeating: zeros, count: SampleStory.channels.count)
        revenue = [Int64](repeating: 0, count: months)
        orders = zeros
        paying = zeros
        newLeads = zeros
        leadsByChannel = Array(repeating: zeros, count: SampleStory.channels.count)
        won = zeros
        lost = zeros
        wonByOwner = Array(repeating: zeros, count: SampleStory.reps.count)
        liveStart = zeros
        churned = zeros
    }

    mutating func countLead(_ lead: SampleLeadRecord, world: SampleWorld) {
        let m = world.month(of: lead.created)
        newLeads[m] += 1
        leadsByChannel[Int(lead.channel)][m] += 1
        if lead.won >= 0 {
            let w = world.month(of: lead.won)
            won[w] += 1
            if lead.owner != 255 { wonByOwner[Int(lead.owner)][w] += 1 }
        }
        if lead.lost >= 0 { lost[world.month(of: lead.lost)] += 1 }
    }
}

/// targets.csv: targets near the actuals (actual × 0.88 … 1.15, rounded like a plan),
/// so a pack shows some met, some near and some missed.
enum SampleTargets {
    static func write(tally: SampleTally, world: SampleWorld, to url: URL) throws {
        let calendar = world.calendar
        var w = try SampleCSVWriter(url: url, header: ["metric", "period", "target", "dimension", "value"], calendar: calendar)
        var r = SampleRandom(seed: world.options.seed, stream: 0xFFFF_FFFF_0000_0007)
        let months = calendar.months
        let first = max(0, months - 13)
        func factor() -> Double { r.uniform(0.88, 1.15) }

        func row(_ metric: String, _ period: String, _ target: String, _ dimension: String = "", _ value: String = "") throws {
            w.text(metric); w.text(period); w.text(target); w.text(dimension); w.text(value)
            try w.endRow()
        }
        func counts(_ metric: String, _ series: [Int], dimension: String = "", value: String = "") throws {
            for m in first..<months {
                try row(metric, calendar.label(m), plan(Double(series[m]) * factor()), dimension, value)
            }
        }

        try counts("new_customers", tally.newCustomers)
        for m in first..<months {
            try row("revenue", calendar.label(m), plan(Double(tally.revenue[m]) / 100 * factor()))
        }
        try counts("orders", tally.orders)
        try counts("paying_customers", tally.paying)
        try counts("new_leads", tally.newLeads)
        try counts("won_deals", tally.won)
        for m in first..<months {
            let decided = tally.won[m] + tally.lost[m]
            if decided > 0 {
                try row("win_rate", calendar.label(m), fraction(Double(tally.won[m]) / Double(decided) * factor(), digits: 2))
            }
        }
        for m in first..<months where tally.liveStart[m] > 0 {
            let rate = Double(tally.churned[m]) / Double(tally.liveStart[m])
            try row("churn_rate", calendar.label(m), fraction(max(0.005, rate * factor()), digits: 3))
        }

        // The quarter of the last month: last year's same quarter plus growth, for the full quarter.
        let (endYear, endMonth) = calendar.yearMonth(months - 1)
        let quarter = (endMonth - 1) / 3
        let quarterMonths = (0..<3).map { months - 1 - (endMonth - 1 - quarter * 3) + $0 }
        let lastYear = quarterMonths.map { $0 - 12 }
        let quarterBase: Double
        if lastYear.allSatisfy({ $0 >= 0 && $0 < months }) {
            quarterBase = lastYear.reduce(0.0) { $0 + Double(tally.revenue[$1]) / 100 } * 1.2
        } else {
            quarterBase = Double(tally.revenue[months - 1]) / 100 * 3.3
        }
        try row("revenue", "\(endYear)-Q\(quarter + 1)", plan(quarterBase * r.uniform(0.95, 1.08)))

        // The year of the last month: last year's full count plus growth, else extrapolated.
        let january = months - endMonth
        let yearBase: Double
        if january - 12 >= 0 {
            yearBase = Double(tally.newCustomers[(january - 12)..<january].reduce(0, +)) * 1.15
        } else {
            let done = tally.newCustomers[max(0, january)..<months].reduce(0, +)
            yearBase = Double(done) * 12 / Double(months - max(0, january))
        }
        try row("new_customers", String(endYear), plan(yearBase * r.uniform(0.95, 1.08)))

        // Slices: referral sign-ups, and the deals of the rep who closes the most.
        try counts("new_customers", tally.newByChannel[3], dimension: "channel", value: SampleStory.channels[3])
        var best = 0
        for o in 1..<SampleStory.reps.count where tally.wonByOwner[o].reduce(0, +) > tally.wonByOwner[best].reduce(0, +) {
            best = o
        }
        try counts("won_deals", tally.wonByOwner[best], dimension: "owner", value: SampleStory.reps[best])
        try w.close()
    }

    /// A planning number: whole for small counts, three significant figures for big ones.
    static func plan(_ x: Double) -> String {
        if x < 1000 { return String(max(1, Int(x.rounded()))) }
        var step = 1.0
        while x / step >= 1000 { step *= 10 }
        return String(Int((x / step).rounded() * step))
    }

    /// A ratio as a fraction with `digits` decimals, written by hand ("0.045").
    static func fraction(_ x: Double, digits: Int) -> String {
        var scale = 1
        for _ in 0..<digits { scale *= 10 }
        let v = max(0, min(scale, Int((x * Double(scale)).rounded())))
        var frac = String(v % scale)
        while frac.count < digits { frac = "0" + frac }
        return String(v / scale) + "." + frac
    }
}
