/// RFM segments as of last(M): customers with a paid order in the rfm window, split by
/// recency, frequency and monetary value at the mean (or median) of those customers.
/// Thresholds are compared exactly, as rationals; ties go to "high".
public struct RFMSegments: Sendable, Equatable {
    public struct Segment: Sendable, Equatable {
        public let key: String
        public let nameZh: String
        public let nameEn: String
        public let customers: Int
        public let share: Double?
        /// Revenue in the window, major units.
        public let revenue: Double
        public let revenueShare: Double?
        public let meanRecencyDays: Double?
        public let meanFrequency: Double?
        public let meanMonetary: Double?
    }

    /// (R high, F high, M high) → names, in the order of METRICS.md.
    static let names: [(key: String, zh: String, en: String)] = [
        ("HHH", "重要价值客户", "Champions"), ("HLH", "重要发展客户", "Promising high-value"),
        ("LHH", "重要保持客户", "Loyal at risk"), ("LLH", "重要挽留客户", "High-value lapsing"),
        ("HHL", "一般价值客户", "Regulars"), ("HLL", "一般发展客户", "New / occasional"),
        ("LHL", "一般保持客户", "Fading regulars"), ("LLL", "一般挽留客户", "Lost low-value"),
    ]

    public let segments: [Segment]
    /// Customers in the window.
    public let n: Int
    /// The thresholds as decimals (for display; comparisons were exact).
    public let thresholds: (recency: Double, frequency: Double, monetary: Double)?

    public init(month: Month, facts: Facts, config: MetricsConfig) {
        let f = facts.customers
        let last = month.lastDay
        let from = last - Int32(config.definitions.rfmWindowDays) + 1
        var r: [Int64] = [], fr: [Int64] = [], m: [Int64] = []
        // Reserved once (pages never written cost nothing): growing by doubling would hold both copies while they move.
        r.reserveCapacity(f.count)
        fr.reserveCapacity(f.count)
        m.reserveCapacity(f.count)
        for c in 0..<f.count {
            let orders = f.orders(c, from: from, to: last)
            guard !orders.isEmpty else { continue }
            r.append(Int64(last - f.orderDays[orders.upperBound - 1]))
            fr.append(Int64(f.orderCount(orders, of: c)))
            m.append(f.cumulativeAmounts[orders.upperBound] - f.cumulativeAmounts[orders.lowerBound])
        }
        let n = r.count
        self.n = n
        let median = config.definitions.rfmThresholdMedian
        // A threshold as numerator / denominator: the mean is Σ / n, the median (a + b) / 2 or a / 1.
        func threshold(_ values: [Int64]) -> (Int128, Int128) {
            if !median { return (Int128(values.reduce(0, +)), Int128(values.count)) }
            let s = values.sorted(), mid = s.count / 2
            return s.count % 2 == 1 ? (Int128(s[mid]), 1) : (Int128(s[mid - 1]) + Int128(s[mid]), 2)
        }
        var counts = [String: (customers: Int, revenue: Int64, r: Int64, f: Int64)]()
        if n > 0 {
            let (tr, tf, tm) = (threshold(r), threshold(fr), threshold(m))
            for i in 0..<n {
                let rHigh = Int128(r[i]) * tr.1 <= tr.0
                let fHigh = Int128(fr[i]) * tf.1 >= tf.0
                let mHigh = Int128(m[i]) * tm.1 >= tm.0
                let key = (rHigh ? "H" : "L") + (fHigh ? "H" : "L") + (mHigh ? "H" : "L")
                var entry = counts[key] ?? (0, 0, 0, 0)
                entry.customers += 1
                entry.revenue += m[i]
                entry.r += r[i]
                entry.f += fr[i]
                counts[key] = entry
            }
            self.thresholds = (Double(tr.0) / Double(tr.1), Double(tf.0) / Double(tf.1), config.majorUnits(1) * Double(tm.0) / Double(tm.1))
        } else {
            self.thresholds = nil
        }
        let totalRevenue = m.reduce(0, +)
        segments = Self.names.map { name in
            let e = counts[name.key] ?? (0, 0, 0, 0)
            let k = Double(e.customers)
            return Segment(key: name.key, nameZh: name.zh, nameEn: name.en, customers: e.customers,
                           share: n > 0 ? k / Double(n) : nil, revenue: config.majorUnits(e.revenue),
                           revenueShare: totalRevenue > 0 ? Double(e.revenue) / Double(totalRevenue) : nil,
                           meanRecencyDays: k > 0 ? Double(e.r) / k : nil, meanFrequency: k > 0 ? Double(e.f) / k : nil,
                           meanMonetary: k > 0 ? config.majorUnits(e.revenue) / k : nil)
        }
    }

    public static func == (a: RFMSegments, b: RFMSegments) -> Bool { a.segments == b.segments && a.n == b.n }
}
