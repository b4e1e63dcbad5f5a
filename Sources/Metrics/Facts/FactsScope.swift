/// Which rows an audience's pack is computed from: the customers whose dimensions match
/// every entry of the filter (`region: 华东`, `owner: 张伟`).
public struct FactsScope: Sendable {
    public var filter: [(dimension: String, values: Set<String>)]

    public init(filter: [(dimension: String, values: Set<String>)]) { self.filter = filter }

    /// The dimensions a lead carries itself: a lead belongs to a scope on these by its own value.
    public static let leadDimensions: Set<String> = ["channel", "owner"]
}

extension FactsScope {
    /// Whether a finding is about one of the scope's rows, as its facts are cut: a row of
    /// one of its customers (`customerIds`), or a row whose own dimensions match every
    /// entry of the filter (a lead by its owner, spend by its channel, a customers row
    /// left out). A finding that says neither (an order of an unknown customer) is nobody's.
    public func owns(_ finding: Finding, customerIds: Set<String>) -> Bool {
        guard let subject = finding.subject else { return false }
        if let id = subject.customerId, customerIds.contains(id) { return true }
        guard !subject.dimensions.isEmpty else { return false }
        return filter.allSatisfy { entry in subject.dimensions[entry.dimension].map(entry.values.contains) ?? false }
    }
}
