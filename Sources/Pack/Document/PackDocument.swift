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
