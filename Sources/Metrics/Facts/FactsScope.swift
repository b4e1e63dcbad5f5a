/// Which rows an audience's pack is computed from: the customers whose dimensions match
/// every entry of the filter (`region: 华东`, `owner: 张伟`).
public struct FactsScope: Sendable {
    public var filter: [(dimension: String, values: Set<String>)]

    public init(filter: [(dimension: String, values: Set<String>)]) { self.filter = filter }

    /// The dimensions a lead carries itself: a lead belongs to a scope on these by its own value.
    public static let leadDimensions: Set<String> = ["channel", "owner"]
}
