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

    /// The instant, or nil when the bytes are neither one of the contract's forms nor match a pattern.
    public func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        if let instant = parseContract(bytes) { return instant }
        for pattern in patterns {
            if let instant = pattern.parse(bytes, zone: zone) { return instant }
        }
        return nil
    }

    private func parseContract(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        var p = Cursor(bytes)
        guard let year = p.digits(4), p.take(UInt8(ascii: "-")),
              let month = p.digits(2), p.take(UInt8(ascii: "-")),
              let day = p.digits(2),
              (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(year: year, month: month)
        else { return nil }
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
        let local = Int64(CivilDate(year: year, month: month, day: day).dayNumber) * 86_400 + Int64(seconds)
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
}
