/// Every customer's purchase history at a day, grouped the way the models consume it:
/// customers with equal (x, t_x, T) share one BG/NBD summary (and one P(alive) and expected
/// purchase count), customers with equal (x, repeat value) one Gamma–Gamma summary. A million
/// customers collapse to a few hundred thousand groups; both lists are sorted by key (a radix
/// sort), so the fits see the same data in the same order however the customers were stored.
struct PurchaseGroups {
    /// The customers with a paid order by the end day, ascending: only they have a history.
    let buyers: [Int32]
    /// Per buyer, in the order of `buyers`, the index of its summary in `purchases`.
    let group: [Int32]
    /// Per buyer, the index of its summary in `spend`, or −1 when it bought on one day only (x = 0).
    let spendGroup: [Int32]
    /// Per buyer, its last purchase day (for the recency curve and the at-risk list). Kept,
    /// with `spendGroup` (8 bytes a buyer), so that the prediction does not work each buyer's
    /// ``PurchaseHistory`` out again from its orders after the fits.
    let lastPurchaseDay: [Int32]
    let purchases: [BGNBD.Summary]
    /// Customers with x ≥ 1, mean repeat values in major units.
    let spend: [GammaGamma.Summary]

    /// - Parameter majorUnit: the value of one minor unit in major units (0.01 for fen → yuan).
    init(facts f: CustomerFacts, end: Int32, majorUnit: Double) {
        var buyers: [Int32] = [], histories: [PurchaseHistory] = []
        // Reserved once: growing by doubling would hold both copies while they move.
        buyers.reserveCapacity(f.count)
        histories.reserveCapacity(f.count)
        var largest = (x: 0, txDays: Int32(0), ageDays: Int32(0))
        for c in 0..<f.count {
            guard let h = PurchaseHistory(customer: c, facts: f, end: end) else { continue }
            buyers.append(Int32(c))
            histories.append(h)
            largest = (max(largest.x, h.x), max(largest.txDays, h.txDays), max(largest.ageDays, h.ageDays))
        }
        // Histories ordered by (x, t_x, T) and, for the spend model, by (x, repeat value):
        // consecutive equal keys form one group. Each part of a key takes only the bits its
        // largest value needs, so the radix sort makes as few passes as the data allows
        // (three, not seven, for a million customers), and keys take 8 bytes when they fit.
        let xBits = Self.bits(largest.x)
        let txBits = Self.bits(Int(largest.txDays))
        let ageBits = Self.bits(Int(largest.ageDays))
        func purchaseKey<Key: FixedWidthInteger & UnsignedInteger>(_ h: PurchaseHistory, _: Key.Type) -> Key {
            Key(h.x) << (txBits + ageBits) | Key(h.txDays) << ageBits | Key(h.ageDays)
        }
        let purchaseRuns = xBits + txBits + ageBits <= 64 ? RadixOrder.runs(histories.map { purchaseKey($0, UInt64.self) })
                                                          : RadixOrder.runs(histories.map { purchaseKey($0, UInt128.self) })
        var group = [Int32](repeating: 0, count: buyers.count)
        for (g, run) in purchaseRuns.enumerated() {
            for b in run { group[Int(b)] = Int32(g) }
        }
        purchases = purchaseRuns.map { run in
            let h = histories[Int(run.first!)]
            return BGNBD.Summary(x: Double(h.x), tx: h.tx, T: h.T, count: Double(run.count))
        }
        let repeaters = histories.indices.compactMap { histories[$0].x >= 1 ? Int32($0) : nil }
        let valueBits = Self.bits(repeaters.reduce(0) { max($0, Int(histories[Int($1)].repeatValue)) })
        func spendKey<Key: FixedWidthInteger & UnsignedInteger>(_ h: PurchaseHistory, _: Key.Type) -> Key { Key(h.x) << valueBits | Key(h.repeatValue) }
        let spendRuns = xBits + valueBits <= 64 ? RadixOrder.runs(repeaters.map { spendKey(histories[Int($0)], UInt64.self) })
                                                : RadixOrder.runs(repeaters.map { spendKey(histories[Int($0)], UInt128.self) })
        spend = spendRuns.map { run in
            let h = histories[Int(repeaters[Int(run.first!)])]
            return GammaGamma.Summary(x: Double(h.x), mean: majorUnit * h.repeatMean, count: Double(run.count))
        }
        var spendGroup = [Int32](repeating: -1, count: buyers.count)
        for (g, run) in spendRuns.enumerated() {
            for r in run { spendGroup[Int(repeaters[Int(r)])] = Int32(g) }
        }
        (self.buyers, self.group, self.spendGroup, lastPurchaseDay) = (buyers, group, spendGroup, histories.map(\.lastPurchaseDay))
    }

    /// The bits a value ≥ 0 takes.
    private static func bits(_ value: Int) -> Int { Int.bitWidth - value.leadingZeroBitCount }
}
