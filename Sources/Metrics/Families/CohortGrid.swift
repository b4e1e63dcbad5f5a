/// Cohort retention and revenue triangles: rows are the signup months of the 12 months
/// ending M; cell (C, k) covers month C + k, up to M only.
public struct CohortGrid: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let cohort: Month
        public let size: Int
        /// Share of the cohort with an activity or paid order in month C + k; nil for an empty cohort.
        public let retention: [Double?]
        /// Paid revenue in month C + k per cohort member (major units).
        public let revenuePerMember: [Double?]
    }

    public let rows: [Row]

    public init(month: Month, facts: Facts, config: MetricsConfig) {
        let f = facts.customers
        let first = month - 11
        var size = [Int](repeating: 0, count: 12)
        var active = (0..<12).map { [Int](repeating: 0, count: 12 - $0) }
        var revenue = (0..<12).map { [Int64](repeating: 0, count: 12 - $0) }
        for c in 0..<f.count {
            let row = Int(Month(containing: f.signupDay[c]).index - first.index)
            guard row >= 0, row < 12 else { continue }
            size[row] += 1
            for k in 0..<(12 - row) {
                let m = first + row + k
                if f.hasUsage(c, from: m.firstDay, to: m.lastDay) { active[row][k] += 1 }
                revenue[row][k] += f.revenue(c, from: m.firstDay, to: m.lastDay)
            }
        }
        rows = (0..<12).map { r in
            Row(cohort: first + r, size: size[r],
                retention: active[r].map { size[r] > 0 ? Double($0) / Double(size[r]) : nil },
                revenuePerMember: revenue[r].map { size[r] > 0 ? config.majorUnits($0) / Double(size[r]) : nil })
        }
    }
}
