import Foundation
import Snapshot

/// The `pack.yaml` `init` writes: the proposed mapping as YAML, with a comment wherever a
/// person should look (a guessed encoding, ambiguous dates, words or columns not placed).
struct PackYAMLDraft {
    let proposal: MappingProposal
    let folder: String

    var text: String {
        let zh = proposal.chinese
        let currency = ["¥": "CNY", "￥": "CNY", "$": "USD", "US$": "USD", "HK$": "HKD", "€": "EUR", "£": "GBP"][proposal.currencySymbol ?? ""] ?? (zh ? "CNY" : "USD")
        let folderName = Self.comment((folder as NSString).lastPathComponent)
        let intro = zh ? [
            "# 由 `reviewpack init` 根据 \(folderName) 中的文件生成。",
            "# 下面的映射都是根据表头和前 \(ExportSample.rowsLooked) 行做出的推测：请核对，",
            "# 然后运行 `reviewpack check`。各项的含义见 docs/configuration.md。",
        ] : [
            "# Written by `reviewpack init` from the files in \(folderName).",
            "# Every mapping below is a guess from the headers and the first \(ExportSample.rowsLooked) rows: review it,",
            "# then run `reviewpack check`. The keys are explained in docs/configuration.md.",
        ]
        var lines = intro + [
            "company: \(Self.quoted(zh ? "我的公司" : "My Company"))",
            "language: \(zh ? "zh" : "en")",
            "timezone: \(zh ? "Asia/Shanghai   # 计算本地日期和月份所用的时区" : "UTC   # the zone local days and months are counted in")",
            "currency: \(currency)",
        ]
        if let customers = proposal.tables.first(where: { $0.table == "customers" }) {
            let present = SnapshotOptions.standardDimensions.filter(customers.placed.contains)
            if !present.isEmpty { lines.append("dimensions: [\(present.joined(separator: ", "))]") }
        }
        lines.append("")
        lines.append("tables:")
        let shared = Self.shared(proposal.tables)
        if shared != TableMapping() {
            lines.append(zh ? "  all:   # 所有表" : "  all:   # every table")
            lines += Self.textSettings(shared, indent: "    ")
        }
        var asTheContractSays: [String] = []
        for table in proposal.tables {
            let body = tableLines(table, shared: shared)
            if body.isEmpty {
                asTheContractSays.append(table.files.joined(separator: ", "))
            } else {
                // Only comments under a key would make it null: then the table is an empty mapping with its comments.
                lines.append("  \(table.table):" + (body.allSatisfy { $0.hasPrefix("    #") } ? " {}" : ""))
                lines += body
            }
        }
        if lines.last == "tables:" { lines[lines.count - 1] = "tables: {}" }   // a key with only comments under it would be null
        if !asTheContractSays.isEmpty {
            let files = Self.comment(asTheContractSays.joined(separator: ", "))
            lines.append(zh ? "  # 以下文件按约定的名称读取：\(files)" : "  # read as the contract names them: \(files)")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One table's lines under `tables:`, without what `all:` already says; empty when it is read as the contract says.
    func tableLines(_ table: MappingProposal.Table, shared: TableMapping) -> [String] {
        var lines: [String] = []
        var m = table.mapping
        if let file = m.file { lines.append("    file: \(Self.quoted(file))") }
        for note in table.notes where !(shared.encoding != .utf8 && note.aboutEncoding) {
            lines.append("    # \(Self.comment(proposal.chinese ? note.chinese : note.english))")
        }
        if m.encoding == shared.encoding { m.encoding = .utf8 }
        if m.delimiter == shared.delimiter { m.delimiter = UInt8(ascii: ",") }
        if Set(m.timestamps.map(\.text)).isSubset(of: shared.timestamps.map(\.text)) { m.timestamps = [] }
        if m.money == shared.money { m.money = .plain }
        let text = Self.textSettings(m, indent: "    ")
        lines += text.filter { !$0.contains("timestamps:") && !$0.contains("money:") }
        let columns = m.columns.sorted { Self.order(table.table, $0.key) < Self.order(table.table, $1.key) }
        if !columns.isEmpty { lines.append("    columns:") }
        for (column, header) in columns { lines.append("      \(column): \(Self.quoted(header))") }
        for column in table.unplaced {
            lines.append(proposal.chinese ? "    # columns: {\(column): <存放它的列的表头>}   （未能识别；此列必需）"
                                          : "    # columns: {\(column): <the header of the column holding it>}   (none was recognised; it is required)")
        }
        if !m.values.isEmpty { lines.append("    values:") }
        for column in m.values.keys.sorted() {
            lines.append("      \(column):")
            for (from, to) in m.values[column]!.sorted(by: { $0.key < $1.key }) { lines.append("        \(Self.quoted(from)): \(to)") }
        }
        for (column, words) in table.unknownWords.sorted(by: { $0.key < $1.key }) {
            let shown = words.prefix(10).map(Self.quoted).joined(separator: ", ")
            lines.append(proposal.chinese ? "    # \(column) 中 init 无法对应的取值（含这些值的行不计入）：\(Self.comment(shown))"
                                          : "    # values of \(column) init could not place (rows with them are left out): \(Self.comment(shown))")
        }
        return lines + text.filter { $0.contains("timestamps:") || $0.contains("money:") }
    }

    /// How a table's text is written, as YAML lines (encoding, delimiter, timestamps, money).
    static func textSettings(_ m: TableMapping, indent: String) -> [String] {
        var lines: [String] = []
        if m.encoding != .utf8 { lines.append("\(indent)encoding: \(m.encoding.rawValue)") }
        if m.delimiter != UInt8(ascii: ",") { lines.append("\(indent)delimiter: \(m.delimiter == 9 ? "tab" : quoted(String(UnicodeScalar(m.delimiter))))") }
        if !m.timestamps.isEmpty { lines.append("\(indent)timestamps: [\(m.timestamps.map { quoted($0.text) }.joined(separator: ", "))]") }
        if m.money != .plain { lines.append("\(indent)money: \(quoted(m.money.description))") }
        return lines
    }

    /// The settings every table agrees on, said once under `all:`: an encoding or separator
    /// all tables share, the timestamp patterns of all of them when more than one needs
    /// any (the contract's forms are tried first, so a table of those loses nothing), and a
    /// money form every table with money columns writes.
    static func shared(_ tables: [MappingProposal.Table]) -> TableMapping {
        let mappings = tables.map(\.mapping)
        var all = TableMapping()
        guard mappings.count > 1 else { return all }
        if Set(mappings.map(\.encoding)).count == 1 { all.encoding = mappings[0].encoding }
        if Set(mappings.map(\.delimiter)).count == 1 { all.delimiter = mappings[0].delimiter }
        if mappings.filter({ !$0.timestamps.isEmpty }).count > 1 {
            for pattern in mappings.flatMap(\.timestamps) where !all.timestamps.contains(pattern) { all.timestamps.append(pattern) }
        }
        let withMoney = tables.filter { !(ContractTables.named($0.table)?.money.isEmpty ?? true) }.map(\.mapping.money)
        if let form = withMoney.first, form != .plain, withMoney.allSatisfy({ $0 == form }) { all.money = form }
        return all
    }

    static func order(_ table: String, _ column: String) -> Int {
        ContractTables.named(table)?.columns.firstIndex(of: column) ?? Int.max
    }

    /// A YAML double-quoted scalar: backslash, quote and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            default:
                if Self.unsafeInYAML(scalar) { out += scalar.value > 0xFFFF ? String(format: "\\U%08X", scalar.value) : String(format: "\\u%04X", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// Text made safe for a `#` comment: one line.
    static func comment(_ text: String) -> String {
        String(text.unicodeScalars.map { unsafeInYAML($0) ? " " : Character($0) })
    }

    /// Characters a YAML reader takes for line breaks (NEL, U+2028, U+2029), or refuses
    /// (controls, byte-order marks, non-characters): escaped in quotes, blanked in comments.
    static func unsafeInYAML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned: return true
        default: return scalar.properties.isNoncharacterCodePoint
        }
    }
}
