/// Every customer's purchase history at a day, grouped the way the models consume it:
/// customers with equal (x, t_x, T) share one BG/NBD summary (and one P(alive) and expected
/// purchase count), customers with equal (x, repeat mean) one Gamma–Gamma summary. A million
/// customers collapse to a few hundred thousand groups; both lists are sorted by key, so the
/// fits see the same data in the same order however the customers were stored.
struct PurchaseGroups {
    /// Per customer; nil without a paid order by the end day.
    let histories: [PurchaseHistory?]
    /// Per customer, the index of its summary in `purchases` (−1 without history).
    let group: [Int32]
    let purchases: [BGNBD.Summary]
    /// Customers with x ≥ 1, mean repeat values in major units.
    let spend: [GammaGamma.Summary]

    /// - Parameter majorUnit: the value of one minor unit in major units (0.01 for fen → yuan).
    init(facts f: CustomerFacts, end: Int32, majorUnit: Double) {
        var histories = [PurchaseHistory?](repeating: nil, count: f.count)
        // Groups numbered in order of first appearance, renumbered by key below: one hash
        // lookup per customer.
        var slot: [Key: Int32] = [:]
        var keys: [Key] = []
        var counts: [Double] = []
        var firstSeen = [Int32](repeating: -1, count: f.count)
        var spendCounts: [SpendKey: Double] = [:]
        for c in 0..<f.count {
            guard let h = PurchaseHistory(customer: c, facts: f, end: end) else { continue }
            histories[c] = h
            let key = Key(h)
            if let i = slot[key] {
                counts[Int(i)] += 1
                firstSeen[c] = i
            } else {
                firstSeen[c] = Int32(keys.count)
                slot[key] = Int32(keys.count)
                keys.append(key)
                counts.append(1)
            }
            if h.x >= 1 { spendCounts[SpendKey(x: h.x, mean: h.repeatMean), default: 0] += 1 }
        }
        let order = keys.indices.sorted { keys[$0] < keys[$1] }
        var rank = [Int32](repeating: 0, count: keys.count)
        for (r, i) in order.enumerated() { rank[i] = Int32(r) }
        self.histories = histories
        group = firstSeen.map { $0 < 0 ? -1 : rank[Int($0)] }
        purchases = order.map { BGNBD.Summary(x: Double(keys[$0].x), tx: Double(keys[$0].tx) / 7, T: Double(keys[$0].age) / 7, count: counts[$0]) }
        spend = spendCounts.keys.sorted().map { GammaGamma.Summary(x: Double($0.x), mean: majorUnit * $0.mean, count: spendCounts[$0]!) }
    }

    struct Key: Hashable, Comparable {
        let x: Int, tx: Int32, age: Int32
        init(_ h: PurchaseHistory) { x = h.x; tx = h.txDays; age = h.ageDays }
        static func < (a: Key, b: Key) -> Bool { (a.x, a.tx, a.age) < (b.x, b.tx, b.age) }
    }

    struct SpendKey: Hashable, Comparable {
        let x: Int, mean: Double
        static func < (a: SpendKey, b: SpendKey) -> Bool { (a.x, a.mean) < (b.x, b.mean) }
    }
}
