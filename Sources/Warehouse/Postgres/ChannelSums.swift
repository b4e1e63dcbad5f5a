import Snapshot

/// Sums per period and channel, as traffic (visits per day) and spend (minor units per
/// month) travel from the database: lines of period, channel, sum and the number of rows
/// summed. The sums' running total is checked as the reader checks a column's.
struct ChannelSums {
    let connection: PostgresConnection
    let table: String
    /// The summed column, for the message when its total cannot be held.
    let column: String
    /// "visits" or "money": the message says what is summed.
    let isMoney: Bool

    /// Runs `sql` and hands each sum to `add`; returns how many rows the sums came from and how many sums there were.
    func read(_ sql: String, add: (_ period: Int32, _ channel: String, _ sum: Int64) -> Void) throws -> (rows: Int, sums: Int) {
        let place = "\(connection.name), table \(table)"
        var rows = 0, sums = 0, total: Int64 = 0
        var field: [UInt8] = []
        var period: Int32 = 0, channel = "", sum: Int64 = 0
        try connection.copyOut(sql, table: table) { line in
            try CopyText.forEachField(line, &field) { index, field in
                switch index {
                case 0: period = Int32(truncatingIfNeeded: try ReductionTerms.integer(field, "period", in: place))
                case 1: channel = String(decoding: field, as: UTF8.self)
                case 2: sum = try ReductionTerms.integer(field, "sum", in: place)
                default:
                    total += sum
                    guard total <= Snapshot.columnTotalLimit else {
                        let what = isMoney ? " minor units; money is" : "; counts are"
                        throw DatabaseError(.query, "\(place): the column \(column) adds up past \(Snapshot.columnTotalLimit)\(what) summed exactly as 64-bit integers, which cannot hold that")
                    }
                    add(period, channel, sum)
                    rows += Int(try ReductionTerms.integer(field, "count", in: place))
                    sums += 1
                }
            }
        }
        return (rows, sums)
    }
}
