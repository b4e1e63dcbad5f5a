/// The kinds of data-quality finding the contract asks to count.
public enum FindingKind: String, CaseIterable, Sendable, Codable {
    case duplicateKey = "duplicate_key"
    case unknownCustomer = "unknown_customer"
    case unreadableValue = "unreadable_value"
    case missingRequiredValue = "missing_required_value"
    case futureTimestamp = "future_timestamp"
    case stageOrder = "stage_order"
    case wonAndLost = "won_and_lost"
    case negativeAmount = "negative_amount"
    case missingOptionalValue = "missing_optional_value"
}

/// One finding, placed twice: in the contract's terms (table, row, column), which are the
/// same whatever the source, and in the file's (file, line, field number, header as
/// written), which is where a person fixes it.
public struct Finding: Sendable, Equatable {
    public let kind: FindingKind
    public let table: String
    /// The record's place among the table's records, 1-based.
    public let row: Int
    /// The contract column, nil when the finding is about the whole row.
    public let field: String?
    public let file: String
    public let line: Int
    public let column: Int?
    public let columnName: String?
    public let message: String
    /// The same in Chinese, for a Chinese pack and command line.
    public let chinese: String
    /// Whether the place is a worksheet cell: then `line` is the sheet's row and `column` its column.
    public let inSheet: Bool

    public init(kind: FindingKind, table: String, row: Int, field: String?, file: String, line: Int, column: Int?, columnName: String?,
                message: String, chinese: String? = nil, inSheet: Bool = false) {
        self.inSheet = inSheet
        self.chinese = chinese ?? message
        self.kind = kind
        self.table = table
        self.row = row
        self.field = field
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
    }

    /// The message in the language asked for.
    public func message(chinese: Bool) -> String { chinese ? self.chinese : message }

    /// `orders.csv 第 17 行第 4 列（amount）`, or `订单.xlsx[Sheet1]!D17（amount）`: the place in Chinese.
    public var chineseLocation: String {
        var place = inSheet ? "\(file)!\(column.map { SheetRows.letters($0 - 1) } ?? "")\(line)" : "\(file) 第 \(line) 行"
        if !inSheet, let column { place += "第 \(column) 列" }
        if let columnName { place += "（\(columnName)）" }
        return place
    }

    /// `orders.csv:17:4 (amount)`, or `订单.xlsx[Sheet1]!D17 (amount)`: where to look in the file.
    public var location: String {
        var place = "\(file):\(line)"
        if inSheet {
            place = "\(file)!\(column.map { SheetRows.letters($0 - 1) } ?? "")\(line)"
        } else if let column {
            place += ":\(column)"
        }
        if let columnName { place += " (\(columnName))" }
        return place
    }
}

/// Findings of one kind in one column of one table: a count and the first few examples.
public struct FindingTally: Sendable, Equatable {
    public let kind: FindingKind
    public let table: String
    public let field: String?
    /// The table's file, or the pattern of its files.
    public let file: String
    public var count: Int
    public var examples: [Finding]

    /// The column as the file writes it (the contract's name when no example says otherwise).
    public var columnName: String? { examples.first?.columnName ?? field }
}
