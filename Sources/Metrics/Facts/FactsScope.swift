/// Which rows an audience's pack is computed from: the customers whose dimensions match
/// every entry of the filter (`region: 华东`, `owner: 张伟`).
public struct FactsScope: Sendable {
    public var filter: [(dimension: String, values: Set<String>)]

    public init(filter: [(dimension: String, values: Set<String>)]) { self.filter = filter }

    /// The dimensions a lead carries itself: a lead belongs to a scope on these by its own value.
    public static let leadDimensions: Set<String> = ["channel", "owner"]

    /// The customer dimensions a leads export may also carry for the lead (``LeadFacts/audienceDimensions``):
    /// every one of `customerDimensions` but those the lead has in the contract (channel, campaign, owner).
    public static func leadAudienceDimensions(_ customerDimensions: [String]) -> [String] {
        customerDimensions.filter { !["channel", "campaign", "owner"].contains($0) }
    }
}

extension FactsScope {
    /// Whether a finding is about one of the scope's rows, as its facts are cut: a row of
    /// one of its customers (`customerIds`), or a row whose own dimensions match every
    /// entry of the filter (a lead by its owner, spend by its channel, a customers row
    /// whose id the read does not know, say for an unreadable signup). A row naming a
    /// customer the read knows (`knownIds`) is that customer's alone, whatever it says
    /// itself: a second customers row giving C1 another owner is C1's owner's finding.
    /// A finding that says neither (an order of an unknown customer) is nobody's.
    public func owns(_ finding: Finding, customerIds: Set<String>, knownIds: Set<String>) -> Bool {
        guard let subject = finding.subject else { return false }
        if let id = subject.customerId, knownIds.contains(id) { return customerIds.contains(id) }
        guard !subject.dimensions.isEmpty else { return false }
        return filter.allSatisfy { entry in subject.dimensions[entry.dimension].map(entry.values.contains) ?? false }
    }
}
