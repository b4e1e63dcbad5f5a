import Charts

/// How the pack is presented: language, company, currency and which sections, in order.
public struct PackOptions: Sendable {
    public var company: String
    public var language: Language
    public var currency: String
    public var sections: [String]
    /// Whose pack this is (a region, a sales rep), nil for the whole company.
    public var audience: String?
    /// Tables the audience's rows cannot be told apart in (spend outside a channel's pack): sections that need them say so.
    public var withheldTables: Set<String> = []
    /// The analyst's notes for the month, shown first.
    public var commentary: Commentary?

    public static let allSections = ["summary", "exceptions", "growth", "funnel", "retention", "value", "prediction", "sales", "service", "targets", "quality", "dictionary"]

    public init(company: String, language: Language, currency: String, sections: [String] = PackOptions.allSections) {
        self.company = company
        self.language = language
        self.currency = currency
        self.sections = sections
    }
}
