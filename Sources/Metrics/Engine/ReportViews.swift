/// A report month's views beside its metrics: each a scan of its own over the facts.
struct ReportViews: Sendable {
    let funnel: Funnel?
    let cohorts: CohortGrid
    let rfm: RFMSegments

    init(month: Month, facts: Facts, config: MetricsConfig) {
        funnel = facts.leads == nil && facts.visits == nil ? nil : Funnel(month: month, facts: facts, config: config)
        cohorts = CohortGrid(month: month, facts: facts, config: config)
        rfm = RFMSegments(month: month, facts: facts, config: config)
    }
}
