/// Where a company's data lives — a folder of exports, a SQLite file, a PostgreSQL
/// database — seen only through what the metric engine reads from it.
///
/// Every source yields the same ``SourceReading`` for the same data, so every metric has
/// one implementation and `metrics.json` is byte-identical whatever the data came from.
public protocol FactSource {
    /// Reads the source once: facts, targets and what reading found. `lap` is told the
    /// name of each stage as it ends ("read", "facts"), for the stage timings.
    func read(lap: (String) -> Void) throws -> SourceReading
}

/// What a source yields: the facts, the target rows, the data-quality findings, and the
/// customers' columns (which the configuration's dimensions must name).
public struct SourceReading: Sendable {
    public var facts: Facts
    /// Nil when the source has no targets table.
    public var targets: TargetTable?
    public var quality: QualityLog
    /// Every column of customers as the contract names it, for checking `dimensions:`.
    public var customerColumns: [String]
    /// What the source did that a user may want to know (rows reduced inside a database,
    /// bytes received), one line each, for the progress output.
    public var notes: [String] = []

    public init(facts: Facts, targets: TargetTable?, quality: QualityLog, customerColumns: [String]) {
        (self.facts, self.targets, self.quality, self.customerColumns) = (facts, targets, quality, customerColumns)
    }

    /// The local days from the earliest to the latest with data.
    public var dataDays: ClosedRange<Int32>? { facts.dataDays }
}
