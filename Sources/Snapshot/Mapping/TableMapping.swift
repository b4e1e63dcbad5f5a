/// How one table of the contract is found in a company's own export: which file, how its
/// text is written, and which of its columns and words mean the contract's.
///
/// Everything is optional: the empty mapping reads `<table>.csv` as the contract says.
/// Mapping happens in the reader, on bytes, so nothing after it knows it was there.
public struct TableMapping: Sendable, Equatable {
    /// A file name or a glob (`订单*.csv`) in the data folder; several files are read as
    /// one table. nil: `<table>.csv`.
    public var file: String?
    /// The table's name in a database (SQLite, PostgreSQL); nil: the contract's name.
    public var table: String?
    /// csv or xlsx; nil: by the file's extension.
    public var format: FileFormat?
    /// The workbook's sheet; nil: the first.
    public var sheet: String?
    public var encoding: TextEncoding = .utf8
    /// The field separator: `,` (default), `;` or tab.
    public var delimiter: UInt8 = UInt8(ascii: ",")
    /// Contract column → the file's header (`customer_id: 客户编号`).
    public var columns: [String: String] = [:]
    /// Contract column → the file's words → the contract's (`status: {已付款: paid}`).
    public var values: [String: [String: String]] = [:]
    /// Timestamp patterns tried in order after the contract's own forms.
    public var timestamps: [TimestampPattern] = []
    public var money: MoneyFormat = .plain

    public init() {}

    /// The file name when none is mapped.
    public static func defaultFile(of table: String) -> String { "\(table).csv" }
}

/// How a table's file is written.
public enum FileFormat: String, Sendable, CaseIterable {
    case csv, xlsx
}

/// The text encodings a file may be written in.
public enum TextEncoding: String, Sendable, CaseIterable {
    /// UTF-8; a byte-order mark is honoured, and so is UTF-16 with one (Excel's "Unicode text").
    case utf8 = "utf-8"
    /// GB18030, which covers GBK and GB2312: what Chinese Excel writes as "CSV".
    case gb18030
    /// UTF-16 by its byte-order mark, else UTF-8 when the first megabyte is valid UTF-8, else GB18030.
    case auto
}
