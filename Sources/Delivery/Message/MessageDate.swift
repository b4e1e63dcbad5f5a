import Metrics

/// A message's `Date:` in RFC 5322 form (`Sun, 01 Nov 2026 00:00:00 +0800`).
///
/// A built message carries a date that follows from its input (SOURCE_DATE_EPOCH, or
/// the start of the month after the report month), never the wall clock, so that
/// rebuilding gives the same bytes; sending may restamp it with the moment of sending.
public struct MessageDate: Sendable, Equatable {
    /// Seconds since 1970-01-01 00:00 UTC.
    public var instant: Int64
    /// Seconds east of UTC shown in the header.
    public var offset: Int64

    public init(instant: Int64, offset: Int64) { (self.instant, self.offset) = (instant, offset) }

    public var header: String {
        let local = instant + offset
        let dayNumber = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = Int(local - dayNumber * 86_400)
        let date = CivilDate(dayNumber: Int(dayNumber))
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]  // 1970-01-01 was a Thursday
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[Int(((dayNumber % 7) + 7) % 7)]
        let sign = offset < 0 ? "-" : "+"
        let minutes = abs(offset) / 60
        return "\(weekday), \(two(date.day)) \(months[date.month - 1]) \(date.year) \(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60)) \(sign)\(two(Int(minutes / 60)))\(two(Int(minutes % 60)))"
    }

    private func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
}
