import Snapshot

/// The type a loaded column gets: what every one of its values can be stored as without
/// losing anything, judged from the contract's column kind and the values themselves.
enum ColumnType: String, Sendable {
    case text, bigint, numeric
    /// Every value carries an offset: an instant.
    case timestamptz
    /// No value carries an offset: local time, as the contract reads it.
    case timestamp

    /// The declared type in SQLite, whose type affinity is all it keeps: times stay text.
    var sqlite: String {
        switch self {
        case .bigint: return "INTEGER"
        case .numeric: return "NUMERIC"
        case .text, .timestamptz, .timestamp: return "TEXT"
        }
    }

    var postgres: String {
        switch self {
        case .text: return "text"
        case .bigint: return "bigint"
        case .numeric: return "numeric"
        case .timestamptz: return "timestamptz"
        case .timestamp: return "timestamp"
        }
    }

    /// What a contract column may become; everything else is text (ids keep their zeros).
    enum Kind { case text, integer, money, time }

    /// Narrows the column's type by one more value (trimmed, not empty); `nil` is the start.
    /// Money takes at most `fractionDigits` decimals, so that a database keeping the number
    /// (SQLite writes 12.340 back as 12.34) reads as the file did.
    static func narrow(_ current: ColumnType?, kind: Kind, value: UnsafeBufferPointer<UInt8>, parser: TimestampParser, fractionDigits: Int = 2) -> ColumnType {
        if current == .text { return .text }
        switch kind {
        case .text: return .text
        case .integer:
            return isInteger(value) ? .bigint : .text
        case .money:
            return isDecimal(value, fractionDigits: fractionDigits) ? .numeric : .text
        case .time:
            guard parser.parse(value) != nil else { return .text }
            let type: ColumnType = hasOffset(value) ? .timestamptz : .timestamp
            return current == nil || current == type ? type : .text
        }
    }

    /// `-?[0-9]{1,18}`.
    static func isInteger(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        let digits = v.first == UInt8(ascii: "-") ? v.dropFirst() : v[...]
        return !digits.isEmpty && digits.count <= 18 && digits.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// `-?[0-9]+(.[0-9]{1,fractionDigits})?` with at most 15 significant digits, which SQLite's REAL keeps exactly.
    static func isDecimal(_ v: UnsafeBufferPointer<UInt8>, fractionDigits: Int) -> Bool {
        let body = v.first == UInt8(ascii: "-") ? v.dropFirst() : v[...]
        let parts = body.split(separator: UInt8(ascii: "."), maxSplits: 1, omittingEmptySubsequences: false)
        guard !parts.isEmpty, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0 >= 48 && $0 <= 57 } }) else { return false }
        guard parts.count == 1 || parts[1].count <= fractionDigits else { return false }
        return parts.reduce(0) { $0 + $1.count } <= 15
    }

    /// A `Z` or `±hh:mm` after the time of day.
    static func hasOffset(_ v: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let last = v.last else { return false }
        return last == UInt8(ascii: "Z") || last == UInt8(ascii: "z") || v.dropFirst(10).contains { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "-") }
    }
}
