import Snapshot

/// Compares target rows touching the report month with the metrics' actuals.
///
/// Higher-is-better: attainment = actual ÷ target (a target of 0 has none).
/// Lower-is-better: target ÷ actual; an actual of 0 is met with no attainment.
/// Quarter and year targets of counts and money compare with the to-date sum.
struct TargetEvaluator {
    let month: Month
    let nearThreshold: Double

    func outcome(for row: TargetTable.Row, result: MetricResult) -> TargetOutcome? {
        let (scope, label, firstMonth): (TargetOutcome.Scope, String, Month)
        switch row.period {
        case .month(let index):
            guard index == month.index else { return nil }
            (scope, label, firstMonth) = (.month, month.description, month)
        case .quarter(let year, let quarter):
            guard year == month.year, quarter == month.quarter else { return nil }
            (scope, label, firstMonth) = (.quarter, "\(year)-Q\(quarter)", Month(year: year, month: quarter * 3 - 2))
        case .year(let year):
            guard year == month.year else { return nil }
            (scope, label, firstMonth) = (.year, "\(year)", Month(year: year, month: 1))
        }
        let slice = row.slice.map { Slice(dimension: $0.dimension, value: $0.value) }
        let last = result.months.count - 1
        var actual: Double?
        if scope != .month, result.definition.unit.isAdditive {
            let from = last - Int(month.index - firstMonth.index)
            let parts = (max(from, 0)...last).compactMap { result.value(at: $0, slice: slice) }
            actual = parts.isEmpty ? nil : parts.reduce(0, +)
        } else {
            actual = result.value(at: last, slice: slice)
        }
        var attainment: Double?
        var status: TargetOutcome.Status?
        if let actual {
            if result.definition.direction == .down {
                if actual == 0 { status = .met } else { attainment = row.target / actual }
            } else if row.target != 0 {
                attainment = actual / row.target
            }
            if let a = attainment { status = a >= 1 ? .met : a >= nearThreshold ? .near : .missed }
        }
        return TargetOutcome(metric: row.metric, period: label, scope: scope, slice: slice, target: row.target,
                             actual: actual, attainment: attainment, status: status)
    }

    /// The monthly unsliced target of `m`, for target lines.
    static func monthlyTarget(_ rows: [TargetTable.Row], metric: String, month m: Month) -> Double? {
        rows.first { $0.metric == metric && $0.slice == nil && $0.period == .month(m.index) }?.target
    }
}
