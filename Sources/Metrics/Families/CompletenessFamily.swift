/// data_completeness: the share of customers signed up by last(M) whose every required
/// field is filled in.
struct CompletenessFamily: MetricFamily {
    func metricIds(_ config: MetricsConfig) -> [String] { ["data_completeness"] }

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig, scans: MonthScans) -> [String: Computed] {
        let f = facts.customers
        let groups = scans.groups(f.dimensions)
        // A required field missing from the file entirely is empty for everyone.
        let required = config.requiredFields.map { name in f.allDimensions.first { $0.name == name } }
        var signed = groups.zeros(), complete = groups.zeros()
        for c in 0..<f.count where f.signupDay[c] <= month.lastDay {
            groups.add(1, row: c, to: &signed)
            if required.allSatisfy({ $0.map { $0.codes[c] >= 0 } ?? false }) { groups.add(1, row: c, to: &complete) }
        }
        return ["data_completeness": groups.ratio(complete, signed, "customers with every required field", "customers signed up by last(M)")]
    }
}
