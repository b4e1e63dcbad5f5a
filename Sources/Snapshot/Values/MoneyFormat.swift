import Foundation

/// How an export writes money: which mark separates the fraction, which groups thousands,
/// and whether a currency symbol may stand beside the number.
///
/// The contract's own form is ``plain`` (`1234.50`). A mapped table may name another by
/// example (`"1,234.50"`, `"1.234,50"`, `"1 234,50"`); then thousands groups are checked
/// (three digits each, so `1,23` is not read as 123) and a currency symbol or code before
/// or after the number (`¥1,234.50`, `1.234,50 €`, `USD 12.00`) is accepted and dropped.
public struct MoneyFormat: Sendable, Equatable, CustomStringConvertible {
    public let decimal: UInt8
    /// The bytes of the thousands separator, empty when there is none.
    public let grouping: [UInt8]
    public let symbols: Bool

    public static let plain = MoneyFormat(decimal: UInt8(ascii: "."), grouping: [], symbols: false)

    /// The format an example such as `1,234.50` shows, or nil when it shows none: digits,
    /// at most one kind of thousands separator, then `.` or `,` and the fraction digits.
    public init?(example: String) {
        var bare = example
        for symbol in Self.symbolBytes.map({ String(decoding: $0, as: UTF8.self) }) { bare = bare.replacingOccurrences(of: symbol, with: "") }
        bare = bare.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "-\u{A0}\u{202F}")))
        let scalars = Array(bare.unicodeScalars)
        let marks = scalars.filter { !("0"..."9").contains($0) }
        guard scalars.count > marks.count, let last = marks.last, last == "." || last == "," else { return nil }
        let groupMarks = Set(marks.dropLast())
        guard groupMarks.count <= 1, !groupMarks.contains(last) else { return nil }
        let allowedGroups: Set<Unicode.Scalar> = [",", ".", " ", "'", "\u{A0}", "\u{202F}"]
        if let g = groupMarks.first, !allowedGroups.contains(g) { return nil }
        self.init(decimal: UInt8(ascii: last), grouping: groupMarks.first.map { Array(String($0).utf8) } ?? [], symbols: true)
    }

    init(decimal: UInt8, grouping: [UInt8], symbols: Bool) {
        self.decimal = decimal
        self.grouping = grouping
        self.symbols = symbols
    }

    public var description: String {
        self == .plain ? "1234.50" : "1\(String(decoding: grouping, as: UTF8.self))234\(Character(Unicode.Scalar(decimal)))50"
    }

    /// Currency marks accepted beside a number, longest first so that `HK$` is not read as `$`.
    static let symbolBytes: [[UInt8]] = ["HK$", "US$", "RMB", "CNY", "USD", "EUR", "GBP", "HKD", "JPY", "¥", "￥", "$", "€", "£", "元"]
        .map { Array($0.utf8) }.sorted { $0.count > $1.count }

    /// The number's bytes in the contract's plain form (`-1234.50`) written into `out`, or
    /// nil when the text is not money in this format. `out` holds at least `bytes.count`.
    func normalize(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        var start = 0, end = bytes.count
        var negative = false
        /// Spaces, no-break spaces (C2 A0) and narrow no-break spaces (E2 80 AF) between the number and its mark.
        func skipSpaces() {
            while true {
                if start < end, bytes[start] == 32 { start += 1 } else if end - start >= 2, bytes[start] == 0xC2, bytes[start + 1] == 0xA0 { start += 2 }
                else if end - start >= 3, bytes[start] == 0xE2, bytes[start + 1] == 0x80, bytes[start + 2] == 0xAF { start += 3 } else { break }
            }
            while true {
                if end > start, bytes[end - 1] == 32 { end -= 1 } else if end - start >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0xA0 { end -= 2 }
                else if end - start >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80, bytes[end - 1] == 0xAF { end -= 3 } else { break }
            }
        }
        func dropSymbol() {
            guard symbols else { return }
            for symbol in Self.symbolBytes {
                if end - start >= symbol.count, symbol.indices.allSatisfy({ bytes[start + $0] == symbol[$0] }) { start += symbol.count; return }
                if end - start >= symbol.count, symbol.indices.allSatisfy({ bytes[end - symbol.count + $0] == symbol[$0] }) { end -= symbol.count; return }
            }
        }
        if start < end, bytes[start] == UInt8(ascii: "-") { negative = true; start += 1 }
        dropSymbol()
        skipSpaces()
        if !negative, start < end, bytes[start] == UInt8(ascii: "-") { negative = true; start += 1 }
        var count = 0
        if negative { out[0] = UInt8(ascii: "-"); count = 1 }
        // Digits in groups: the first of 1–3 digits, each later one exactly 3, when grouped.
        var groupDigits = 0, grouped = false, sawDecimal = false
        var p = start
        while p < end {
            let c = bytes[p]
            if c >= 48, c <= 57 {
                out[count] = c
                count += 1
                groupDigits += 1
                p += 1
            } else if !sawDecimal, !grouping.isEmpty, end - p >= grouping.count, grouping.indices.allSatisfy({ bytes[p + $0] == grouping[$0] }) {
                guard grouped ? groupDigits == 3 : (1...3).contains(groupDigits) else { return nil }
                grouped = true
                groupDigits = 0
                p += grouping.count
            } else if c == decimal, !sawDecimal {
                guard !grouped || groupDigits == 3 else { return nil }
                sawDecimal = true
                grouped = false
                out[count] = UInt8(ascii: ".")
                count += 1
                p += 1
            } else {
                return nil
            }
        }
        guard !grouped || groupDigits == 3 else { return nil }
        return count
    }
}
