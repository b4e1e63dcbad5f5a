/// Every customer's purchase history at a day, grouped the way the models consume it:
/// customers with equal (x, t_x, T) share one BG/NBD summary (and one P(alive) and expected
/// purchase count), customers with equal (x, repeat value) one Gamma–Gamma summary. A million
/// customers collapse to a few hundred thousand groups; both lists are sorted by key (a radix
/// sort), so the fits see the same data in the same order however the customers were stored.
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
        let histories = (0..<f.count).map { PurchaseHistory(customer: $0, facts: f, end: end) }
        // Customers with a history, ordered by (x, t_x, T) and, for the spend model, by
        // (x, repeat value): consecutive equal keys form one group.
        let buyers = histories.indices.filter { histories[$0] != nil }
        let keys = buyers.map { c in
            let h = histories[c]!
            return UInt128(h.x) << 64 | UInt128(UInt32(h.txDays)) << 32 | UInt128(UInt32(h.ageDays))
        }
        var group = [Int32](repeating: -1, count: f.count)
        var purchases: [BGNBD.Summary] = []
        var last: UInt128?
        for i in RadixOrder.of(keys) {
            let h = histories[buyers[Int(i)]]!
            if keys[Int(i)] != last {
                purchases.append(BGNBD.Summary(x: Double(h.x), tx: h.tx, T: h.T, count: 0))
                last = keys[Int(i)]
            }
            let g = purchases.count - 1
            purchases[g] = BGNBD.Summary(x: purchases[g].x, tx: purchases[g].tx, T: purchases[g].T, count: purchases[g].count + 1)
            group[buyers[Int(i)]] = Int32(g)
        }
        let repeaters = buyers.filter { histories[$0]!.x >= 1 }
        let spendKeys = repeaters.map { c in UInt128(histories[c]!.x) << 64 | UInt128(histories[c]!.repeatValue) }
        var spend: [GammaGamma.Summary] = []
        last = nil
        for i in RadixOrder.of(spendKeys) {
            let h = histories[repeaters[Int(i)]]!
            if spendKeys[Int(i)] != last {
                spend.append(GammaGamma.Summary(x: Double(h.x), mean: majorUnit * h.repeatMean, count: 0))
                last = spendKeys[Int(i)]
            }
            let g = spend.count - 1
            spend[g] = GammaGamma.Summary(x: spend[g].x, mean: spend[g].mean, count: spend[g].count + 1)
        }
        self.histories = histories
        self.group = group
        self.purchases = purchases
        self.spend = spend
    }
}
