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
    /// What `line` and `column` count: a file's lines and fields, a sheet's rows and columns, or a database table's rows.
    public let place: Place
    /// Whose row it is; nil when the reader was not asked to say (no audience needs it).
    public let subject: FindingSubject?

    /// How a finding's place is written.
    public enum Place: Sendable, Equatable {
        /// `orders.csv:17:4`: line and field of a text file.
        case line
        /// `订单.xlsx[Sheet1]!D17`: a worksheet cell.
        case cell
        /// `crm.sqlite orders row 17`: the row of a database table, in the order the source reads it.
        case row
    }

    public init(kind: FindingKind, table: String, row: Int, field: String?, file: String, line: Int, column: Int?, columnName: String?,
                message: String, chinese: String? = nil, place: Place = .line, subject: FindingSubject? = nil) {
        self.place = place
        self.subject = subject
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

    /// `orders.csv 第 17 行第 4 列（amount）`, `订单.xlsx[Sheet1]!D17（amount）` or `crm.sqlite orders 第 17 行（amount）`: the place in Chinese.
    public var chineseLocation: String { place(chinese: true) }

    /// `orders.csv:17:4 (amount)`, `订单.xlsx[Sheet1]!D17 (amount)` or `crm.sqlite orders row 17 (amount)`: where to look.
    public var location: String { place(chinese: false) }

    private func place(chinese: Bool) -> String {
        var text: String
        switch place {
        case .line: text = chinese ? "\(file) 第 \(line) 行" + (column.map { "第 \($0) 列" } ?? "") : "\(file):\(line)" + (column.map { ":\($0)" } ?? "")
        case .cell: text = "\(file)!\(column.map { Self.sheetColumn($0 - 1) } ?? "")\(line)"
        case .row: text = chinese ? "\(file) 第 \(line) 行" : "\(file) row \(line)"
        }
        if let columnName { text += chinese ? "（\(columnName)）" : " (\(columnName))" }
        return text
    }
}

extension Finding {
    /// A worksheet column's letters: `0` → `A`, `27` → `AB`.
    public static func sheetColumn(_ column: Int) -> String {
        var n = column + 1, out = ""
        while n > 0 {
            out = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + out
            n = (n - 1) / 26
        }
        return out
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
