import Testing
@testable import Snapshot
import Metrics

@Suite struct TimestampParserTests {
    let shanghai = TimestampParser(zone: Zone(identifier: "Asia/Shanghai")!)
    let utc = TimestampParser(zone: Zone(identifier: "UTC")!)

    func parse(_ p: TimestampParser, _ s: String) -> Int64? {
        Array(s.utf8).withUnsafeBufferPointer { p.parse($0) }
    }

    // 2026-10-01 00:00:00 UTC = 1790812800 (days since epoch 20727 × 86400).
    static let oct1UTC: Int64 = 20_727 * 86_400

    @Test(arguments: [
        ("2026-10-01", oct1UTC - 8 * 3600),                       // bare date: local midnight in Shanghai
        ("2026-10-01 08:00", oct1UTC),                             // local 08:00 = 00:00 UTC
        ("2026-10-01 08:00:30", oct1UTC + 30),
        ("2026-10-01T08:00:30.250", oct1UTC + 30),                 // fraction dropped, never rounds up a second
        ("2026-10-01T00:00:00Z", oct1UTC),                         // an offset wins over the zone
        ("2026-10-01T02:00:00+02:00", oct1UTC),
        ("2026-09-30T19:00:00-05:00", oct1UTC),
        ("2026-10-01 05:30+0530", oct1UTC),
    ])
    func acceptedForms(_ text: String, _ expected: Int64) {
        #expect(parse(shanghai, text) == expected)
    }

    @Test(arguments: ["", "2026-1-01", "2026-13-01", "2026-02-29", "2026-10-01 24:00", "2026-10-01 12:60",
                      "2026/10/01", "2026-10-01T", "2026-10-01 08:00 ", "2026-10-01Z0", "2026-10-01 08:00:00+8", "yesterday"])
    func rejectedForms(_ text: String) {
        #expect(parse(shanghai, text) == nil)
    }

    @Test func leapDayExistsOnlyInLeapYears() {
        #expect(parse(utc, "2024-02-29") == Int64(CivilDate(year: 2024, month: 2, day: 29).dayNumber) * 86_400)
        #expect(parse(utc, "2100-02-29") == nil)
        #expect(parse(utc, "2000-02-29") != nil)
    }

    @Test func utcEveningIsNextDayInShanghai() {
        // 23:30 UTC on 31 October is 07:30 on 1 November in Shanghai.
        let instant = parse(shanghai, "2026-10-31T23:30:00Z")!
        #expect(CivilDate(dayNumber: Int(shanghai.zone.day(of: instant))) == CivilDate(year: 2026, month: 11, day: 1))
    }

    @Test func daylightSavingZoneUsesTheOffsetInForce() {
        let ny = TimestampParser(zone: Zone(identifier: "America/New_York")!)
        // Winter: UTC−5; summer: UTC−4.
        #expect(parse(ny, "2026-01-15 12:00") == Int64(CivilDate(year: 2026, month: 1, day: 15).dayNumber) * 86_400 + 17 * 3600)
        #expect(parse(ny, "2026-07-15 12:00") == Int64(CivilDate(year: 2026, month: 7, day: 15).dayNumber) * 86_400 + 16 * 3600)
    }

    /// The contract's reading of a 19-byte field, worked out independently: only
    /// `YYYY-MM-DD HH:MM:SS` (or with `T`) is a timestamp of that length.
    static func nineteenBytes(_ s: [UInt8]) -> Int64? {
        func number(_ r: Range<Int>) -> Int? {
            r.allSatisfy { (48...57).contains(s[$0]) } ? r.reduce(0) { $0 * 10 + Int(s[$1] - 48) } : nil
        }
        guard s.count == 19, s[4] == 45, s[7] == 45, s[10] == 32 || s[10] == 84, s[13] == 58, s[16] == 58,
              let y = number(0..<4), let mo = number(5..<7), let d = number(8..<10),
              let h = number(11..<13), let mi = number(14..<16), let se = number(17..<19),
              (1...12).contains(mo), d >= 1, d <= CivilDate.daysIn(year: y, month: mo), h < 24, mi < 60, se < 60 else { return nil }
        return Int64(CivilDate(year: y, month: mo, day: d).dayNumber) * 86_400 + Int64(h * 3600 + mi * 60 + se)
    }

    /// The clock time is read a word at a time: every byte of it, changed to a digit's
    /// neighbours (`/`, `:`, `;`, `?`), a letter or another digit, is judged as the contract says.
    @Test func theWordAtATimeClockAgreesWithTheContract() {
        var random = SplitMix64(seed: 19)
        let near: [UInt8] = Array("/0123456789:;?@ TZz-+.".utf8) + [0x00, 0x7F, 0x80, 0xB0, 0xFF]
        var accepted = 0
        for _ in 0..<20_000 {
            let (h, mi, se) = (Int.random(in: 0..<26, using: &random), Int.random(in: 0..<62, using: &random), Int.random(in: 0..<62, using: &random))
            let date = "20\(10 + Int.random(in: 0..<20, using: &random))-0\(Int.random(in: 1...9, using: &random))-\(10 + Int.random(in: 0..<20, using: &random))"
            func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
            var bytes = Array("\(date)\(Bool.random(using: &random) ? " " : "T")\(two(h)):\(two(mi)):\(two(se))".utf8)
            if Int.random(in: 0..<3, using: &random) > 0 {
                bytes[Int.random(in: 10..<19, using: &random)] = near.randomElement(using: &random)!
            }
            let parsed = bytes.withUnsafeBufferPointer { utc.parse($0) }
            #expect(parsed == Self.nineteenBytes(bytes), "\(String(decoding: bytes, as: UTF8.self))")
            if parsed != nil { accepted += 1 }
        }
        #expect(accepted > 5_000 && accepted < 15_000)
    }

    /// A column's memo of its last date gives what a fresh reading gives, also when the
    /// next field shares the date's first bytes, is shorter, or is no timestamp at all.
    @Test func aColumnsDateMemoNeverChangesAReading() {
        let fields = ["2026-10-01 08:00:00", "2026-10-01 23:59:59", "2026-10-01T07:00:00Z", "2026-10-02 08:00:00",
                      "2026-10-01", "2026-10-0", "2026-02-28 10:00:00", "2026-02-29 10:00:00", "2026-02-28 24:00:00",
                      "2026-10-01 08:00:00+02:00", "2026-10-01 08:00", "2026-10-01 08:00:00.5", "2026-10-01x", "yesterday", "",
                      "2024-02-29 00:00:00", "2024-02-29 12:30:45"].map { Array($0.utf8) }
        var random = SplitMix64(seed: 10)
        var memo = TimestampParser.DateMemo()
        for _ in 0..<5_000 {
            let field = fields.randomElement(using: &random)!
            let withMemo = field.withUnsafeBufferPointer { shanghai.parse($0, memo: &memo) }
            #expect(withMemo == field.withUnsafeBufferPointer { shanghai.parse($0) }, "\(String(decoding: field, as: UTF8.self))")
        }
    }

    @Test func civilDateRoundTrips() {
        for day in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CivilDate(dayNumber: day).dayNumber == day)
        }
        #expect(CivilDate(year: 1970, month: 1, day: 1).dayNumber == 0)
        #expect(CivilDate(year: 2026, month: 10, day: 1).dayNumber == 20_727)
    }
}

@Suite struct MoneyParserTests {
    let yuan = MoneyParser(fractionDigits: 2)

    func parse(_ s: String) -> Int64? { Array(s.utf8).withUnsafeBufferPointer { yuan.parse($0) } }

    @Test(arguments: [("0", 0), ("0.00", 0), ("12", 1200), ("12.3", 1230), ("12.34", 1234), ("-5.5", -550),
                      ("92233720368547758.07", Int64.max), ("0.01", 1)] as [(String, Int64)])
    func exactMinorUnits(_ text: String, _ fen: Int64) {
        #expect(parse(text) == fen)
    }

    @Test(arguments: ["", "12.345", "1,200.00", "12.", ".5", "¥12", "1e3", "92233720368547758.08", "12.3.4", " 12"])
    func rejected(_ text: String) {
        #expect(parse(text) == nil)
    }

    @Test func sumsAreExactWhereDoublesDrift() {
        // 0.1 + 0.2 in floating point is 0.30000000000000004; in fen it is exactly 30.
        #expect(parse("0.10")! + parse("0.20")! == 30)
        let dimes = (0..<1000).map { _ in parse("0.10")! }.reduce(0, +)
        #expect(dimes == 10_000)
    }

    @Test func zeroDigitCurrencies() {
        let yen = MoneyParser(fractionDigits: 0)
        #expect(Array("1500".utf8).withUnsafeBufferPointer { yen.parse($0) } == 1500)
        #expect(Array("1500.5".utf8).withUnsafeBufferPointer { yen.parse($0) } == nil)
    }
}
