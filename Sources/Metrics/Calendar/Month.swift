/// A calendar month, held as a month index (year × 12 + month − 1) so that
/// "M − 12" is subtraction.
public struct Month: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let index: Int32

    public init(index: Int32) { self.index = index }
    public init(year: Int, month: Int) { index = Int32(year * 12 + month - 1) }

    /// Parses `YYYY-MM`.
    /// Exactly `YYYY-MM` with ASCII digits, years 1900 … 9998 (a month the data and the
    /// 13-month trend can be placed in).
    public init?(_ text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 7, bytes[4] == UInt8(ascii: "-"),
              bytes.enumerated().allSatisfy({ $0.offset == 4 || (48...57).contains($0.element) }) else { return nil }
        let digits = bytes.map { Int($0) - 48 }
        let y = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let m = digits[5] * 10 + digits[6]
        guard Self.years.contains(y), (1...12).contains(m) else { return nil }
        self.init(year: y, month: m)
    }

    /// The years a report month may fall in.
    public static let years = 1900...9998

    /// The month containing a day number.
    public init(containing day: Int32) {
        let date = CivilDate(dayNumber: Int(day))
        self.init(year: date.year, month: date.month)
    }

    public var year: Int { Int(index) / 12 }
    public var month: Int { Int(index) % 12 + 1 }
    public var quarter: Int { (month - 1) / 3 + 1 }

    public var firstDay: Int32 { Int32(CivilDate(year: year, month: month, day: 1).dayNumber) }
    public var lastDay: Int32 { firstDay + Int32(CivilDate.daysIn(year: year, month: month)) - 1 }
    public var dayCount: Int { CivilDate.daysIn(year: year, month: month) }

    public func contains(_ day: Int32) -> Bool { day >= firstDay && day <= lastDay }

    public static func + (m: Month, n: Int) -> Month { Month(index: m.index + Int32(n)) }
    public static func - (m: Month, n: Int) -> Month { Month(index: m.index - Int32(n)) }
    public static func < (a: Month, b: Month) -> Bool { a.index < b.index }

    /// `YYYY-MM`.
    public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
}
