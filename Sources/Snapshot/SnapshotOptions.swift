import Metrics
/// How to read a snapshot: the zone timestamps are placed in, the currency's precision,
/// which customer columns are dimensions, and how strict to be.
public struct SnapshotOptions: Sendable {
    public var zone: Zone
    /// Fraction digits of the currency (2 for CNY, USD, EUR).
    public var currencyDigits: Int
    /// Customer columns read as breakdown dimensions, beyond the standard ones.
    public var extraDimensions: [String]
    /// The moment the snapshot was taken; later timestamps are findings. nil: not checked.
    public var asOf: Int64?
    /// Turn any data-quality finding into a failure.
    public var strict: Bool
    /// A table with a larger share of rows left out for an unreadable or empty required value fails the read.
    public var maxLeftOutShare: Double
    /// How each table is found in the company's own exports; an absent table is read as the contract says.
    public var mapping: [String: TableMapping] = [:]
    /// Keep every finding with whose row it is, not only the first few of a kind: packs
    /// for audiences count and quote the findings of their own rows.
    public var keepsEveryFinding = false

    public static let standardDimensions = ["channel", "region", "industry", "tier", "owner"]

    public init(zone: Zone, currencyDigits: Int = 2, extraDimensions: [String] = [], asOf: Int64? = nil, strict: Bool = false,
                maxLeftOutShare: Double = 0.01, mapping: [String: TableMapping] = [:]) {
        self.maxLeftOutShare = maxLeftOutShare
        self.mapping = mapping
        self.zone = zone
        self.currencyDigits = currencyDigits
        self.extraDimensions = extraDimensions
        self.asOf = asOf
        self.strict = strict
    }

    /// Standard dimensions first, then the configured extra ones, without repeats.
    public var customerDimensions: [String] {
        var names = Self.standardDimensions
        for name in extraDimensions where !names.contains(name.lowercased()) { names.append(name.lowercased()) }
        return names
    }
}
