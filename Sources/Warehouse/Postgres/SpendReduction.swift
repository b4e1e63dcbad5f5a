import Metrics
import Snapshot

/// Spend reduced inside the database: clean rows (a month written `YYYY-MM`, plain money)
/// travel as spend per month and channel. Rows dated by `date` instead come whole.
struct SpendReduction: TableReduction {
    let connection: PostgresConnection
    let terms: ReductionTerms
    let spend: (relation: String, name: String, month: String, channel: String, amount: (name: String, type: String))
    /// The mapping's channel words (`values.channel`), export word → contract word.
    let channelWords: [String: String]
    let digits: Int

    var relation: String { spend.relation }
    var tableName: String { spend.name }
    var keys: [String] { [] }
    var join: String { "" }
    private static func column(_ name: String) -> String { "t." + PostgresConnection.quote(name) }
    private var month: String { "CAST(\(Self.column(spend.month)) AS text)" }

    var clean: String {
        "\(month) SIMILAR TO '[0-9]{4}-(0[1-9]|1[0-2])' AND \(ReductionTerms.plainMoney(Self.column(spend.amount.name), spend.amount.type, digits: digits))"
    }


    /// Adds the clean rows to `table`; returns how many rows they were and in how many sums they came.
    func add(to table: inout SpendTable) throws -> (rows: Int, sums: Int) {
        let index = "CAST(substring(\(month) FROM 1 FOR 4) AS integer) * 12 + CAST(substring(\(month) FROM 6 FOR 2) AS integer) - 1"
        let sql = "COPY (SELECT \(index), \(ReductionTerms.mapped(Self.column(spend.channel), mapping: channelWords)), "
            + "CAST(sum(\(ReductionTerms.minorUnits(Self.column(spend.amount.name), spend.amount.type, digits: digits))) AS bigint), count(*) "
            + "FROM \(spend.relation) t WHERE \(clean) GROUP BY 1, 2) TO STDOUT"
        return try ChannelSums(connection: connection, table: spend.name, column: spend.amount.name, isMoney: true).read(sql) { table.add(month: $0, channel: $1, amount: $2) }
    }
}
