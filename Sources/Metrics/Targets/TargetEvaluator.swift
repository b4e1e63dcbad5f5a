/// Compares target rows touching the report month with the metrics' actuals, exactly as
/// METRICS.md "Targets and alerts" says.
///
/// Attainment is actual ÷ target when higher is better (a target of 0 has none) and
/// target ÷ actual when lower is better (an actual of 0 is met, with no attainment).
/// A quarter or year compares a flow with its sum up to the report month and a level
/// with its value in the month. A period still open at the report month is judged on
/// pace: for a flow, against the share of the target its elapsed months call for; for
/// a level, pace is the attainment.
struct TargetEvaluator {
    let month: Month
    let nearThreshold: Double

    func outcome(for row: TargetTable.Row, result: MetricResult) -> TargetOutcome? {
        let (scope, label, firstMonth, length): (TargetOutcome.Scope, String, Month, Int)
        switch row.period {
        case .month(let index):
            guard index == month.index else { return nil }
            (scope, label, firstMonth, length) = (.month, month.description, month, 1)
        case .quarter(let year, let quarter):
            guard year == month.year, quarter == month.quarter else { return nil }
            (scope, label, firstMonth, length) = (.quarter, "\(year)-Q\(quarter)", Month(year: year, month: quarter * 3 - 2), 3)
        case .year(let year):
            guard year == month.year else { return nil }
            (scope, label, firstMonth, length) = (.year, "\(year)", Month(year: year, month: 1), 12)
        }
        let slice = row.slice.map { Slice(dimension: $0.dimension, value: $0.value) }
        let definition = result.definition
        let last = result.months.count - 1
        let elapsed = Int(month.index - firstMonth.index) + 1
        let isFlow = definition.aggregation == .flow
        var actual: Double?
        if isFlow, elapsed > 1 {
            let parts = ((last - elapsed + 1)...last).compactMap { result.value(at: $0, slice: slice) }
            actual = parts.isEmpty ? nil : parts.reduce(0, +)
        } else {
            actual = result.value(at: last, slice: slice)
        }
        let lowerIsBetter = definition.direction == .down
        var attainment: Double?
        if let actual {
            if lowerIsBetter {
                if actual != 0 { attainment = row.target / actual }
            } else if row.target != 0 {
                attainment = actual / row.target
            }
        }
        let open = elapsed < length
        var pace: Double?
        var status: TargetOutcome.Status?
        let dueByNow = open ? (isFlow ? row.target * Double(elapsed) / Double(length) : row.target) : nil
        if let actual {
            let zeroIsBest = lowerIsBetter && actual == 0
            if !open {
                if zeroIsBest { status = .met } else if let a = attainment { status = grade(a, good: .met, bad: .missed) }
            } else {
                if isFlow, let due = dueByNow {
                    if lowerIsBetter {
                        if actual != 0 { pace = due / actual }
                    } else if due != 0 {
                        pace = actual / due
                    }
                } else {
                    pace = attainment
                }
                if zeroIsBest { status = .onTrack } else if let p = pace { status = grade(p, good: .onTrack, bad: .behind) }
            }
        }
        return TargetOutcome(metric: row.metric, period: label, scope: scope, slice: slice, target: row.target, actual: actual,
                             attainment: attainment, open: open, pace: pace, dueByNow: dueByNow, status: status)
    }

    private func grade(_ x: Double, good: TargetOutcome.Status, bad: TargetOutcome.Status) -> TargetOutcome.Status {
        x >= 1 ? good : x >= nearThreshold ? .near : bad
    }

    /// The monthly unsliced target of `m`, for target lines.
    static func monthlyTarget(_ rows: [TargetTable.Row], metric: String, month m: Month) -> Double? {
        rows.first { $0.metric == metric && $0.slice == nil && $0.period == .month(m.index) }?.target
    }
}
