/// Why a snapshot could not be read, with the place in the input that says so.
public struct SnapshotError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The file cannot be read as the contract says (encoding, quoting, columns).
        case structural
        /// A required file or folder is missing.
        case notFound
        /// A data-quality finding, fatal because strict mode was asked for.
        case strictFinding
        /// Too many rows of a table have a required value that cannot be read: a pack
        /// built from the rest would look like good news.
        case unusable
    }

    public let kind: Kind
    public let file: String
    public let line: Int?
    /// 1-based field number, when the problem is in one field.
    public let column: Int?
    public let columnName: String?
    public let message: String
    /// The message in Chinese, for a Chinese setup.
    public var chinese: String?
    /// Further problems found in the same pass (every missing column of every file, not just the first).
    public private(set) var more: [SnapshotError] = []

    /// The first of `problems`, carrying the rest; nil when there are none.
    public static func all(_ problems: [SnapshotError]) -> SnapshotError? {
        guard var first = problems.first else { return nil }
        first.more = Array(problems.dropFirst())
        return first
    }

    /// This problem and the ones found with it.
    public var problems: [SnapshotError] {
        var head = self
        head.more = []
        return [head] + more
    }

    public init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, columnName: String? = nil, message: String, chinese: String? = nil) {
        self.chinese = chinese
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.columnName = columnName
        self.message = message
    }

    /// `orders.csv:17:4 (amount): expected money …` — the form compilers use, so editors can jump there.
    public var description: String { text(chinese: false) }

    /// The problem, and those found with it, in Chinese where a Chinese message is written.
    public func text(chinese: Bool) -> String {
        guard !more.isEmpty else { return sentence(chinese: chinese) }
        let head = chinese ? "共 \(more.count + 1) 个问题：" : "\(more.count + 1) problems:"
        return head + "\n" + problems.map { "  " + $0.sentence(chinese: chinese) }.joined(separator: "\n")
    }

    private func sentence(chinese: Bool) -> String {
        var place = file
        if let line { place += ":\(line)" }
        if let column { place += ":\(column)" }
        if let columnName { place += " (\(columnName))" }
        return "\(place): \(chinese ? self.chinese ?? message : message)"
    }
}

extension SnapshotError {
    /// What is said of a database's or a sheet's row holding more text than a field's
    /// offsets reach (``FieldRange/limit``), wherever it is refused.
    static let rowTooLong = (message: "the row holds more than 4 GiB of text; a row this long is not table data",
                             chinese: "该行文字超过 4 GiB；这样长的行不是表格数据")

    /// A required table missing from a database (a SQLite file, a PostgreSQL schema).
    public static func missingTable(_ table: String, named name: String, in database: String, mapped: Bool) -> SnapshotError {
        var problem = SnapshotError(.notFound, file: database, message: mapped
            ? "no table \(name), which pack.yaml names for the required table \(table)"
            : "the required table \(table) is missing (a table under another name is mapped with tables.\(table).table in pack.yaml)")
        problem.chinese = mapped
            ? "没有 pack.yaml 为必需的表 \(table) 指定的表 \(name)"
            : "缺少必需的表 \(table)（其他名称的表可在 pack.yaml 的 tables.\(table).table 下指定）"
        return problem
    }
}
