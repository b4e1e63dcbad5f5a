/// Writes numbers as a reader of the pack expects them.
///
/// Chinese packs abbreviate from 10,000 with 万 and from 100,000,000 with 亿 (12.3万,
/// 1.02亿); English packs with K, M and B. Three significant digits once abbreviated.
/// Ratios are percentages; changes of ratios are points. A missing value is "—".
public struct NumberFormat: Sendable {
    public let language: Language
    public let currencySymbol: String

    public init(language: Language, currency: String = "CNY") {
        self.language = language
        switch currency.uppercased() {
        case "CNY", "RMB": currencySymbol = "¥"
        case "USD": currencySymbol = "$"
        case "EUR": currencySymbol = "€"
        case "GBP": currencySymbol = "£"
        case "JPY": currencySymbol = "¥"
        default: currencySymbol = currency.uppercased() + " "
        }
    }

    public static let missing = "—"
    static let minus = "−"

    public func format(_ value: Double?, _ kind: ValueKind) -> String {
        guard let v = value, v.isFinite else { return Self.missing }
        switch kind {
        case .count: return compact(v, decimalsBelow10k: v == v.rounded() || abs(v) >= 100 ? 0 : 1)
        case .multiple: return fixed(v, abs(v) >= 100 ? 0 : 1) + "×"
        case .number: return compact(v, decimalsBelow10k: v == v.rounded() ? 0 : 1)
        case .money:
            let body = compact(abs(v), decimalsBelow10k: abs(v) < 100 && abs(v) != abs(v).rounded() ? 2 : 0)
            return (v < 0 ? Self.minus : "") + currencySymbol + body
        case .ratio: return percent(v)
        case .score: return fixed(v, 1)
        case .days: return fixed(v, 1) + (language.isChinese ? "天" : " d")
        case .hours: return fixed(v, 1) + (language.isChinese ? "小时" : " h")
        case .months: return fixed(v, 1) + (language.isChinese ? "个月" : " mo")
        }
    }

    /// A change: points for ratios and scores ("+1.2 pts"; in Chinese "+1.2个百分点" for a ratio, "+1.2分" for a score), else relative ("+12.3%"),
    /// or as a multiple once a value has grown tenfold or more ("×35.2万").
    public func change(_ value: Double?, points: Bool, kind: ValueKind = .ratio) -> String {
        guard let v = value, v.isFinite else { return Self.missing }
        // The sign of what is shown: a change that rounds to nothing is ±0.0, never −0.0.
        let shown = points && kind == .ratio ? v * 100 : points ? v : v * 100
        let sign = (shown * 10).rounded() == 0 ? "±" : v > 0 ? "+" : Self.minus
        if points, kind == .multiple { return sign + fixed(abs(v), 1) + "×" }
        if points {
            let magnitude = kind == .ratio ? abs(v) * 100 : abs(v)
            let text = fixed(magnitude, 1)
            // A ratio moves by percentage points, a score (NPS, CSAT) by points of its own scale.
            return sign + text + (language.isChinese ? (kind == .score ? "分" : "个百分点") : " pts")
        }
        // Past tenfold a percentage stops reading as one ("+35235215.4%"): say how many times.
        if v >= 9 { return "×" + compact(1 + v, decimalsBelow10k: 1 + v < 100 ? 1 : 0) }
        return sign + fixed(abs(v) * 100, 1) + "%"
    }

    /// The labels of one axis's ticks: one unit (万, K, …) and one number of decimals for
    /// the whole axis, just enough to tell neighbouring ticks apart ("¥0.5万 ¥1.0万 ¥1.5万").
    public func axisLabels(_ ticks: [Double], _ kind: ValueKind, step: Double) -> [String] {
        func decimals(_ step: Double) -> Int {
            var d = 0, s = step
            while s < 1 - 1e-9, d < 6 { s *= 10; d += 1 }
            return d
        }
        switch kind {
        case .ratio:
            let d = decimals(step * 100)
            return ticks.map { fixed($0 * 100, d) + "%" }
        case .multiple:
            return ticks.map { fixed($0, decimals(step)) + "×" }
        case .score:
            return ticks.map { fixed($0, decimals(step)) }
        case .days, .hours, .months:
            // A duration's ticks carry its unit, as its values do elsewhere ("24天", "10 h").
            let unit = language.isChinese ? [ValueKind.days: "天", .hours: "小时", .months: "个月"][kind]! : [ValueKind.days: " d", .hours: " h", .months: " mo"][kind]!
            return ticks.map { fixed($0, decimals(step)) + unit }
        case .count, .number, .money:
            let top = ticks.map(abs).max() ?? 0
            let unit = top >= 1e4 ? axisUnit(top) : (1, "")
            let d = decimals(step / unit.0)
            let prefix = kind == .money ? currencySymbol : ""
            return ticks.map { v in
                guard v != 0 else { return prefix + "0" }
                let magnitude = unit.0 == 1 ? grouped(abs(v), decimals: d) : fixed(abs(v) / unit.0, d) + unit.1
                return (v < 0 ? Self.minus : "") + prefix + magnitude
            }
        }
    }

    /// The abbreviation an axis reaching `top` is written in.
    private func axisUnit(_ top: Double) -> (Double, String) {
        if language.isChinese { return top >= 1e8 ? (1e8, "亿") : (1e4, "万") }
        return top >= 1e9 ? (1e9, "B") : top >= 1e6 ? (1e6, "M") : (1e3, "K")
    }

    /// A whole number written out in full (12,345), for tables of counts.
    public func exact(_ value: Int) -> String { (value < 0 ? Self.minus : "") + grouped(Double(abs(value)), decimals: 0) }

    // MARK: Pieces

    func percent(_ ratio: Double) -> String {
        let p = ratio * 100
        let decimals = abs(p) >= 0.1 || p == 0 ? 1 : 2
        return fixed(p, decimals) + "%"
    }

    /// Abbreviates magnitudes from 10,000 by the language's units (万/亿 or K/M/B).
    /// A value that rounds up to the next unit moves there (9999.6万 is 1.00亿, 999.95K is 1.00M).
    func compact(_ v: Double, decimalsBelow10k: Int) -> String {
        let a = abs(v)
        let sign = v < 0 ? Self.minus : ""
        guard a >= 1e4 else { return sign + grouped(a, decimals: decimalsBelow10k) }
        let units: [(Double, String)] = language.isChinese ? [(1e4, "万"), (1e8, "亿")] : [(1e3, "K"), (1e6, "M"), (1e9, "B")]
        var k = units.lastIndex { a >= $0.0 }!
        if k + 1 < units.count, significant(a / units[k].0) >= units[k + 1].0 / units[k].0 { k += 1 }
        // Always three significant digits ("¥1.50亿", not "¥1.5亿"): in a column of figures
        // every value then shows the same precision as its neighbours.
        return sign + significantText(a / units[k].0) + units[k].1
    }

    private func significant(_ x: Double) -> Double {
        let decimals = x >= 100 ? 0 : x >= 10 ? 1 : 2
        return rounded(x, decimals)
    }

    /// Three significant digits, counted after rounding (99.96 is "100", not "100.0").
    private func significantText(_ x: Double) -> String {
        func places(_ v: Double) -> Int { v >= 100 ? 0 : v >= 10 ? 1 : 2 }
        return fixed(x, places(rounded(x, places(x))))
    }

    private func rounded(_ x: Double, _ decimals: Int) -> Double {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        return (x * scale).rounded() / scale
    }

    /// Fixed decimals, rounding half away from zero, without Foundation formatting.
    public func fixed(_ x: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let n = (abs(x) * scale).rounded()
        let sign = x < 0 && n != 0 ? Self.minus : ""
        // Past 2⁵³ a double holds no exact digits to print; say its magnitude instead.
        guard n.isFinite, n < 9e15 else { return sign + Self.scientific(abs(x)) }
        let whole = Int64(n / scale)
        var text = sign + String(whole)
        if decimals > 0 {
            let frac = Int64(n - Double(whole) * scale)
            let digits = String(frac)
            text += "." + String(repeating: "0", count: decimals - digits.count) + digits
        }
        return text
    }

    /// 1.23e19: three significant digits and a decimal exponent, for magnitudes no table should hold.
    static func scientific(_ x: Double) -> String {
        guard x.isFinite else { return missing }
        var exponent = 0
        var m = x
        while m >= 10 { m /= 10; exponent += 1 }
        var hundredths = Int((m * 100).rounded())
        if hundredths >= 1000 { hundredths /= 10; exponent += 1 }
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)e\(exponent)"
    }

    /// Thousands separators: 12,345.
    public func grouped(_ x: Double, decimals: Int) -> String {
        let text = fixed(x, decimals)
        let parts = text.split(separator: ".", maxSplits: 1)
        var whole = String(parts[0])
        var sign = ""
        if whole.hasPrefix(Self.minus) { sign = Self.minus; whole.removeFirst() }
        var out = ""
        for (i, ch) in whole.reversed().enumerated() {
            if i > 0, i % 3 == 0 { out.append(",") }
            out.append(ch)
        }
        return sign + String(out.reversed()) + (parts.count > 1 ? "." + parts[1] : "")
    }

    // MARK: Dates

    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `2026年10月` / `Oct 2026`.
    public func month(year: Int, month: Int) -> String {
        language.isChinese ? "\(year)年\(month)月" : "\(Self.englishMonths[month - 1]) \(year)"
    }

    /// `10月` / `Oct`, with the year added in January or when asked (axis labels).
    public func shortMonth(year: Int, month: Int, withYear: Bool) -> String {
        if language.isChinese { return withYear ? "\(year % 100)年\(month)月" : "\(month)月" }
        return withYear ? "\(Self.englishMonths[month - 1]) '\(year % 100)" : Self.englishMonths[month - 1]
    }
}
