import Metrics
/// Reads the timestamp forms of the data contract into instants.
///
/// Accepted: `YYYY-MM-DD`, `YYYY-MM-DD HH:MM[:SS]`, `YYYY-MM-DDTHH:MM[:SS][.fff]`, each
/// optionally followed by `Z` or `±HH:MM` (also `±HHMM`). Without an offset the time is
/// local to the zone; a bare date means local midnight. Works on bytes: no `String`,
/// no Foundation, since it runs once per timestamp of the snapshot. A mapped table adds
/// its export's own ``TimestampPattern``s, tried in order after these forms.
public struct TimestampParser: Sendable {
    public let zone: Zone
    public let patterns: [TimestampPattern]

    public init(zone: Zone, patterns: [TimestampPattern] = []) {
        self.zone = zone
        self.patterns = patterns
    }

    public var expected: String {
        let contract = "a timestamp YYYY-MM-DD[ HH:MM[:SS]] with optional Z or ±HH:MM"
        return patterns.isEmpty ? contract : contract + " or one of the patterns " + patterns.map { "\"\($0)\"" }.joined(separator: ", ")
    }

    public var expectedChinese: String {
        let contract = "YYYY-MM-DD[ HH:MM[:SS]] 形式的时间，可带 Z 或 ±HH:MM"
        return patterns.isEmpty ? contract : contract + "，或格式 " + patterns.map { "“\($0)”" }.joined(separator: "、")
    }

    /// The last date a column read, as its ten bytes, and that date's day number. Exports
    /// list rows in time order, so a column's timestamps mostly share the date of the one
    /// before: its digits, checks and calendar arithmetic are then done once per day, not
    /// once per row (they were half of reading a timestamp).
    public struct DateMemo {
        fileprivate var head: UInt64 = 0
        fileprivate var tail: UInt16 = 0
        fileprivate var dayNumber: Int?
        public init() {}
        fileprivate init(head: UInt64, tail: UInt16, dayNumber: Int) { (self.head, self.tail, self.dayNumber) = (head, tail, dayNumber) }
    }

    /// The instant, or nil when the bytes are neither one of the contract's forms nor match a pattern.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var memo = DateMemo()
        return parse(bytes, memo: &memo)
    }

    /// ``parse(_:)``, reusing the day number of the date `memo` holds (one memo per column).
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>, memo: inout DateMemo) -> Int64? {
        if let instant = parseContract(bytes, memo: &memo) { return instant }
        for pattern in patterns {
            if let instant = pattern.parse(bytes, zone: zone) { return instant }
        }
        return nil
    }

    private func parseContract(_ bytes: UnsafeBufferPointer<UInt8>, memo: inout DateMemo) -> Int64? {
        // Every form starts with a date of exactly ten bytes.
        guard bytes.count >= 10, let base = bytes.baseAddress else { return nil }
        var p = Cursor(bytes)
        let head = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
        let tail = UnsafeRawPointer(base).loadUnaligned(fromByteOffset: 8, as: UInt16.self)
        let dayNumber: Int
        if let known = memo.dayNumber, head == memo.head, tail == memo.tail {
            dayNumber = known
            p.index = 10
        } else {
            guard let year = p.digits(4), p.take(UInt8(ascii: "-")),
                  let month = p.digits(2), p.take(UInt8(ascii: "-")),
                  let day = p.digits(2),
                  (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(year: year, month: month)
            else { return nil }
            dayNumber = CivilDate(year: year, month: month, day: day).dayNumber
            memo = DateMemo(head: head, tail: tail, dayNumber: dayNumber)
        }
        if bytes.count == 19, let seconds = Self.clockTime(base + 10) {
            return zone.instant(ofLocal: Int64(dayNumber) * 86_400 + Int64(seconds))
        }
        var seconds = 0
        if p.take(UInt8(ascii: " ")) || p.take(UInt8(ascii: "T")) {
            guard let hour = p.digits(2), p.take(UInt8(ascii: ":")), let minute = p.digits(2),
                  hour < 24, minute < 60 else { return nil }
            seconds = hour * 3600 + minute * 60
            if p.take(UInt8(ascii: ":")) {
                guard let second = p.digits(2), second < 60 else { return nil }
                seconds += second
                if p.take(UInt8(ascii: ".")) {
                    guard p.skipDigits() > 0 else { return nil }
                }
            }
        }
        let local = Int64(dayNumber) * 86_400 + Int64(seconds)
        if p.atEnd { return zone.instant(ofLocal: local) }
        if p.take(UInt8(ascii: "Z")) || p.take(UInt8(ascii: "z")) {
            return p.atEnd ? local : nil
        }
        let sign: Int64
        if p.take(UInt8(ascii: "+")) { sign = 1 } else if p.take(UInt8(ascii: "-")) { sign = -1 } else { return nil }
        guard let oh = p.digits(2) else { return nil }
        _ = p.take(UInt8(ascii: ":"))
        guard let om = p.digits(2), p.atEnd, oh < 24, om < 60 else { return nil }
        return local - sign * Int64(oh * 3600 + om * 60)
    }

    /// The seconds into the day of ` HH:MM:SS` (or `THH:MM:SS`) at `at`, checked a word at
    /// a time: the form nearly every export writes. nil for anything else, which the
    /// byte-by-byte reading then judges.
    @inline(__always) private static func clockTime(_ at: UnsafePointer<UInt8>) -> Int? {
        guard at[0] == UInt8(ascii: " ") || at[0] == UInt8(ascii: "T") else { return nil }
        // Byte i of `HH:MM:SS` is bits 8i ..< 8i + 8: digits at 0, 1, 3, 4, 6 and 7, colons at 2 and 5.
        let w = UnsafeRawPointer(at + 1).loadUnaligned(as: UInt64.self).littleEndian
        let high: UInt64 = 0xF0F0_00F0_F000_F0F0, digits: UInt64 = 0x3030_0030_3000_3030
        // A digit is 0x30–0x39: its high nibble is 3, and adding 6 leaves it 3 (no carry from the low one).
        guard w & 0x0000_FF00_00FF_0000 == 0x0000_3A00_003A_0000, w & high == digits,
              (w &+ 0x0606_0006_0600_0606) & high == digits else { return nil }
        func digit(_ i: UInt64) -> Int { Int(truncatingIfNeeded: (w >> (8 * i)) & 0xF) }
        let (hour, minute, second) = (digit(0) * 10 + digit(1), digit(3) * 10 + digit(4), digit(6) * 10 + digit(7))
        guard hour < 24, minute < 60, second < 60 else { return nil }
        return hour * 3600 + minute * 60 + second
    }
}
