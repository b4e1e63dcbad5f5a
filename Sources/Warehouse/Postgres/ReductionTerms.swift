import Metrics
import Snapshot

/// The SQL every reduction inside the database shares: ids as the reader compares them,
/// times it can read, local days, the snapshot's moment, and the customers it will know.
///
/// A reduction splits a table in two. A row with nothing to report is *clean*: the reader
/// would take it as it is, so the database reduces it. Every other row comes whole, with
/// its place in the table, and is read as a file's row would be, so the findings (their
/// counts and examples) are those of a folder.
struct ReductionTerms {
    let zone: Zone
    /// Whether the server places instants in the configured zone by that name.
    let knowsZone: Bool
    let asOf: Int64?
    /// The customers table: relation, id column and signup column with its type.
    let customers: (relation: String, id: String, signup: String, signupType: String)

    /// The column types the database can tell a readable time of.
    static let timeTypes: Set<String> = ["timestamp with time zone", "timestamp without time zone", "date"]
    /// The column types whose text the database reads as times (``time(_:_:offsets:as:)``).
    static let textTypes: Set<String> = ["text", "character varying", "character"]

    /// Whether a column of `type` holds times the database can tell: typed, or text.
    static func holdsTimes(_ type: String) -> Bool { timeTypes.contains(type) || textTypes.contains(type) }

    /// Whether a column of `type` can be reduced: typed, an instant only when the server
    /// knows the zone, or text.
    func reads(_ type: String) -> Bool { type == "timestamp with time zone" ? knowsZone : Self.holdsTimes(type) }

    /// A time column of `type` as the database reads it (see ``TimeColumn``).
    ///
    /// Text is read in the contract's forms `YYYY-MM-DD[( |T)HH:MM[:SS[.ffffff]]]`, as local
    /// time, and with `offsets`, a time of day followed by `Z` or `±HH[:]MM`, converted to the
    /// zone (for local days only: a local time turned back into an instant in the hour a
    /// clock goes back could be the other one). The forms are narrower than the reader's, so
    /// that the cast can never fail and stop the statement: years 1000–8999, no 29 February,
    /// at most microseconds (the database would round finer fractions), offsets within
    /// ±13:59, and no offset after a bare date (the database takes `2026-10-08-05:00` for a
    /// malformed date). Other rows come whole.
    ///
    /// Named `name`, text's local time is worked out once per row, as the ``TimeColumn/key``.
    func time(_ column: String, _ type: String, offsets: Bool, as name: String? = nil) -> TimeColumn {
        guard Self.textTypes.contains(type) else {
            return TimeColumn(value: column, type: type, readable: Self.readable(column, type), isAbsent: "\(column) IS NULL")
        }
        let text = "CAST(\(column) AS text)"
        let date = "[1-8][0-9]{3}-((0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])|(0[13-9]|1[0-2])-(29|30)|(0[13578]|1[02])-31)"
        let clock = "[ T]([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](.[0-9]{1,6})?)?"
        var cases = ["WHEN \(text) SIMILAR TO '\(date)(\(clock))?' THEN CAST(\(text) AS timestamp)"]
        if offsets && knowsZone {
            cases.append("WHEN \(text) SIMILAR TO '\(date)\(clock)(Z|z|[+-](0[0-9]|1[0-3]):?[0-5][0-9])' "
                + "THEN CAST(CAST(\(text) AS timestamp with time zone) AT TIME ZONE \(Self.literal(zone.identifier)) AS timestamp)")
        }
        let local = "(CASE \(cases.joined(separator: " ")) END)", absent = "(\(column) IS NULL OR \(text) = '')"
        // The forms hold only years the reader reads: a time is readable when there is one.
        let value = name.map { "t." + $0 } ?? local
        return TimeColumn(value: value, type: "timestamp without time zone", readable: "\(value) IS NOT NULL", isAbsent: absent,
                          key: name.map { "\(local) AS \($0)" })
    }

    /// An id as the reader compares it: text, trimmed of spaces and tabs.
    static func id(_ column: String) -> String { "btrim(CAST(\(column) AS text), ' ' || chr(9))" }

    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    /// A time the reader can read: not NULL, and within the years 0001 to 9999 it writes with
    /// four digits (infinity and BC dates are neither).
    static func readable(_ column: String, _ type: String) -> String {
        let (low, high) = type == "date" ? ("DATE '0001-01-01'", "DATE '9999-12-31'")
            : type == "timestamp with time zone" ? ("TIMESTAMP WITH TIME ZONE '0001-01-02 00:00:00+00'", "TIMESTAMP WITH TIME ZONE '9999-12-30 00:00:00+00'")
            : ("TIMESTAMP '0001-01-01 00:00:00'", "TIMESTAMP '9999-12-31 23:59:59'")
        return "\(column) >= \(low) AND \(column) <= \(high)"
    }

    /// A readable time the reader would not question: times near the snapshot's moment (or
    /// after it) are left to the reader, which knows the zone's rules exactly.
    func settled(_ time: TimeColumn) -> String {
        var parts = [time.readable]
        if let asOf { parts.append("\(time.value) <= \(bound(asOf - 2 * 86_400, time.type))") }
        return parts.joined(separator: " AND ")
    }

    /// The local day of a time, in the configured zone when it is an instant.
    func day(_ time: TimeColumn) -> String {
        switch time.type {
        case "timestamp with time zone": return "CAST(\(time.value) AT TIME ZONE \(Self.literal(zone.identifier)) AS date)"
        case "timestamp without time zone": return "CAST(\(time.value) AS date)"
        default: return time.value
        }
    }

    /// The local day as days since 1970-01-01, as the facts count them.
    func dayNumber(_ time: TimeColumn) -> String { "\(day(time)) - DATE '1970-01-01'" }

    /// The instant as a literal of the column's type: UTC for instants, else local time.
    private func bound(_ instant: Int64, _ type: String) -> String {
        let utc = type == "timestamp with time zone"
        let local = utc ? instant : instant + zone.offset(at: instant)
        let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        let seconds = local - days * 86_400
        let date = CivilDate(dayNumber: Int(days))
        let time = String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        switch type {
        case "timestamp with time zone": return "TIMESTAMP WITH TIME ZONE '\(date) \(time)+00'"
        case "timestamp without time zone": return "TIMESTAMP '\(date) \(time)'"
        default: return "DATE '\(date)'"
        }
    }

    /// The customers the reader will know (an id of 1 to 256 bytes and a signup time), joined
    /// as `k` to a table `t` carrying `t.reviewpack_customer` (``id(_:)`` of its customer),
    /// each with the place of its first row in the customers table's order
    /// (`reviewpack_position`), which is the order of the reader's rows.
    var known: String {
        let id = Self.id("c." + PostgresConnection.quote(customers.id))
        let signup = time("c." + PostgresConnection.quote(customers.signup), customers.signupType, offsets: true)
        return "LEFT JOIN (SELECT reviewpack_id, min(reviewpack_position) AS reviewpack_position FROM "
            + "(SELECT \(id) AS reviewpack_id, ROW_NUMBER() OVER () AS reviewpack_position FROM \(customers.relation) c "
            + "WHERE \(signup.readable) AND octet_length(\(id)) BETWEEN 1 AND 256) c GROUP BY reviewpack_id) k "
            + "ON k.reviewpack_id = t.reviewpack_customer"
    }

    /// The ids of `relation` that appear more than once, joined as `d` to a table `t` carrying
    /// `t.<key>` (``id(_:)`` of its id): every row of a repeated id comes whole, so the
    /// reader sees which is first.
    static func repeated(_ idColumn: String, of relation: String, key: String) -> String {
        "LEFT JOIN (SELECT \(id(PostgresConnection.quote(idColumn))) AS reviewpack_repeated FROM \(relation) GROUP BY 1 HAVING count(*) > 1) d "
            + "ON d.reviewpack_repeated = t.\(key)"
    }

    /// A time as whole seconds since 1970, fractions dropped as the reader's text drops them:
    /// UTC for an instant, else local time (``instant(_:_:)`` places it in the zone).
    static func seconds(_ column: String) -> String { "CAST(floor(EXTRACT(EPOCH FROM \(column))) AS bigint)" }

    /// The instant of ``seconds(_:)`` of a column of `type`.
    func instant(_ seconds: Int64, _ type: String) -> Int64 {
        type == "timestamp with time zone" ? seconds : zone.instant(ofLocal: seconds)
    }

    /// Money the reader reads as it is: the contract's plain form, not negative, with at most
    /// the currency's fraction digits and 13 whole digits (so no sum of a column's values
    /// can come near 64 bits). A number column is tested by its value and the digits its
    /// text has; anything else by a pattern, which costs the database far more per row.
    static func plainMoney(_ column: String, _ type: String, digits: Int) -> String {
        let text = "CAST(\(column) AS text)"
        switch type {
        case "smallint", "integer", "bigint":
            return "\(column) >= 0 AND \(column) < 10000000000000"
        case "numeric":
            // NaN and infinity compare above every number.
            let point = "position('.' IN \(text))"
            let fraction = digits == 0 ? "\(point) = 0" : "(\(point) = 0 OR char_length(\(text)) - \(point) BETWEEN 1 AND \(digits))"
            return "\(column) >= 0 AND \(column) < 10000000000000 AND \(fraction)"
        default:
            return digits == 0 ? "\(text) SIMILAR TO '[0-9]{1,13}'" : "\(text) SIMILAR TO '[0-9]{1,13}(.[0-9]{1,\(digits)})?'"
        }
    }

    /// Plain money (``plainMoney(_:_:digits:)``) as minor units: a number column's value, or
    /// the number a text column's text is.
    static func minorUnits(_ column: String, _ type: String, digits: Int) -> String {
        let number = ["smallint", "integer", "bigint", "numeric"].contains(type) ? column : "CAST(\(column) AS text)"
        return "CAST(\(number) AS numeric) * \(pow10(digits))"
    }

    private static func pow10(_ digits: Int) -> String { "1" + String(repeating: "0", count: digits) }

    /// A word column as the reader tells it: the code of the contract's word it is, NULL for
    /// a word it refuses. Trimmed of spaces and tabs, ASCII letters in any case (as the
    /// reader folds them: `lower` would fold other letters too); the mapping's words
    /// (export word → contract word) are tried first, in the reader's order. The contract's
    /// words as written, the usual case, are tried before anything is folded.
    static func keyword(_ column: String, _ words: [(word: String, code: Int)], mapping: [String: String]) -> String {
        let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", lower = upper.lowercased()
        let folded = "translate(btrim(COALESCE(CAST(\(column) AS text), ''), ' ' || chr(9)), '\(upper)', '\(lower)')"
        func fold(_ word: String) -> String {
            String(decoding: word.trimmingCharacters(in: [" ", "\t"]).utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        func code(_ contractWord: String) -> String { words.first { $0.word == fold(contractWord) }.map { "\($0.code)" } ?? "NULL" }
        let mapped = Set(mapping.keys.map(fold))
        let asWritten = words.filter { !mapped.contains($0.word) && !$0.word.isEmpty }
            .map { "WHEN CAST(\(column) AS text) = \(literal($0.word)) THEN \($0.code)" }
        let tried = mapping.sorted { $0.key < $1.key }.map { "WHEN \(folded) = \(literal(fold($0.key))) THEN \(code($0.value))" }
            + words.map { "WHEN \(folded) = \(literal($0.word)) THEN \($0.code)" }
        return "CASE " + (asWritten + tried).joined(separator: " ") + " END"
    }

    /// A text column as the reader hands it on: trimmed of spaces and tabs, and translated
    /// when the mapping names its word (matched as ``keyword(_:_:mapping:)`` matches).
    static func mapped(_ column: String, mapping: [String: String]) -> String {
        let trimmed = "btrim(COALESCE(CAST(\(column) AS text), ''), ' ' || chr(9))"
        guard !mapping.isEmpty else { return trimmed }
        let upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", lower = upper.lowercased()
        let folded = "translate(\(trimmed), '\(upper)', '\(lower)')"
        func fold(_ word: String) -> String {
            String(decoding: word.trimmingCharacters(in: [" ", "\t"]).utf8.map { $0 >= 65 && $0 <= 90 ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        let words = mapping.sorted { $0.key < $1.key }.map { "WHEN \(folded) = \(literal(fold($0.key))) THEN \(literal($0.value))" }
        return "CASE " + words.joined(separator: " ") + " ELSE \(trimmed) END"
    }

    /// Reads a whole number the database wrote.
    static func integer(_ field: [UInt8], _ what: String, in place: String) throws -> Int64 {
        guard let number = Int64(String(decoding: field, as: UTF8.self)) else {
            throw DatabaseError(.query, "\(place): the database gave the \(what) \"\(String(decoding: field, as: UTF8.self))\"")
        }
        return number
    }
}
