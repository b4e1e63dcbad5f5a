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
    var keys: [String] { [date.key].compactMap { $0 } }
    var join: String { "" }
    private static func column(_ name: String) -> String { "t." + PostgresConnection.quote(name) }
    private var date: TimeColumn { terms.time(Self.column(traffic.date), traffic.dateType, offsets: true, as: "reviewpack_date") }

    var clean: String {
        let visits = Self.column(traffic.visits.name)
        let count = ["smallint", "integer", "bigint"].contains(traffic.visits.type)
            ? "\(visits) >= 0" : "CAST(\(visits) AS text) SIMILAR TO '[0-9]{1,15}'"
        return "\(terms.settled(date)) AND \(count)"
    }

    /// Adds the clean rows to `table`; returns how many rows they were and in how many sums they came.
    func add(to table: inout TrafficTable) throws -> (rows: Int, sums: Int) {
        let sql = "COPY (SELECT \(terms.dayNumber(date)), "
            + "\(ReductionTerms.mapped(Self.column(traffic.channel), mapping: channelWords)), "
            + "CAST(sum(CAST(CAST(\(Self.column(traffic.visits.name)) AS text) AS numeric)) AS bigint), count(*) "
            + "FROM \(keyed) WHERE \(clean) GROUP BY 1, 2) TO STDOUT"
        return try ChannelSums(connection: connection, table: traffic.name, column: traffic.visits.name, isMoney: false).read(sql) { table.add(day: $0, channel: $1, visits: $2) }
    }
}
