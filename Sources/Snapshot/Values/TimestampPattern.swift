import Metrics
/// A timestamp pattern such as `yyyy/M/d H:mm`, `dd.MM.yyyy` or `MM/dd/yyyy hh:mm a`,
/// compiled once and matched on a field's bytes.
///
/// Letters as in Unicode (CLDR) date patterns: `yyyy` `yy` year, `M` `MM` month (`MMM`
/// an English abbreviation), `d` `dd` day, `H` `HH` hour 0–23, `h` `hh` hour 1–12 with
/// `a` (AM/PM, 上午/下午), `m` `mm`, `s` `ss`, `S…` fraction of a second (dropped), `X`
/// or `XXX` an offset (`Z`, `+08`, `+0800`, `+08:00`). One letter takes one or two
/// digits, two take exactly two. Text in single quotes and any other character is literal.
public struct TimestampPattern: Sendable, Equatable, CustomStringConvertible {
    enum Token: Sendable, Equatable {
        case year4, year2, month(minDigits: Int), monthName, day(minDigits: Int)
        case hour24(minDigits: Int), hour12(minDigits: Int), minute(minDigits: Int), second(minDigits: Int)
        case fraction, meridiem, offset, literal([UInt8])
    }

    public let text: String
    let tokens: [Token]

    /// A pattern the reader cannot use, with the reason.
    public struct Problem: Error, CustomStringConvertible {
        public let description: String
    }

    public init(_ text: String) throws {
        self.text = text
        var tokens: [Token] = []
        let chars = Array(text)
        var i = 0
        func literal(_ s: String) {
            if case .literal(let bytes)? = tokens.last { tokens[tokens.count - 1] = .literal(bytes + Array(s.utf8)) } else { tokens.append(.literal(Array(s.utf8))) }
        }
        while i < chars.count {
            let c = chars[i]
            if c == "'" {
                guard let close = chars[(i + 1)...].firstIndex(of: "'") else { throw Problem(description: "a quote ' is never closed in \"\(text)\"") }
                literal(close == i + 1 ? "'" : String(chars[(i + 1)..<close]))
                i = close + 1
                continue
            }
            var run = 1
            while i + run < chars.count, chars[i + run] == c { run += 1 }
            defer { i += run }
            let width = min(run, 2)
            switch (c, run) {
            case ("y", 4): tokens.append(.year4)
            case ("y", 2): tokens.append(.year2)
            case ("M", 1...2): tokens.append(.month(minDigits: width))
            case ("M", 3): tokens.append(.monthName)
            case ("d", 1...2): tokens.append(.day(minDigits: width))
            case ("H", 1...2): tokens.append(.hour24(minDigits: width))
            case ("h", 1...2): tokens.append(.hour12(minDigits: width))
            case ("m", 1...2): tokens.append(.minute(minDigits: width))
            case ("s", 1...2): tokens.append(.second(minDigits: width))
            case ("S", _): tokens.append(.fraction)
            case ("a", 1): tokens.append(.meridiem)
            case ("X", 1), ("X", 3), ("Z", 1): tokens.append(.offset)
            case ("T", _): literal(String(repeating: "T", count: run))
            case ("Y", _): throw Problem(description: "\"\(text)\": Y is the week-based year; the calendar year is yyyy")
            case ("D", _): throw Problem(description: "\"\(text)\": D is the day of the year; the day of the month is d or dd")
            default:
                if c.isASCII, c.isLetter { throw Problem(description: "\"\(text)\": \(String(repeating: c, count: run)) is not a pattern letter here (yyyy, MM, dd, HH, hh, mm, ss, SSS, a, XXX)") }
                literal(String(repeating: c, count: run))
            }
        }
        let has = { (t: (Token) -> Bool) in tokens.contains(where: t) }
        guard has({ if case .year4 = $0 { true } else if case .year2 = $0 { true } else { false } }),
              has({ if case .month = $0 { true } else if case .monthName = $0 { true } else { false } }),
              has({ if case .day = $0 { true } else { false } }) else {
            throw Problem(description: "\"\(text)\" needs a year (yyyy), a month (M or MM) and a day (d or dd)")
        }
        let twelve = has { if case .hour12 = $0 { true } else { false } }
        guard twelve == has({ $0 == .meridiem }) else {
            throw Problem(description: "\"\(text)\": a 12-hour clock (h, hh) goes with a (AM/PM), and a with h; use H or HH for 0–23")
        }
        self.tokens = tokens
    }

    public var description: String { text }

    static let monthNames = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map { Array($0.utf8) }
    static let meridiems: [([UInt8], Bool)] = [("am", false), ("pm", true), ("a.m.", false), ("p.m.", true), ("上午", false), ("下午", true)]
        .map { (Array($0.0.utf8), $0.1) }

    /// The instant, local to `zone` unless the text carries an offset; nil when the bytes do not match.
    func parse(_ bytes: UnsafeBufferPointer<UInt8>, zone: Zone) -> Int64? {
        var p = 0
        func number(_ minDigits: Int, _ maxDigits: Int) -> Int? {
            var value = 0, n = 0
            while n < maxDigits, p < bytes.count, bytes[p] >= 48, bytes[p] <= 57 {
                value = value * 10 + Int(bytes[p] - 48)
                p += 1
                n += 1
            }
            return n >= minDigits ? value : nil
        }
        func lowered(_ k: Int) -> UInt8 { bytes[k] >= 65 && bytes[k] <= 90 ? bytes[k] | 0x20 : bytes[k] }
        func take(_ word: [UInt8]) -> Bool {
            guard p + word.count <= bytes.count, word.indices.allSatisfy({ lowered(p + $0) == word[$0] }) else { return false }
            p += word.count
            return true
        }
        var year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0
        var pm: Bool?, offset: Int?
        for token in tokens {
            switch token {
            case .year4: guard let v = number(4, 4) else { return nil }; year = v
            case .year2: guard let v = number(2, 2) else { return nil }; year = 2000 + v
            case .month(let k): guard let v = number(k, 2) else { return nil }; month = v
            case .monthName:
                guard let k = Self.monthNames.firstIndex(where: { take($0) }) else { return nil }
                month = k + 1
            case .day(let k): guard let v = number(k, 2) else { return nil }; day = v
            case .hour24(let k): guard let v = number(k, 2), v < 24 else { return nil }; hour = v
            case .hour12(let k): guard let v = number(k, 2), (1...12).contains(v) else { return nil }; hour = v % 12
            case .minute(let k): guard let v = number(k, 2), v < 60 else { return nil }; minute = v
            case .second(let k): guard let v = number(k, 2), v < 60 else { return nil }; second = v
            case .fraction: guard number(1, 9) != nil else { return nil }
            case .meridiem:
                while p < bytes.count, bytes[p] == 32 { p += 1 }
                guard let m = Self.meridiems.first(where: { take($0.0) }) else { return nil }
                pm = m.1
            case .offset:
                if take([UInt8(ascii: "z")]) { offset = 0; continue }
                guard p < bytes.count, bytes[p] == UInt8(ascii: "+") || bytes[p] == UInt8(ascii: "-") else { return nil }
                let sign = bytes[p] == UInt8(ascii: "+") ? 1 : -1
                p += 1
                guard let h = number(2, 2), h < 24 else { return nil }
                // Minutes follow a colon, or stand right after the hours, or are absent (`+08`).
                let colon = take([UInt8(ascii: ":")])
                var m = 0
                if colon || p < bytes.count {
                    guard let minutes = number(2, 2), minutes < 60 else { return nil }
                    m = minutes
                }
                offset = sign * (h * 3600 + m * 60)
            case .literal(let bytes): guard take(bytes.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }) else { return nil }
            }
        }
        guard p == bytes.count, (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(year: year, month: month) else { return nil }
        if pm == true { hour += 12 }
        let local = Int64(CivilDate(year: year, month: month, day: day).dayNumber) * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        if let offset { return local - Int64(offset) }
        return zone.instant(ofLocal: local)
    }
}
