/// (revenue − cost) ÷ revenue over M's paid orders; an order without cost counts at the
/// configured margin, and with no cost anywhere the margin is the configured ratio.
struct GrossMargin {
    let computed: Computed

    init(month: Month, facts: Facts, config: MetricsConfig, groups: Groups) {
        let f = facts.customers
        let g = config.definitions.grossMargin
        // Money is summed exactly; only the configured ratio for uncosted orders is a float.
        var revenueMinor = groups.exactZeros(), costMinor = groups.exactZeros(), uncostedMinor = groups.exactZeros()
        var costed = groups.zeros()
        for c in 0..<f.count {
            for i in f.orders(c, from: month.firstDay, to: month.lastDay) {
                groups.add(f.orderAmount(i), row: c, to: &revenueMinor)
                if f.orderCosts[i] != Missing.money {
                    groups.add(f.orderCosts[i], row: c, to: &costMinor)
                    groups.add(Double(f.orderCount(i..<i + 1, of: c)), row: c, to: &costed)
                } else {
                    groups.add(f.orderAmount(i), row: c, to: &uncostedMinor)
                }
            }
        }
        let revenue = revenueMinor.map(config.majorUnits)
        let cost = (0..<groups.slotCount).map { config.majorUnits(costMinor[$0]) + config.majorUnits(uncostedMinor[$0]) * (1 - g) }
        let value = groups.value { slot in
            guard revenue[slot] > 0 else { return nil }
            return costed[slot] == 0 ? g : (revenue[slot] - cost[slot]) / revenue[slot]
        }
        computed = Computed(value, inputs: [("revenue", groups.count(revenue)), ("cost", groups.count(cost)), ("orders with a cost", groups.count(costed))])
    }
}
