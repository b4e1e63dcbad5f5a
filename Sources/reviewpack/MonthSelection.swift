import Metrics
import Snapshot

/// The months a build makes: one (`--month`, else the last complete month in the data), or
/// a backfill (`--from A [--to B]`, `--all`) read once and built month by month.
struct MonthSelection {
    var month: Month?
    var from: Month?
    var to: Month?
    var all = false

    struct Problem: Error, CustomStringConvertible { let description: String }

    /// The report months, oldest first, for data on `days` (the snapshot's first to last day).
    func months(dataDays days: ClosedRange<Int32>?) throws -> [Month] {
        if let month, from == nil, !all { return [month] }
        guard let days else { throw Problem(description: "the snapshot holds no dated rows; give --month") }
        let end = Month(containing: days.upperBound)
        // The month the data ends in counts only when the data reaches its last day.
        let latest = days.upperBound == end.lastDay ? end : end - 1
        if from == nil, !all { return [latest] }
        let first = all ? Month(containing: days.lowerBound) : from!
        let last = to ?? latest
        guard first <= last else {
            throw Problem(description: all ? "--all: the data (to \(end)) holds no complete month"
                                           : "--from \(first) comes after \(to == nil ? "the last complete month in the data, " : "--to ")\(last)")
        }
        return (0...Int(last.index - first.index)).map { first + $0 }
    }

    /// Why these months, in a sentence: what `check` says before any build.
    func reason(dataDays days: ClosedRange<Int32>?, chinese: Bool = false) -> String {
        if let month, from == nil, !all { return chinese ? "由 --month \(month) 指定" : "--month \(month) was given" }
        guard let days else { return chinese ? "快照中没有带日期的行" : "the snapshot holds no dated rows" }
        let (first, last) = (CivilDate(dayNumber: Int(days.lowerBound)), CivilDate(dayNumber: Int(days.upperBound)))
        let end = Month(containing: days.upperBound)
        let span = chinese ? "数据从 \(first) 到 \(last)" : "the data runs from \(first) to \(last)"
        guard from == nil, !all else { return span }
        if chinese {
            return days.upperBound == end.lastDay
                ? "\(span)，\(last) 是 \(end) 的最后一天，所以 \(end) 完整"
                : "\(span)，止于 \(end) 月中，所以最后一个完整月份是 \(end - 1)（要看 \(end) 至今，请给 --month \(end)）"
        }
        return days.upperBound == end.lastDay
            ? "\(span), which is the last day of \(end), so \(end) is complete"
            : "\(span), inside \(end), so the last complete month is \(end - 1) (give --month \(end) for the month so far)"
    }
}
