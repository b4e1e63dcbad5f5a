/// `targets`: what leadership expects, per metric and period, optionally for one slice.
public struct TargetTable: Sendable {
    public enum Period: Hashable, Sendable {
        /// Month index (year × 12 + month − 1).
        case month(Int32)
        case quarter(year: Int, quarter: Int)
        case year(Int)
    }

    public struct Row: Sendable, Equatable {
        public let metric: String
        public let period: Period
        public let target: Double
        /// A slice: (`channel`, `官网`) or (`owner`, `张三`); nil for the whole company.
        public let slice: (dimension: String, value: String)?
        /// The row's place in the targets table, 1-based line of a file.
        public let line: Int

        public init(metric: String, period: Period, target: Double, slice: (dimension: String, value: String)?, line: Int) {
            (self.metric, self.period, self.target, self.slice, self.line) = (metric, period, target, slice, line)
        }

        public static func == (a: Row, b: Row) -> Bool {
            a.metric == b.metric && a.period == b.period && a.target == b.target && a.line == b.line
                && a.slice?.dimension == b.slice?.dimension && a.slice?.value == b.slice?.value
        }
    }

    public private(set) var rows: [Row] = []

    public init(rows: [Row] = []) { self.rows = rows }

    /// The targets of one slice's own pack: rows set for that slice (`owner`, `张伟`)
    /// become its whole-pack targets; company targets and other slices' do not apply.
    public func scoped(to dimension: String, value: String) -> TargetTable {
        TargetTable(rows: rows.compactMap { row in
            guard let slice = row.slice, slice.dimension == dimension, slice.value == value else { return nil }
            return Row(metric: row.metric, period: row.period, target: row.target, slice: nil, line: row.line)
        })
    }
}
