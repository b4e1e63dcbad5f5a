/// What a customer is worth against what it cost to win one, over the 12 months ending
/// M, by channel: cac_12m, ltv_cac, payback_months, roas_12m.
struct ValueFamily: MetricFamily {
    func metricIds(_ config: MetricsConfig) -> [String] { ["cac_12m", "ltv_cac", "payback_months", "roas_12m"] }

    func isAvailable(_ facts: Facts) -> Bool { facts.spend != nil }

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig, scans: MonthScans) -> [String: Computed] {
        guard let spendFacts = facts.spend else { return [:] }
        let channels = ChannelSlices(facts: facts, sliced: scans.sliced)
        let window = (0..<12).map { month - (11 - $0) }
        let (from, to) = (window[0].firstDay, month.lastDay)
        let monthStarts = window.map(\.firstDay)
        var spendMinor: [String: Int64] = [:]
        for m in window {
            for (channel, amount) in spendFacts.byChannel(m) { spendMinor[channel, default: 0] += amount }
        }
        let spend = (total: config.majorUnits(spendMinor.values.reduce(0, +)), byChannel: spendMinor.mapValues(config.majorUnits))

        let f = facts.customers
        let groups = scans.groups(f.allDimensions.filter { $0.name == "channel" })
        var newPaying = groups.zeros(), payingMonths = groups.zeros()
        var revenueMinor = groups.exactZeros(), cohortRevenueMinor = groups.exactZeros()
        for c in 0..<f.count {
            if let firstOrder = f.firstOrderDay(c), firstOrder >= from, firstOrder <= to { groups.add(1, row: c, to: &newPaying) }
            let orders = f.orders(c, from: from, to: to)
            guard !orders.isEmpty else { continue }
            let amount = f.cumulativeAmounts[orders.upperBound] - f.cumulativeAmounts[orders.lowerBound]
            groups.add(amount, row: c, to: &revenueMinor)
            // Months in which the customer paid: their sum over the window is Σ paying_customers.
            // Order days ascend, so the month moves forward along the window's first days
            // (a civil date per order was a tenth of the family's time).
            var months = 0.0
            var paidMonth = -1
            for i in orders {
                var m = max(paidMonth, 0)
                while m + 1 < monthStarts.count, monthStarts[m + 1] <= f.orderDays[i] { m += 1 }
                if m != paidMonth { months += 1; paidMonth = m }
            }
            groups.add(months, row: c, to: &payingMonths)
            if f.signupDay[c] >= from, f.signupDay[c] <= to { groups.add(amount, row: c, to: &cohortRevenueMinor) }
        }
        let revenue = revenueMinor.map(config.majorUnits), cohortRevenue = cohortRevenueMinor.map(config.majorUnits)
        let paid = (total: newPaying[0], byChannel: groups.byMember(newPaying))
        let cac = channels.ratio(spend, paid, "spend, 12 months", "new paying customers, 12 months")
        let margin = scans.grossMargin.value, ltv = scans.lifetimeValue.value
        func slice(_ v: SlicedValue, _ channel: String?) -> Double? {
            guard let channel else { return v.total }
            return v.value(for: Slice(dimension: "channel", value: channel)) ?? nil
        }
        let ltvValues = channels.value(total: ltv.total) { slice(ltv, $0) }
        let marginValues = channels.value(total: margin.total) { slice(margin, $0) }
        func ltvCac(_ channel: String?) -> Double? {
            guard let l = slice(ltvValues, channel), let g = slice(marginValues, channel), let k = slice(cac.value, channel), k > 0 else { return nil }
            return l * g / k
        }
        let revenueByChannel = groups.byMember(revenue), monthsByChannel = groups.byMember(payingMonths)
        func payback(_ channel: String?) -> Double? {
            let r = channel.map { revenueByChannel[$0] ?? 0 } ?? revenue[0]
            let n = channel.map { monthsByChannel[$0] ?? 0 } ?? payingMonths[0]
            guard let k = slice(cac.value, channel), let g = slice(marginValues, channel), n > 0, r > 0, g > 0 else { return nil }
            return k / (g * r / n)
        }
        let avgRevenue = channels.value(total: payingMonths[0] > 0 ? revenue[0] / payingMonths[0] : nil) { name in
            let n = monthsByChannel[name] ?? 0
            return n > 0 ? (revenueByChannel[name] ?? 0) / n : nil
        }
        return [
            "cac_12m": cac,
            "ltv_cac": Computed(channels.value(total: ltvCac(nil)) { ltvCac($0) },
                                inputs: [("ltv_12m", ltvValues), ("gross_margin", marginValues), ("cac_12m", cac.value)]),
            "payback_months": Computed(channels.value(total: payback(nil)) { payback($0) },
                                       inputs: [("cac_12m", cac.value), ("gross_margin", marginValues),
                                                ("revenue per paying customer-month, 12 months", avgRevenue)]),
            "roas_12m": channels.ratio((cohortRevenue[0], groups.byMember(cohortRevenue)), spend,
                                       "revenue from customers who signed up in the 12 months", "spend, 12 months"),
        ]
    }
}
