import Foundation
import Synchronization

/// Runs every family for the 13 months ending the report month, then targets and alerts.
public struct MetricEngine: Sendable {
    let families: [any MetricFamily] = [
        CustomerBaseFamily(), AcquisitionFamily(), MarketingFamily(), OrderFamily(), ValueFamily(),
        LeadFamily(), CompletenessFamily(), ServiceFamily(),
    ]

    /// The workers that fit before anything else; nil: half of them from
    /// ``largeCustomerBase`` customers on, else all. A test sets none, so that one helper fits every month.
    var dedicatedFitters: Int? = nil
    /// Whether the process may take on so many more bytes without raising its peak
    /// (``MemoryHeadroom``); a test answers for it.
    var headroom: @Sendable (Int) -> Bool = MemoryHeadroom.allows

    public init() {}

    /// Every metric id some family computes under `config`, for the catalog-coverage test.
    public func computedIds(_ config: MetricsConfig) -> [String] { families.flatMap { $0.metricIds(config) } + PredictionMetrics.ids }

    public func run(facts: Facts, config: MetricsConfig, month: Month, targets: TargetTable?, quality: QualityLog, zone: String,
                    everyMonthSliced: Bool = false) -> Report {
        run(facts: facts, config: config, months: [month], targets: targets, quality: quality, zone: zone, everyMonthSliced: everyMonthSliced)[0]
    }

    /// One report per month in `reportMonths`. Every month any report shows is computed
    /// once, however many of the reports' 13-month windows hold it, so a backfill costs
    /// little more than its latest month; each report shows the same numbers as the one built
    /// for its month alone (a window month that is another report's own carries slices too).
    ///
    /// Only the months whose slices something reads are sliced (``slicedMonths``), or all of
    /// them with `everyMonthSliced` (`explain` shows a slice's 13 months): the other months'
    /// values are totals alone, which is all a series shows.
    public func run(facts: Facts, config: MetricsConfig, months reportMonths: [Month], targets: TargetTable?, quality: QualityLog,
                    zone: String, everyMonthSliced: Bool = false, progress: (@Sendable (Int, Int) -> Void)? = nil) -> [Report] {
        let months = Array(Set(reportMonths.flatMap { Self.window($0) })).sorted()
        let index = Dictionary(uniqueKeysWithValues: months.enumerated().map { ($1, $0) })
        let available = families.filter { $0.isAvailable(facts) }
        // One pool for the whole run, so every core stays busy from the start, its tasks the
        // largest first so that it ends on small ones: each month's fits (the latest month,
        // with the most buyers, first), then each report month's views (funnel, cohorts,
        // segments: 20 ms at 100 k customers that one worker drew alone when they came last),
        // then one task per (month, family). A month's fits hold arrays over every buyer: for
        // a large customer base only half the workers fit, one month at a time each, while
        // the others take the views and families (which then cost about as much); one of those
        // then fits the months still waiting, when the memory allows it (below). For a small
        // customer base, where fits are most of the work, every worker fits.
        enum Task { case prediction(Int), family(Int, Int), views(Int) }
        let tasks = months.indices.reversed().map { Task.prediction($0) } + reportMonths.indices.map { Task.views($0) }
            + months.indices.flatMap { m in available.indices.map { Task.family(m, $0) } }
        let sliced = everyMonthSliced ? Set(months) : Self.slicedMonths(reportMonths, alerts: config.alerts, targets: targets)
        let scans = months.map { MonthScans(month: $0, facts: facts, config: config, sliced: sliced.contains($0)) }
        let slots = ConcurrentSlots<[String: Computed]>(count: tasks.count)
        let predictions = ConcurrentSlots<Prediction>(count: months.count)
        let views = ConcurrentSlots<ReportViews>(count: reportMonths.count)
        let seconds = ConcurrentSlots<Double>(count: tasks.count)
        let done = Atomic<Int>(0)
        let nextPrediction = Atomic<Int>(0), nextFamily = Atomic<Int>(months.count)
        let workers = max(2, ProcessInfo.processInfo.activeProcessorCount)
        let fitters = dedicatedFitters ?? (facts.customers.count >= Self.largeCustomerBase ? workers / 2 : workers)
        // Counted against the peak: a fit for every fitter (one between months holds none,
        // and may start its next one meanwhile) and the helper's own.
        let fitBytes = (fitters + 1) * facts.customers.count * Self.fitBytesPerCustomer
        let helping = Atomic<Bool>(false)
        @Sendable func perform(_ t: Int) {
            let start = DispatchTime.now().uptimeNanoseconds
            switch tasks[t] {
            case .prediction(let m):
                let prediction = Prediction(month: months[m], facts: facts, config: config, grossMargin: scans[m].grossMargin.value.total)
                slots.set(t, PredictionMetrics.computed(prediction, facts: facts, scans: scans[m]))
                // Only a report month's prediction is shown, and never its per-customer values.
                if reportMonths.contains(months[m]) { predictions.set(m, prediction.withoutCustomers()) }
            case .family(let m, let f):
                slots.set(t, available[f].evaluate(months[m], facts: facts, config: config, scans: scans[m]))
            case .views(let r):
                views.set(r, ReportViews(month: reportMonths[r], facts: facts, config: config))
            }
            seconds.set(t, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
            progress?(done.add(1, ordering: .relaxed).newValue, tasks.count)
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            if worker < fitters {
                while case let t = nextPrediction.add(1, ordering: .relaxed).oldValue, t < months.count { perform(t) }
            }
            while case let t = nextFamily.add(1, ordering: .relaxed).oldValue, t < tasks.count { perform(t) }
            // Out of families while months are still to be fitted: the fitters would end them
            // alone. One other worker helps, and only in memory the build has already held (a
            // build from CSV files peaks while it reads, far above what its metrics hold).
            guard worker >= fitters, nextPrediction.load(ordering: .relaxed) < months.count,
                  helping.compareExchange(expected: false, desired: true, ordering: .relaxed).exchanged else { return }
            while nextPrediction.load(ordering: .relaxed) < months.count, headroom(fitBytes),
                  case let t = nextPrediction.add(1, ordering: .relaxed).oldValue, t < months.count {
                perform(t)
            }
        }
        var perMonth = Array(repeating: [String: Computed](), count: months.count)
        for (t, task) in tasks.enumerated() {
            switch task {
            case .prediction(let m), .family(let m, _): perMonth[m].merge(slots.get(t)) { a, _ in a }
            case .views: continue
            }
        }
        // A month that ends before the data's first day has no data: no value, not zero.
        for m in months.indices where facts.dataDays.map({ months[m].lastDay < $0.lowerBound }) ?? true {
            perMonth[m] = perMonth[m].mapValues(\.beforeTheData)
        }
        var cpu = (families: 0.0, predictions: 0.0)
        for (t, task) in tasks.enumerated() {
            switch task {
            case .prediction: cpu.predictions += seconds.get(t)
            case .family: cpu.families += seconds.get(t)
            case .views: continue
            }
        }
        return reportMonths.enumerated().map { r, month in
            let window = Self.window(month).map { index[$0]! }
            var report = assemble(month: month, facts: facts, config: config, perMonth: window.map { perMonth[$0] }, views: views.get(r),
                                  prediction: predictions.get(window.last!), bridge: Bridge(scans[window.last!].live),
                                  targets: targets, quality: quality, zone: zone)
            report.computeSeconds = cpu
            return report
        }
    }

    /// The months whose slices a report reads: its own month (the slices it shows), the month
    /// before when an alert names a slice (the change it watches), and the months to date of
    /// a quarter or year whose target names a slice (their sum). Slicing every customer by
    /// every dimension in every month of the window was 30–40 % of the families' work.
    static func slicedMonths(_ reportMonths: [Month], alerts: [AlertRule], targets: TargetTable?) -> Set<Month> {
        var sliced = Set(reportMonths)
        for report in reportMonths {
            if alerts.contains(where: { $0.slice != nil }) { sliced.insert(report - 1) }
            for row in targets?.rows ?? [] where row.slice != nil {
                let first: Month
                switch row.period {
                case .month: continue
                case .quarter(let year, let quarter):
                    guard year == report.year, quarter == report.quarter else { continue }
                    first = Month(year: year, month: quarter * 3 - 2)
                case .year(let year):
                    guard year == report.year else { continue }
                    first = Month(year: year, month: 1)
                }
                var m = first
                while m < report { sliced.insert(m); m = m + 1 }
            }
        }
        return sliced
    }

    /// Customers from which a month's fits hold enough (about 60 bytes a buyer) for two at
    /// once to matter beside the facts.
    static let largeCustomerBase = 500_000

    /// What a month's fits hold at most, per customer (about 60 bytes a buyer, with room).
    static let fitBytesPerCustomer = 80

    /// The 13 months ending `month`, oldest first.
    static func window(_ month: Month) -> [Month] { (0..<13).map { month - (12 - $0) } }

    /// One month's report from its window's computed metrics, its views and its bridge,
    /// with the month's targets and alerts.
    private func assemble(month: Month, facts: Facts, config: MetricsConfig, perMonth: [[String: Computed]], views: ReportViews, prediction: Prediction,
                          bridge: Bridge, targets: TargetTable?, quality: QualityLog, zone: String) -> Report {
        let months = Self.window(month)
        let catalog = MetricCatalog(definitions: config.definitions)
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
        return Report(month: month, months: months, zone: zone, config: config, catalog: catalog, metrics: results,
                      unavailable: unavailable, funnel: views.funnel, bridge: bridge, cohorts: views.cohorts, rfm: views.rfm,
                      prediction: prediction,
                      targets: outcomes, unknownTargetMetrics: unknown, alerts: alerts, quality: quality)
    }
}

extension TargetOutcome.Scope {
    /// Month targets take precedence over quarter, quarter over year.
    var rank: Int { self == .month ? 0 : self == .quarter ? 1 : 2 }
}
