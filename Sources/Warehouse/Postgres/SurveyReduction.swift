import Metrics
import Snapshot

/// Surveys reduced inside the database: clean responses (a known customer, a settled
/// time, a kind the reader knows, a whole score in the kind's range written plainly)
/// travel as counts per customer, local day, kind and score.
struct SurveyReduction: TableReduction {
    let connection: PostgresConnection
    let terms: ReductionTerms
    let surveys: (relation: String, name: String, customer: String, at: String, atType: String, kind: String, score: String)
    /// The mapping's kind words (`values.kind`), export word → contract word.
    let kindWords: [String: String]

    private static func column(_ name: String) -> String { "t." + PostgresConnection.quote(name) }
    private var at: TimeColumn { terms.time(Self.column(surveys.at), surveys.atType, offsets: true, as: "reviewpack_at") }

    var relation: String { surveys.relation }
    var tableName: String { surveys.name }
    var join: String { terms.known }
    /// Worked out once per row: the customer id as the reader compares it, the kind (0 NPS, 1 CSAT) and the time.
    var keys: [String] {
        ["\(ReductionTerms.id(Self.column(surveys.customer))) AS reviewpack_customer",
         "\(ReductionTerms.keyword(Self.column(surveys.kind), [("nps", 0), ("csat", 1)], mapping: kindWords)) AS reviewpack_kind"] + [at.key].compactMap { $0 }
    }

    var clean: String {
        let score = "CAST(\(Self.column(surveys.score)) AS text)"
        let nps = (0...10).map { "'\($0)'" }.joined(separator: ", "), csat = (1...5).map { "'\($0)'" }.joined(separator: ", ")
        return "k.reviewpack_id IS NOT NULL AND \(terms.settled(at)) AND "
            + "((t.reviewpack_kind = 0 AND \(score) IN (\(nps))) OR (t.reviewpack_kind = 1 AND \(score) IN (\(csat))))"
    }


    /// Adds the clean responses to `table`; returns how many rows they were and in how many counts they came.
    func add(to table: inout SurveyTable, customers: CustomerTable) throws -> (rows: Int, counts: Int) {
        let place = "\(connection.name), table \(surveys.name)"
        let sql = "COPY (SELECT t.reviewpack_customer, \(terms.dayNumber(at)), t.reviewpack_kind, "
            + "CAST(\(Self.column(surveys.score)) AS text), count(*) FROM \(keyed) \(terms.known) "
            + "WHERE \(clean) GROUP BY 1, 2, 3, 4) TO STDOUT"
        var rows = 0, counts = 0
        var field: [UInt8] = []
        var customer: Int32 = 0, day: Int32 = 0, kind = SurveyTable.Kind.nps, score: UInt8 = 0
        try connection.copyOut(sql, table: surveys.name) { line in
            try CopyText.forEachField(line, &field) { index, field in
                switch index {
                case 0: customer = try PostgresSource.customerRow(field, in: customers, place: place)
                case 1: day = Int32(truncatingIfNeeded: try ReductionTerms.integer(field, "day", in: place))
                case 2: kind = try ReductionTerms.integer(field, "kind", in: place) == 0 ? .nps : .csat
                case 3: score = UInt8(truncatingIfNeeded: try ReductionTerms.integer(field, "score", in: place))
                default:
                    let count = Int(try ReductionTerms.integer(field, "count", in: place))
                    table.add(count, customer: customer, day: day, kind: kind, score: score)
                    rows += count
                    counts += 1
                }
            }
        }
        return (rows, counts)
    }
}
