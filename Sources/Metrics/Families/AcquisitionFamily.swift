/// New, paying and active customers, and the matured signup cohorts: activation,
/// day-N retention and paid conversion. A cohort is the customers whose waiting
/// window closes inside M, so no metric needs data from after M.
struct AcquisitionFamily: MetricFamily {
    func metricIds(_ config: MetricsConfig) -> [String] {
        ["new_customers", "new_paying_customers", "active_customers", "activation_rate"]
            + config.definitions.retentionDays.map { "retention_d\($0)" } + ["paid_conversion_rate"]
    }

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig, scans: MonthScans) -> [String: Computed] {
        let f = facts.customers
        let d = config.definitions
        let groups = scans.groups(f.dimensions)
        let (first, last) = (month.firstDay, month.lastDay)
        let a = Int32(d.activationDays), conversion = Int32(d.conversionDays)
        let retention = d.retentionDays.map { Int32($0) }
        var new = groups.zeros(), newPaying = groups.zeros(), active = groups.zeros()
        var activationCohort = groups.zeros(), activated = groups.zeros()
        var conversionCohort = groups.zeros(), converted = groups.zeros()
        var retentionCohort = retention.map { _ in groups.zeros() }, retained = retention.map { _ in groups.zeros() }
        for c in 0..<f.count {
            let s = f.signupDay[c]
            if month.contains(s) { groups.add(1, row: c, to: &new) }
            if let firstOrder = f.firstOrderDay(c), month.contains(firstOrder) { groups.add(1, row: c, to: &newPaying) }
            if f.hasUsage(c, from: first, to: last) { groups.add(1, row: c, to: &active) }
            if month.contains(s + a - 1) {
                groups.add(1, row: c, to: &activationCohort)
                if f.hasUsage(c, from: s, to: s + a - 1) { groups.add(1, row: c, to: &activated) }
            }
            for (k, n) in retention.enumerated() where month.contains(s + n) {
                groups.add(1, row: c, to: &retentionCohort[k])
                if f.hasUsage(c, from: s + n, to: s + n) { groups.add(1, row: c, to: &retained[k]) }
            }
            if month.contains(s + conversion - 1) {
                groups.add(1, row: c, to: &conversionCohort)
                if let firstOrder = f.firstOrderDay(c), firstOrder <= s + conversion - 1 { groups.add(1, row: c, to: &converted) }
            }
        }
        var out: [String: Computed] = [
            "new_customers": groups.total(new),
            "new_paying_customers": groups.total(newPaying),
            "active_customers": groups.total(active),
            "activation_rate": groups.ratio(activated, activationCohort, "activated within activation_days", "cohort: s + activation_days − 1 in M"),
            "paid_conversion_rate": groups.ratio(converted, conversionCohort, "first paid order by s + conversion_days − 1", "cohort: s + conversion_days − 1 in M"),
        ]
        for (k, n) in retention.enumerated() {
            out["retention_d\(n)"] = groups.ratio(retained[k], retentionCohort[k], "active on day s + \(n)", "cohort: s + \(n) in M")
        }
        return out
    }
}
