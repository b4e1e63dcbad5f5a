/// predicted_clv_52w and expected_alive_customers, fitted anew for each month on the
/// orders up to its end, and sliced by the customers' dimensions.
struct PredictionFamily: MetricFamily {
    func metricIds(_ config: MetricsConfig) -> [String] { ["predicted_clv_52w", "expected_alive_customers"] }

    /// The gross margin the predicted value is multiplied by: the month's, else the configured ratio.
    static func margin(_ month: Month, facts: Facts, config: MetricsConfig) -> Double {
        GrossMargin(month: month, facts: facts, config: config, groups: Groups([])).computed.value.total ?? config.definitions.grossMargin
    }

    func evaluate(_ month: Month, facts: Facts, config: MetricsConfig) -> [String: Computed] {
        let margin = Self.margin(month, facts: facts, config: config)
        let prediction = Prediction(month: month, facts: facts, grossMargin: margin, config: config)
        let groups = Groups(facts.customers.dimensions)
        var buyers = groups.zeros(), alive = groups.zeros(), value = groups.zeros()
        for c in 0..<facts.customers.count where prediction.hasHistory[c] {
            groups.add(1, row: c, to: &buyers)
            if !prediction.probabilityAlive.isEmpty { groups.add(prediction.probabilityAlive[c], row: c, to: &alive) }
            if !prediction.expectedValue.isEmpty { groups.add(prediction.expectedValue[c] * margin, row: c, to: &value) }
        }
        let fitted = !prediction.probabilityAlive.isEmpty, valued = !prediction.expectedValue.isEmpty
        let buyerCount = groups.count(buyers)
        return [
            "predicted_clv_52w": Computed(groups.value { valued && buyers[$0] > 0 ? value[$0] / buyers[$0] : nil },
                                          inputs: [("expected 52-week value × gross margin, summed", groups.value { valued ? value[$0] : nil }),
                                                   ("customers with ≥ 1 paid order", buyerCount)]),
            "expected_alive_customers": Computed(groups.value { fitted ? alive[$0] : nil }, inputs: [("customers with ≥ 1 paid order", buyerCount)]),
        ]
    }
}
