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
    /// One sentence that opens the pack.
    public var headline: String
    public var sections: [PackSection]
    /// Small print: time zone, data through, how the numbers are defined.
    public var colophon: String
}
