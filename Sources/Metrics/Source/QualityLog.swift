/// Collects findings while tables are read: counted per kind and column, a few examples kept.
///
/// Nothing is dropped silently: every row left out of the metrics is counted here.
public struct QualityLog: Sendable, Equatable {
    public static let examplesKept = 5

    public private(set) var tallies: [FindingTally] = []
    /// Rows read per table, for the data-quality section.
    public private(set) var rowsRead: [String: Int] = [:]
    /// The file (or pattern of files) each table was read from.
    public private(set) var sources: [String: String] = [:]
    /// Rows left out of every metric per table because a required value was empty or unreadable.
    public private(set) var rowsLeftOut: [String: Int] = [:]
    /// Optional tables that were not in the snapshot.
    public private(set) var absentTables: [String] = []
    /// Keeps every finding, not only the first few of a kind, so that ``restricted(to:)``
    /// can count and quote the findings of one audience's rows.
    public private(set) var keepsEveryFinding: Bool
    /// Every finding in input order, when kept.
    private var kept: [Kept] = []
    /// True for the share of one audience (``restricted(to:)``): its counts are of its own rows, its rows read the whole read's.
    public private(set) var isAudienceShare = false

    private struct Kept: Sendable, Equatable {
        let finding: Finding
        let source: String
        let leavesRowOut: Bool
    }

    public init(keepsEveryFinding: Bool = false) { self.keepsEveryFinding = keepsEveryFinding }

    /// The findings for which `isOwn` holds (an audience's rows), counted and quoted as if
    /// only they had been found; rows read, sources and absent tables stay the read's. The
    /// share keeps only its examples. A log that did not keep every finding cannot tell
    /// whose they are: it gives the read's counts, as the read's, without examples, which may be anyone's.
    public func restricted(to isOwn: (Finding) -> Bool) -> QualityLog {
        var log = self
        (log.kept, log.keepsEveryFinding) = ([], false)
        guard keepsEveryFinding else {
            for i in log.tallies.indices { log.tallies[i].examples = [] }
            return log
        }
        (log.tallies, log.rowsLeftOut, log.isAudienceShare) = ([], [:], true)
        for k in kept where isOwn(k.finding) { log.add(k.finding, source: k.source, leavesRowOut: k.leavesRowOut) }
        return log
    }

    public var totalFindings: Int { tallies.reduce(0) { $0 + $1.count } }

    /// Counts a finding of a table read from `source` (its file or pattern); `leavesRowOut`
    /// when its row is left out of every metric (counted per table for the unusable-data check).
    public mutating func add(_ finding: Finding, source: String, leavesRowOut: Bool = false) {
        if leavesRowOut { rowsLeftOut[finding.table, default: 0] += 1 }
        if keepsEveryFinding { kept.append(Kept(finding: finding, source: source, leavesRowOut: leavesRowOut)) }
        if let i = tallies.firstIndex(where: { $0.kind == finding.kind && $0.table == finding.table && $0.field == finding.field }) {
            tallies[i].count += 1
            if tallies[i].examples.count < Self.examplesKept { tallies[i].examples.append(finding) }
        } else {
            tallies.append(FindingTally(kind: finding.kind, table: finding.table, field: finding.field, file: source, count: 1, examples: [finding]))
        }
    }

    public mutating func noteRows(_ count: Int, of table: String, from source: String) {
        rowsRead[table] = count
        sources[table] = source
    }
    public mutating func noteAbsent(_ table: String) { absentTables.append(table) }

    public mutating func merge(_ other: QualityLog) {
        for tally in other.tallies {
            if let i = tallies.firstIndex(where: { $0.kind == tally.kind && $0.table == tally.table && $0.field == tally.field }) {
                tallies[i].count += tally.count
                tallies[i].examples = Array((tallies[i].examples + tally.examples).prefix(Self.examplesKept))
            } else {
                tallies.append(tally)
            }
        }
        rowsRead.merge(other.rowsRead) { $1 }
        sources.merge(other.sources) { $1 }
        rowsLeftOut.merge(other.rowsLeftOut, uniquingKeysWith: +)
        absentTables += other.absentTables
        // Only a log that kept every finding of every part can say whose each one is.
        if keepsEveryFinding, other.keepsEveryFinding { kept += other.kept } else { (kept, keepsEveryFinding) = ([], false) }
    }

    /// The count for one kind over every file and column.
    public func count(of kind: FindingKind) -> Int {
        tallies.filter { $0.kind == kind }.reduce(0) { $0 + $1.count }
    }

    /// The first finding in input order, the one strict mode reports.
    public var firstFinding: Finding? { tallies.first?.examples.first }

    /// Tallies in a stable order (kind, table, column) so output is reproducible.
    public var sortedTallies: [FindingTally] {
        let order = Dictionary(uniqueKeysWithValues: FindingKind.allCases.enumerated().map { ($1, $0) })
        return tallies.sorted { a, b in
            (order[a.kind]!, a.table, a.field ?? "") < (order[b.kind]!, b.table, b.field ?? "")
        }
    }
}
