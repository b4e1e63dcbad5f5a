import Foundation
import Snapshot

/// Runs every family for the 13 months ending the report month, then targets and alerts.
public struct MetricEngine: Sendable {
    let families: [any MetricFamily] = [
        CustomerBaseFamily(), AcquisitionFamily(), MarketingFamily(), OrderFamily(), ValueFamily(),
        LeadFamily(), CompletenessFamily(), ServiceFamily(),
    ]

    public init() {}

    /// Every metric id some family computes under `config`, for the catalog-coverage test.
    public func computedIds(_ config: MetricsConfig) -> [String] { families.flatMap { $0.metricIds(config) } + PredictionMetrics.ids }

    public func run(facts: Facts, config: MetricsConfig, month: Month, targets: TargetTable?, quality: QualityLog, zone: String) -> Report {
        let months = (0..<13).map { month - (12 - $0) }
        let available = families.filter { $0.isAvailable(facts) }
        // One task per (month, family): independent scans, spread over the cores.
        let tasks = months.indices.flatMap { m in available.indices.map { (m, $0) } }
        let catalog = MetricCatalog(definitions: config.definitions)
        let slots = ConcurrentSlots<[String: Computed]>(count: tasks.count)
        let seconds = ConcurrentSlots<Double>(count: tasks.count)
        // The 13 months' fits are independent and spread over the cores on their own
        // (a concurrentPerform nested in the families' one would run serially).
        let predictionStart = DispatchTime.now().uptimeNanoseconds
        let predicted = Prediction.series(months, facts: facts, config: config)
        let predictionSeconds = Double(DispatchTime.now().uptimeNanoseconds - predictionStart) / 1e9
        DispatchQueue.concurrentPerform(iterations: tasks.count) { t in
            let start = DispatchTime.now().uptimeNanoseconds
            defer { seconds.set(t, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
            let (m, f) = tasks[t]
            slots.set(t, available[f].evaluate(months[m], facts: facts, config: config))
        }
        var perMonth = Array(repeating: [String: Computed](), count: months.count)
        for (t, (m, _)) in tasks.enumerated() { perMonth[m].merge(slots.get(t)) { a, _ in a } }
        for m in months.indices { perMonth[m].merge(PredictionMetrics.computed(predicted[m], facts: facts)) { a, _ in a } }

        let targetRows = targets?.rows ?? []
        let evaluator = TargetEvaluator(month: month, nearThreshold: config.definitions.nearThreshold)
        var results: [MetricResult] = []
        var unavailable: [(String, String)] = []
        var outcomes: [TargetOutcome] = []
        for definition in catalog.definitions {
            guard perMonth[0][definition.id] != nil else {
                let missing = definition.sources.first { quality.absentTables.contains($0) } ?? definition.sources[0]
                unavailable.append((definition.id, missing))
                continue
            }
            var result = MetricResult(definition: definition, months: months, computed: perMonth.map { $0[definition.id]! },
                                      target: nil,
                                      targetSeries: months.map { TargetEvaluator.monthlyTarget(targetRows, metric: definition.id, month: $0) })
            let mine = targetRows.filter { $0.metric == definition.id }.compactMap { evaluator.outcome(for: $0, result: result) }
            result.target = mine.filter { $0.slice == nil }.min { $0.scope.rank < $1.scope.rank }
            outcomes += mine
            results.append(result)
        }
        outcomes.sort { ($0.slice == nil ? 0 : 1, $0.metric, $0.scope.rank) < ($1.slice == nil ? 0 : 1, $1.metric, $1.scope.rank) }
        let known = Set(catalog.definitions.map(\.id))
        let unknown = Array(Set(targetRows.map(\.metric)).subtracting(known)).sorted()
        let alerts = config.alerts.compactMap { rule in results.first { $0.id == rule.metric }.flatMap { Alert.evaluate(rule, on: $0) } }
        var report = Report(month: month, months: months, zone: zone, config: config, catalog: catalog, metrics: results,
                      unavailable: unavailable, funnel: facts.leads == nil && facts.visits == nil ? nil : Funnel(month: month, facts: facts, config: config),
                      bridge: Bridge(month: month, facts: facts, window: config.definitions.churnAfterDays),
                      cohorts: CohortGrid(month: month, facts: facts, config: config), rfm: RFMSegments(month: month, facts: facts, config: config),
                      prediction: predicted[predicted.count - 1],
                      targets: outcomes, unknownTargetMetrics: unknown, alerts: alerts, quality: quality)
        report.computeSeconds = ((0..<tasks.count).reduce(0) { $0 + seconds.get($1) }, predictionSeconds)
        return report
    }
}

extension TargetOutcome.Scope {
    /// Month targets take precedence over quarter, quarter over year.
    var rank: Int { self == .month ? 0 : self == .quarter ? 1 : 2 }
}
