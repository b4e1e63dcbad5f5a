/// The customer bridge of one month: start − churned + reactivated + new = end.
public struct Bridge: Sendable, Equatable {
    public let start: Int
    public let churned: Int
    public let reactivated: Int
    /// Signed up in M and live at last(M).
    public let new: Int
    public let end: Int

    public init(month: Month, facts: Facts, window: Int) {
        self.init(Liveness(month: month, facts: facts, window: window, groups: Groups([])))
    }

    /// The whole company's counts of a liveness scan.
    init(_ live: Liveness) {
        (start, churned, reactivated, new, end) = (Int(live.before[0]), Int(live.churned[0]), Int(live.reactivated[0]), live.new, Int(live.after[0]))
    }

    /// The identity METRICS.md promises; false would mean a bug in liveness.
    public var balances: Bool { start - churned + reactivated + new == end }
}
