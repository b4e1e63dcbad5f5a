import Metrics
import Foundation

/// A proposed mapping of a folder of exports onto the contract's tables, from their
/// headers and first rows: what `reviewpack init` writes into a commented `pack.yaml`.
///
/// Every part is a guess a person reviews: which file holds which table (by its columns
/// and its name), which header means which column, which words mean `paid`, which
/// timestamp patterns and money form the values are written in.
public struct MappingProposal: Sendable {
    public struct Table: Sendable {
        public let table: String
        /// The files read as this table (several with one header become a glob).
        public let files: [String]
        public var mapping: TableMapping
        /// The contract columns a header was found for, in the contract's order.
        public var placed: [String] = []
        /// Required columns no header could be matched with.
        public var unplaced: [String] = []
        /// Per enumerated column, the words seen that no known word matches.
        public var unknownWords: [String: [String]] = [:]
        /// Sentences for the reviewer (ambiguous dates, a guessed encoding), in English and Chinese.
        public var notes: [Note] = []
    }

    /// What a reviewer should look at, said in both languages.
    public struct Note: Sendable {
        public let english: String
        public let chinese: String
        /// The encoding was guessed: said once under `all:` when every table shares it.
        public let aboutEncoding: Bool

        init(_ english: String, _ chinese: String, aboutEncoding: Bool = false) {
            (self.english, self.chinese, self.aboutEncoding) = (english, chinese, aboutEncoding)
        }
    }

    public private(set) var tables: [Table] = []
    /// Files that look like no table of the contract.
    public private(set) var unused: [String] = []
    /// A currency symbol the money columns showed, if any (`¥`, `$`, `€`, `£`).
    public private(set) var currencySymbol: String?
    /// Whether the exports are written in Chinese (their headers or values).
    public private(set) var chinese = false

    /// Words in a file name that say which table it holds.
    static let fileWords: [String: [String]] = [
        "customers": ["customer", "client", "account", "member", "客户", "会员", "用户"],
        "orders": ["order", "sale", "invoice", "transaction", "订单", "销售", "交易"],
        "leads": ["lead", "prospect", "opportunit", "线索", "商机"],
        "traffic": ["traffic", "visit", "session", "流量", "访问"],
        "activities": ["activit", "event", "interaction", "usage", "login", "活动", "行为", "跟进", "登录"],
        "spend": ["spend", "marketing", "budget", "投放", "花费", "费用", "预算"],
        "surveys": ["survey", "nps", "csat", "feedback", "问卷", "满意度", "调研"],
        "tickets": ["ticket", "case", "support", "工单", "客服", "服务"],
        "targets": ["target", "goal", "quota", "目标", "指标"],
    ]

    /// Export words for the contract's enumerated values, matched ignoring case.
    static let knownWords: [String: [String: [String: [String]]]] = [
        "orders": ["status": [
            "paid": ["paid", "已付款", "已支付", "付款成功", "支付成功", "已完成", "完成", "成功", "closed won", "won", "complete", "completed", "success", "succeeded", "settled"],
            "refunded": ["refunded", "已退款", "退款", "退款成功", "全额退款", "refund", "returned", "已退货"],
            "cancelled": ["cancelled", "canceled", "已取消", "取消", "已关闭", "关闭", "void", "voided", "closed lost", "lost", "failed", "失败"],
        ]],
        "surveys": ["kind": [
            "nps": ["nps", "净推荐值", "推荐意愿", "net promoter"],
            "csat": ["csat", "满意度", "客户满意度", "satisfaction"],
        ]],
    ]

    /// Patterns tried for timestamps the contract's forms do not read, most specific first.
    static let patternCandidates = [
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d",
        "yyyy.M.d H:mm:ss", "yyyy.M.d H:mm", "yyyy.M.d",
        "yyyy年M月d日 H:mm:ss", "yyyy年M月d日 H:mm", "yyyy年M月d日",
        "M/d/yyyy h:mm:ss a", "M/d/yyyy h:mm a", "M/d/yyyy H:mm:ss", "M/d/yyyy H:mm", "M/d/yyyy",
        "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "d/M/yyyy",
        "d.M.yyyy H:mm:ss", "d.M.yyyy H:mm", "d.M.yyyy",
        "d-MMM-yyyy H:mm:ss", "d-MMM-yyyy", "yyyyMMdd",
    ].map { try! TimestampPattern($0) }

    static let moneyCandidates = ["1,234.50", "1.234,50", "1 234,50", "1'234.50", "1234,50"].compactMap(MoneyFormat.init(example:))

    public init(samples: [ExportSample], zone: Zone) {
        let han = { (text: String) in text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
        chinese = samples.contains { $0.header.contains(where: han) || $0.values.contains { $0.prefix(20).contains(where: han) } }
        // Files with one header are one table's parts.
        var groups: [[ExportSample]] = []
        for sample in samples.sorted(by: { $0.file < $1.file }) {
            if let i = groups.firstIndex(where: { $0[0].header.map { $0.lowercased() } == sample.header.map { $0.lowercased() } }) {
                groups[i].append(sample)
            } else {
                groups.append([sample])
            }
        }
        var pairs: [(score: Int, table: String, group: Int)] = []
        for (g, group) in groups.enumerated() {
            for table in ContractTables.all {
                let score = Self.score(table, group)
                if score > 0 { pairs.append((score, table.name, g)) }
            }
        }
        var takenTables = Set<String>(), takenGroups = Set<Int>()
        let order = Dictionary(uniqueKeysWithValues: ContractTables.all.enumerated().map { ($1.name, $0) })
        for pair in pairs.sorted(by: { ($0.score, -order[$0.table]!) > ($1.score, -order[$1.table]!) })
        where !takenTables.contains(pair.table) && !takenGroups.contains(pair.group) {
            takenTables.insert(pair.table)
            takenGroups.insert(pair.group)
            tables.append(propose(pair.table, groups[pair.group], allFiles: samples.map(\.file), zone: zone))
        }
        tables.sort { order[$0.table]! < order[$1.table]! }
        unused = groups.indices.filter { !takenGroups.contains($0) }.flatMap { groups[$0].map(\.file) }
    }

    /// How well a group of files fits a table: required columns matched count most, then
    /// optional ones and a telling file name. Zero when it cannot be that table.
    static func score(_ table: ContractTables.Table, _ group: [ExportSample]) -> Int {
        let header = group[0].header
        let required = table.required.filter { ColumnSynonyms.header(for: $0, in: table.name, among: header) != nil }.count
        let optional = table.optional.filter { ColumnSynonyms.header(for: $0, in: table.name, among: header) != nil }.count
        let named = group.contains { sample in fileWords[table.name]!.contains { sample.file.lowercased().contains($0) } }
        guard required == table.required.count || (named && required > 0) else { return 0 }
        return required * 4 + optional + (named ? 6 : 0)
    }

    private mutating func propose(_ table: String, _ group: [ExportSample], allFiles: [String], zone: Zone) -> Table {
        let contract = ContractTables.named(table)!
        let first = group[0]
        var mapping = TableMapping()
        var files = group.map(\.file)
        var notes: [Note] = []
        if files.count > 1 {
            let glob = Self.pattern(files)
            let others = allFiles.filter { !files.contains($0) && fnmatch(glob, $0, 0) == 0 }
            if others.isEmpty {
                mapping.file = glob
            } else {
                notes.append(Note("\(files.joined(separator: ", ")) share one header, but no pattern names just them; only \(files[0]) is read",
                                  "\(files.joined(separator: "、")) 表头相同，但没有只匹配它们的通配符；只读取 \(files[0])"))
                files = [files[0]]
            }
        }
        if files.count == 1 { mapping.file = files[0] == TableMapping.defaultFile(of: table) ? nil : files[0] }
        mapping.encoding = group.contains { $0.encoding == .gb18030 } ? .gb18030 : .utf8
        mapping.delimiter = first.delimiter
        var proposal = Table(table: table, files: files, mapping: mapping)
        proposal.notes = notes
        var claimed = Set<Int>()
        var columnIndex: [String: Int] = [:]
        for column in contract.columns {
            let free = first.header.indices.filter { !claimed.contains($0) }.map { first.header[$0] }
            guard let header = ColumnSynonyms.header(for: column, in: table, among: free),
                  let i = first.header.firstIndex(of: header) else {
                if contract.required.contains(column) { proposal.unplaced.append(column) }
                continue
            }
            claimed.insert(i)
            columnIndex[column] = i
            proposal.placed.append(column)
            if header.lowercased() != column { proposal.mapping.columns[column] = header }
        }
        func values(_ column: String) -> [String] {
            columnIndex[column].map { i in group.flatMap { $0.values[i] } } ?? []
        }
        for (column, words) in Self.knownWords[table] ?? [:] {
            var map: [String: String] = [:], unknown: [String] = []
            for seen in Set(values(column)).sorted() {
                if let word = words.first(where: { $0.value.contains(seen.lowercased()) })?.key {
                    if seen.lowercased() != word { map[seen] = word }
                } else {
                    unknown.append(seen)
                }
            }
            if !map.isEmpty { proposal.mapping.values[column] = map }
            if !unknown.isEmpty { proposal.unknownWords[column] = unknown }
        }
        // Timestamps: the fewest patterns, in candidate order, that read every value seen.
        let contractParser = TimestampParser(zone: zone)
        var unread = contract.timestamps.flatMap(values).filter { text in
            var t = text
            return t.withUTF8 { contractParser.parse($0) == nil }
        }
        // Day first when any date's first number cannot be a month: then no month-first pattern is tried.
        let dayFirst = unread.contains(where: Self.dayComesFirst)
        for candidate in Self.patternCandidates where !unread.isEmpty && !(dayFirst && candidate.text.hasPrefix("M/d/")) {
            let read = unread.filter { text in var t = text; return t.withUTF8 { candidate.parse($0, zone: zone) != nil } }
            guard !read.isEmpty else { continue }
            proposal.mapping.timestamps.append(candidate)
            unread.removeAll { read.contains($0) }
            if candidate.text.hasPrefix("M/d/"), !read.contains(where: Self.dayComesSecond) {
                proposal.notes.append(Note("dates such as \(read[0]) could be month/day or day/month; M/d/yyyy was chosen, change it to d/M/yyyy if days come first",
                                           "\(read[0]) 这样的日期既可能是月/日也可能是日/月；已选 M/d/yyyy，若日在前请改为 d/M/yyyy"))
            }
        }
        if !unread.isEmpty {
            proposal.notes.append(Note("\(unread.count) timestamp values match no known pattern, e.g. \"\(unread[0])\"; add a pattern under timestamps",
                                       "有 \(unread.count) 个时间值不符合已知格式，例如“\(unread[0])”；请在 timestamps 下补充格式"))
        }
        // Money: the first form that reads every amount seen.
        let moneyValues = contract.money.flatMap(values)
        let plain = MoneyParser(fractionDigits: 2)
        if moneyValues.contains(where: { text in var t = text; return t.withUTF8 { plain.parse($0) == nil } }) {
            if let format = Self.moneyCandidates.first(where: { format in
                let parser = MoneyParser(fractionDigits: 2, format: format)
                return moneyValues.allSatisfy { text in var t = text; return t.withUTF8 { parser.parse($0) != nil } }
            }) {
                proposal.mapping.money = format
                currencySymbol = currencySymbol ?? moneyValues.lazy.compactMap(Self.currencyMark).first
            } else {
                let failing = moneyValues.first { text in var t = text; return t.withUTF8 { plain.parse($0) == nil } } ?? moneyValues[0]
                proposal.notes.append(Note("some amounts are in no known money form, e.g. \"\(failing)\"; give an example under money",
                                           "部分金额不符合已知写法，例如“\(failing)”；请在 money 下给出示例"))
            }
        }
        if mapping.encoding == .gb18030 {
            proposal.notes.append(Note("the text is not UTF-8; read as GB18030 (GBK)", "文本不是 UTF-8，按 GB18030（GBK）读取", aboutEncoding: true))
        }
        return proposal
    }

    /// `订单_2025.csv`, `订单_2026.csv` → `订单_*.csv`: the common start and end around a `*`.
    static func pattern(_ files: [String]) -> String {
        let chars = files.map(Array.init)
        var prefix = chars[0]
        for c in chars { prefix = Array(zip(prefix, c).prefix { $0 == $1 }.map(\.0)) }
        var suffix = Array(chars[0].reversed())
        for c in chars { suffix = Array(zip(suffix, c.reversed()).prefix { $0 == $1 }.map(\.0)) }
        let tail = String(suffix.reversed().suffix(max(0, chars.map(\.count).min()! - prefix.count)))
        return String(prefix) + "*" + tail
    }

    /// Whether a slash date's first number is above 12, so that day/month is certain.
    static func dayComesFirst(_ text: String) -> Bool {
        let numbers = text.split { !$0.isNumber }
        return text.contains("/") && numbers.count > 2 && numbers[0].count <= 2 && (Int(numbers[0]) ?? 0) > 12
    }

    /// Whether a date's second number is above 12, so that month/day is certain.
    static func dayComesSecond(_ text: String) -> Bool {
        let numbers = text.split { !$0.isNumber }
        return numbers.count > 1 && (Int(numbers[1]) ?? 0) > 12
    }

    static func currencyMark(_ text: String) -> String? {
        ["HK$", "US$", "¥", "￥", "$", "€", "£"].first { text.contains($0) }
    }
}
