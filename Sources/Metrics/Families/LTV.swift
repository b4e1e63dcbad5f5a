/// ltv_12m: the M−12 signup cohort's paid revenue in its first 365 days, per member.
enum LTV {
    static func computed(month: Month, facts: Facts, config: MetricsConfig, groups: Groups) -> Computed {
        let f = facts.customers
        let cohortMonth = month - 12
        var revenueMinor = groups.exactZeros(), cohort = groups.zeros()
        for c in 0..<f.count where cohortMonth.contains(f.signupDay[c]) {
            let s = f.signupDay[c]
            groups.add(1, row: c, to: &cohort)
            groups.add(f.revenue(c, from: s, to: s + 364), row: c, to: &revenueMinor)
        }
        return groups.ratio(revenueMinor.map(config.majorUnits), cohort, "cohort revenue on days [s, s + 364]", "customers who signed up in \(cohortMonth)")
    }
}
