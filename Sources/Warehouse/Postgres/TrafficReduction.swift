import Metrics
import Snapshot

/// Traffic reduced inside the database: clean rows (a settled date, a whole number
/// of visits written plainly) travel as visits per local day and channel.
struct TrafficReduction: TableReduction {
    let connection: PostgresConnection
    let terms: ReductionTerms
    let traffic: (relation: String, name: String, date: String, dateType: String, channel: String, visits: (name: String, type: String))
    /// The mapping's channel words (`values.channel`), export word → contract word.
    let channelWords: [String: String]

    var relation: String { traffic.relation }
    var tableName: String { traffic.name }
    var keys: String { "" }
    var join: String { "" }
    private static func column(_ name: String) -> String { "t." + PostgresConnection.quote(name) }
    private var date: TimeColumn { terms.time(Self.column(traffic.date), traffic.dateType, offsets: true) }

    var clean: String {
        let visits = Self.column(traffic.visits.name)
        let count = ["smallint", "integer", "bigint"].contains(traffic.visits.type)
            ? "\(visits) >= 0" : "CAST(\(visits) AS text) SIMILAR TO '[0-9]{1,15}'"
        return "\(terms.settled(date.value, date.type)) AND \(count)"
    }


    /// Adds the clean rows to `table`; returns how many rows they were and in how many sums they came.
    func add(to table: inout TrafficTable) throws -> (rows: Int, sums: Int) {
        let place = "\(connection.name), table \(traffic.name)"
        let sql = "COPY (SELECT \(terms.dayNumber(date.value, date.type)), "
            + "\(ReductionTerms.mapped(Self.column(traffic.channel), mapping: channelWords)), "
            + "CAST(sum(CAST(CAST(\(Self.column(traffic.visits.name)) AS text) AS numeric)) AS bigint), count(*) "
            + "FROM \(traffic.relation) t WHERE \(clean) GROUP BY 1, 2) TO STDOUT"
        var rows = 0, sums = 0, total: Int64 = 0
        var field: [UInt8] = []
        var day: Int32 = 0, channel = "", visits: Int64 = 0
        try connection.copyOut(sql, table: traffic.name) { line in
            try CopyText.forEachField(line, &field) { index, field in
                switch index {
                case 0: day = Int32(truncatingIfNeeded: try ReductionTerms.integer(field, "day", in: place))
                case 1: channel = String(decoding: field, as: UTF8.self)
                case 2: visits = try ReductionTerms.integer(field, "visits", in: place)
                default:
                    total += visits
                    guard total <= Snapshot.columnTotalLimit else {
                        throw DatabaseError(.query, "\(place): the column \(traffic.visits.name) adds up past \(Snapshot.columnTotalLimit); counts are summed exactly as 64-bit integers, which cannot hold that")
                    }
                    table.add(day: day, channel: channel, visits: visits)
                    rows += Int(try ReductionTerms.integer(field, "count", in: place))
                    sums += 1
                }
            }
        }
        return (rows, sums)
    }
}
