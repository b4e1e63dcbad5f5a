import Metrics
import Snapshot

/// `tables:` in `pack.yaml`: how each table of the contract is found in the company's own
/// exports or database (file or table, encoding, separator, column names, words,
/// timestamp and money forms).
/// `all:` gives settings every table shares; a table's own keys override them.
enum TableRules {
    static let keys = ["file", "table", "format", "sheet", "encoding", "delimiter", "columns", "values", "timestamps", "money"]
    /// What `all:` may say: how text is written, not which file, sheet or column.
    static let sharedKeys = ["format", "encoding", "delimiter", "timestamps", "money"]

    static func tables(_ node: ConfigNode, extraDimensions: [String]) throws -> [String: TableMapping] {
        let entries = try node.mapping(known: ["all"] + Snapshot.tableNames)
        var base = TableMapping()
        if let all = entries.first(where: { $0.key == "all" })?.value {
            base = try mapping(all, table: nil, base: base, extraDimensions: extraDimensions)
        }
        var tables: [String: TableMapping] = [:]
        for table in Snapshot.tableNames {
            let own = entries.first { $0.key == table }?.value
            tables[table] = try own.map { try mapping($0, table: table, base: base, extraDimensions: extraDimensions) } ?? base
        }
        return tables
    }

    private static func mapping(_ node: ConfigNode, table: String?, base: TableMapping, extraDimensions: [String]) throws -> TableMapping {
        var m = base
        for (key, value) in try node.mapping(known: table == nil ? sharedKeys : keys) {
            switch key {
            case "file":
                let file = try value.string(maxLength: 200)
                guard !file.split(separator: "/").contains("..") else { throw value.problem("must not climb out with ..: a file in the data folder, or an absolute path") }
                m.file = file
            case "table": m.table = try value.string(maxLength: 63)
            case "format": m.format = FileFormat(rawValue: try value.choice(FileFormat.allCases.map(\.rawValue)))!
            case "sheet": m.sheet = try value.string(maxLength: 31)
            case "encoding": m.encoding = TextEncoding(rawValue: try value.choice(TextEncoding.allCases.map(\.rawValue)))!
            case "delimiter":
                guard case .scalar(let s) = value.node else { throw value.problem("must be \",\", \";\" or tab") }
                switch s.string {
                case ",": m.delimiter = UInt8(ascii: ",")
                case ";": m.delimiter = UInt8(ascii: ";")
                case "\t", "tab", "\\t": m.delimiter = 9
                default: throw value.problem("must be \",\", \";\" or tab, found \(value.shown)")
                }
            case "columns":
                let known = columns(of: table!, extraDimensions: extraDimensions)
                var written = Set<String>()
                for (column, header) in try value.mapping() {
                    guard known.contains(column) else {
                        let hint = Suggestion.nearest(to: column, in: known).map { "did you mean \"\($0)\"? " } ?? ""
                        throw header.problem("\(table!) has no column \(column); \(hint)its columns are \(known.joined(separator: ", "))")
                    }
                    let name = try header.string(maxLength: 200)
                    guard written.insert(name.lowercased()).inserted else { throw header.problem("\"\(name)\" is mapped to two columns") }
                    m.columns[column] = name
                }
            case "values":
                for (column, words) in try value.mapping() {
                    let present = columns(of: table!, extraDimensions: extraDimensions)
                    guard ContractTables.valueColumns.contains(column), present.contains(column) else {
                        let allowed = present.filter(ContractTables.valueColumns.contains)
                        throw words.problem("\(table!) has no column \(column) whose words can be mapped; "
                                            + (allowed.isEmpty ? "it has none" : "it has \(allowed.joined(separator: ", "))"))
                    }
                    let targets = ContractTables.named(table!)?.words[column]
                    var map: [String: String] = [:]
                    for (from, to) in try words.mapping() {
                        let word = try to.string(maxLength: 200)
                        if let targets, !targets.contains(word.lowercased()) {
                            throw to.problem("must be one of \(targets.joined(separator: ", ")), found \(to.shown)")
                        }
                        map[from] = targets == nil ? word : word.lowercased()
                    }
                    m.values[column] = map
                }
            case "timestamps":
                let patterns = (try? value.list()) ?? [value]
                m.timestamps = try patterns.map { item in
                    do { return try TimestampPattern(try item.string(maxLength: 64)) } catch let problem as TimestampPattern.Problem {
                        throw item.problem(problem.description)
                    }
                }
            case "money":
                let example = try value.string(maxLength: 20)
                guard let format = MoneyFormat(example: example) else {
                    throw value.problem("give an example of the export's money such as \"1,234.50\", \"1.234,50\" or \"1 234,50\", found \(value.shown)")
                }
                m.money = format
            default: break
            }
        }
        return m
    }

    /// The contract columns of a table a mapping may name: customers also the configured
    /// extra dimensions; leads also the customer dimensions a lead may carry for audiences.
    static func columns(of table: String, extraDimensions: [String]) -> [String] {
        let columns = ContractTables.named(table)?.columns ?? []
        switch table {
        case "customers": return columns + extraDimensions.filter { !columns.contains($0) }
        case "leads": return columns + FactsScope.leadAudienceDimensions(SnapshotOptions.standardDimensions + extraDimensions).filter { !columns.contains($0) }
        default: return columns
        }
    }
}
