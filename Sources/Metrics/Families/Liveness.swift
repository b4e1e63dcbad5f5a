/// live(c, d) of METRICS.md at the day before M and at its last day, counted per slot: what
/// the customer-base metrics and the bridge are made of, in one scan.
struct Liveness {
    let groups: Groups
    /// Live at first(M) − 1, and at last(M).
    let before: [Double]
    let after: [Double]
    /// Live before and not after.
    let churned: [Double]
    /// Signed up before first(M) and not live at first(M) − 1; `reactivated` are those live at last(M).
    let dormant: [Double]
    let reactivated: [Double]
    /// Signed up in M and live at last(M), in the whole company (the bridge's term).
    let new: Int

    init(month: Month, facts: Facts, window: Int, groups: Groups) {
        let f = facts.customers
        let w = Int32(window)
        let start = month.firstDay - 1, end = month.lastDay
        var before = groups.zeros(), after = groups.zeros(), churned = groups.zeros()
        var dormant = groups.zeros(), reactivated = groups.zeros(), new = 0
        for c in 0..<f.count {
            let wasLive = f.isLive(c, on: start, window: w)
            let isLive = f.isLive(c, on: end, window: w)
            if isLive { groups.add(1, row: c, to: &after) }
            if wasLive { groups.add(1, row: c, to: &before) }
            if wasLive && !isLive { groups.add(1, row: c, to: &churned) }
            if !wasLive && f.signupDay[c] < month.firstDay {
                groups.add(1, row: c, to: &dormant)
                if isLive { groups.add(1, row: c, to: &reactivated) }
            }
            if isLive && month.contains(f.signupDay[c]) { new += 1 }
        }
        (self.groups, self.before, self.after, self.churned) = (groups, before, after, churned)
        (self.dormant, self.reactivated, self.new) = (dormant, reactivated, new)
    }
}
