import Metrics
import Foundation
import Snapshot

/// Calendar arithmetic for the generator, on the project's one civil-date implementation.
/// The generator works in local wall-clock seconds (Asia/Shanghai has no daylight
/// saving), so no Foundation calendar is needed and output stays fast and exact.
enum SampleCivil {
    static func days(year: Int, month: Int, day: Int) -> Int { CivilDate(year: year, month: month, day: day).dayNumber }

    static func date(days: Int) -> (year: Int, month: Int, day: Int) {
        let d = CivilDate(dayNumber: days)
        return (d.year, d.month, d.day)
    }

    /// 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    static func weekday(days: Int) -> Int { ((days % 7) + 7 + 3) % 7 }
}

/// The generated period: its months and days, with per-day lookup tables so that
/// writing a date is a copy of ten bytes.
struct SampleCalendar: Sendable {
    /// First and last day of the period (inclusive), days since 1970-01-01.
    let startDay: Int
    let endDay: Int
    /// The last local second with data (23:59:59 of the last day).
    let dataEnd: Int64
    let months: Int
    /// year × 12 + (month − 1) of the first month.
    let firstMonthIndex: Int
    /// First day of each month, plus one entry for the day after the period.
    let monthStartDays: [Int]
    private let monthOfDay: [Int32]
    /// "YYYY-MM-DD" of every day of the period, ten bytes each.
    let dateText: [UInt8]

    init(endYear: Int, endMonth: Int, months: Int) {
        self.months = months
        let lastIndex = endYear * 12 + endMonth - 1
        firstMonthIndex = lastIndex - months + 1
        var starts: [Int] = []
        for index in firstMonthIndex...(lastIndex + 1) {
            starts.append(SampleCivil.days(year: index / 12, month: index % 12 + 1, day: 1))
        }
        monthStartDays = starts
        startDay = starts[0]
        endDay = starts[months] - 1
        dataEnd = Int64(endDay + 1) * 86_400 - 1
        var table = [Int32](repeating: 0, count: endDay - startDay + 1)
        for m in 0..<months {
            for d in starts[m]..<starts[m + 1] { table[d - startDay] = Int32(m) }
        }
        monthOfDay = table
        var text: [UInt8] = []
        text.reserveCapacity(table.count * 10)
        for d in startDay...endDay {
            SampleCalendar.appendDate(days: d, to: &text)
        }
        dateText = text
    }

    var dayCount: Int { endDay - startDay + 1 }

    /// Month offset (0 = first month) of a day inside the period.
    @inline(__always)
    func month(ofDay day: Int) -> Int { Int(monthOfDay[day - startDay]) }

    func yearMonth(_ month: Int) -> (year: Int, month: Int) {
        let index = firstMonthIndex + month
        return (index / 12, index % 12 + 1)
    }

    /// "YYYY-MM" of a month offset.
    func label(_ month: Int) -> String {
        let (y, m) = yearMonth(month)
        return String(y) + (m < 10 ? "-0" : "-") + String(m)
    }

    /// Writes "YYYY-MM-DD" for any day (used for the table and for days outside it).
    static func appendDate(days: Int, to out: inout [UInt8]) {
        let (y, m, d) = SampleCivil.date(days: days)
        out.append(48 + UInt8(y / 1000 % 10))
        out.append(48 + UInt8(y / 100 % 10))
        out.append(48 + UInt8(y / 10 % 10))
        out.append(48 + UInt8(y % 10))
        out.append(45)
        out.append(48 + UInt8(m / 10))
        out.append(48 + UInt8(m % 10))
        out.append(45)
        out.append(48 + UInt8(d / 10))
        out.append(48 + UInt8(d % 10))
    }
}
