/// The customer bridge of one month: start − churned + reactivated + new = end.
public struct Bridge: Sendable, Equatable {
    public let start: Int
    public let churned: Int
    public let reactivated: Int
    /// Signed up in M and live at last(M).
    public let new: Int
    public let end: Int

    public init(month: Month, facts: Facts, window: Int) {
        let f = facts.customers
        let w = Int32(window)
        var start = 0, churned = 0, reactivated = 0, new = 0, end = 0
        for c in 0..<f.count {
            let before = f.isLive(c, on: month.firstDay - 1, window: w)
            let after = f.isLive(c, on: month.lastDay, window: w)
            if before { start += 1 }
            if after { end += 1 }
            if before && !after { churned += 1 }
            if after && !before && f.signupDay[c] < month.firstDay { reactivated += 1 }
            if after && month.contains(f.signupDay[c]) { new += 1 }
        }
        (self.start, self.churned, self.reactivated, self.new, self.end) = (start, churned, reactivated, new, end)
    }

    /// The identity METRICS.md promises; false would mean a bug in liveness.
    public var balances: Bool { start - churned + reactivated + new == end }
}
