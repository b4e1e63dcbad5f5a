/// predicted_clv_52w and expected_alive_customers of one month's prediction, sliced by
/// the customers' dimensions. The fits run once per month, as a task of their own in
/// ``MetricEngine``, not per family call.
enum PredictionMetrics {
    static let ids = ["predicted_clv_52w", "expected_alive_customers"]

    static func computed(_ prediction: Prediction, facts: Facts, scans: MonthScans) -> [String: Computed] {
        let groups = scans.groups(facts.customers.dimensions)
        let margin = prediction.grossMargin
        var buyers = groups.zeros(), alive = groups.zeros(), value = groups.zeros()
        for (b, c) in prediction.buyers.lazy.map({ Int($0) }).enumerated() {
            groups.add(1, row: c, to: &buyers)
            if !prediction.probabilityAlive.isEmpty { groups.add(prediction.probabilityAlive[b], row: c, to: &alive) }
            if !prediction.expectedValue.isEmpty { groups.add(prediction.expectedValue[b] * margin, row: c, to: &value) }
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
