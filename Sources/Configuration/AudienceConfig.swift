import Delivery

/// One entry of `audiences:`: a pack for one set of readers, computed from their rows only.
public struct AudienceConfig: Sendable {
    /// Folder name under `--out` and in the outbox: ASCII letters, digits, `-` and `_`.
    public var id: String
    /// Shown on the pack (`华东大区`); by default the filter's values or the member's name.
    public var title: String?
    /// Customer dimension → the values kept; every entry must match (an empty list: the whole company).
    public var filter: [(dimension: String, values: [String])] = []
    /// One pack per member of this dimension (`owner`: one per sales rep).
    public var forEach: String?
    public var sections: [String]?
    public var to: [Mailbox] = []
    public var cc: [Mailbox] = []
    public var bcc: [Mailbox] = []
    /// false: the pack is built and e-mailed but not put on the site.
    public var publish = true
    /// `pack.yaml:40:5: audiences[1]`, for errors found once the data is read.
    public var place: String

    public init(id: String, place: String) { (self.id, self.place) = (id, place) }
}
