import Charts

/// The pack as a document: sections of blocks, independent of HTML or PDF.
/// Both outputs are expansions of this one value, so they always show the same numbers.
public struct PackDocument: Sendable {
    public var language: Language
    public var company: String
    public var title: String
    /// `2026-10`
    public var month: String
    /// `2026年10月` / `Oct 2026`
    public var monthLabel: String
    /// Whose pack this is (`华东`, `张伟`), nil for the whole company.
    public var audience: String?
    /// One sentence that opens the pack.
    public var headline: String
    public var sections: [PackSection]
    /// Small print: time zone, data through, how the numbers are defined.
    public var colophon: String

    public init(language: Language, company: String, title: String, month: String, monthLabel: String, audience: String? = nil,
                headline: String, sections: [PackSection], colophon: String) {
        (self.language, self.company, self.title, self.month, self.monthLabel) = (language, company, title, month, monthLabel)
        (self.audience, self.headline, self.sections, self.colophon) = (audience, headline, sections, colophon)
    }

    /// The charts of the document in reading order, for outputs that show a few of them.
    public var charts: [ChartBlock] {
        sections.flatMap { $0.blocks }.compactMap { if case .chart(let c) = $0 { c } else { nil } }
    }

    /// The analyst's commentary, when the month has one.
    public var commentary: Commentary? {
        sections.flatMap { $0.blocks }.lazy.compactMap { if case .commentary(let c) = $0 { c } else { nil } }.first
    }
}

public struct PackSection: Sendable {
    public var id: String
    public var title: String
    public var blocks: [PackBlock]

    public init(id: String, title: String, blocks: [PackBlock]) { (self.id, self.title, self.blocks) = (id, title, blocks) }
}

public enum PackBlock: Sendable {
    case tiles([KPITile])
    case exceptions([ExceptionItem])
    case chart(ChartBlock)
    case table(DataTable)
    case note(String)
    case commentary(Commentary)
}

/// A headline number with its change, target status and 13-month sparkline.
public struct KPITile: Sendable {
    public enum Tone: String, Sendable { case good, warning, bad, neutral }
    public var id: String
    public var label: String
    public var value: String
    public var change: String
    public var changeTone: Tone
    public var changeCaption: String
    public var target: String?
    public var status: String?
    public var statusTone: Tone
    public var sparkline: Scene
}

/// One line of the exceptions list: an alert or a missed target.
public struct ExceptionItem: Sendable {
    public enum Severity: String, Sendable { case high, medium, low }
    public var severity: Severity
    public var text: String
}

/// A chart with its numbers as a table beside it (the text alternative).
public struct ChartBlock: Sendable {
    /// File stem of the chart's SVG (`trend-revenue`).
    public var id: String
    public var scene: Scene
    public var data: DataTable
    /// Charts that should take the full width rather than half.
    public var wide: Bool
    /// Print the numbers under the chart in the PDF too (the site always offers them).
    public var tableInPrint = false
}

/// A table of text cells; numeric columns are right-aligned.
public struct DataTable: Sendable {
    public var caption: String?
    public var header: [String]
    public var rows: [[String]]
    public var numericColumns: Set<Int>
    /// Per-row tone for status colouring (by word and shape, never colour alone).
    public var rowTones: [KPITile.Tone]?
    /// Columns that name customers: the published site leaves them out unless it is private.
    public var personalColumns: Set<Int> = []

    public init(caption: String? = nil, header: [String], rows: [[String]], numericColumns: Set<Int> = [], rowTones: [KPITile.Tone]? = nil) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
        self.rowTones = rowTones
    }
}

extension DataTable {
    /// The table without the columns that name customers, for a site that may be public.
    public var withoutPersonalColumns: DataTable {
        guard !personalColumns.isEmpty else { return self }
        let keep = header.indices.filter { !personalColumns.contains($0) }
        var out = DataTable(caption: caption, header: keep.map { header[$0] }, rows: rows.map { row in keep.map { row[$0] } },
                            numericColumns: Set(keep.enumerated().filter { numericColumns.contains($0.element) }.map(\.offset)), rowTones: rowTones)
        out.personalColumns = []
        return out
    }
}
