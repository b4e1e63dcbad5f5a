/// The BG/NBD and Gamma–Gamma view of one customer's paid orders on or before a day:
/// purchases on the same day merge into one of their summed value; time is in weeks.
///
/// 24 bytes, so that a month's histories of a million customers take 24 MB, not 40.
struct PurchaseHistory {
    /// Repeat purchases: distinct purchase days after the first (``x``).
    private let repeats: Int32
    /// Days from the first to the last purchase day, and from the first to the end day.
    let txDays: Int32
    let ageDays: Int32
    let lastPurchaseDay: Int32
    /// Value of the repeat purchases (minor units, ≥ 0), and its mean per repeat purchase (0 when x = 0).
    let repeatValue: Int64
    var repeatMean: Double { x > 0 ? Double(repeatValue) / Double(x) : 0 }
    var x: Int { Int(repeats) }

    var tx: Double { Double(txDays) / 7 }
    var T: Double { Double(ageDays) / 7 }

    /// nil for a customer with no paid order by `end`.
    @inline(__always) init?(customer c: Int, facts f: CustomerFacts, end: Int32) {
        let orders = f.orders(c, from: Int32.min, to: end)
        guard let firstIndex = orders.first else { return nil }
        let first = f.orderDays[firstIndex]
        var days: Int32 = 0
        var lastDay = first
        for i in orders where f.orderDays[i] != lastDay || i == firstIndex {
            if i != firstIndex { days += 1 }
            lastDay = f.orderDays[i]
        }
        // The value of every order after the first purchase day is repeat value.
        repeatValue = f.cumulativeAmounts[orders.upperBound] - f.cumulativeAmounts[f.orderDays.firstIndex(atLeast: first + 1, in: orders)]
        repeats = days
        txDays = lastDay - first
        ageDays = end - first
        lastPurchaseDay = lastDay
    }
}
