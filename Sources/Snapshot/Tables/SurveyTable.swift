import Metrics
/// `surveys`: NPS (0–10) and CSAT (1–5) responses, on their local day.
public struct SurveyTable: Sendable {
    public enum Kind: UInt8, Sendable { case nps, csat }

    /// The customer's row, or ``Missing/row`` for an unknown customer (a finding).
    public private(set) var customer: [Int32] = []
    public private(set) var day: [Int32] = []
    public private(set) var kind: [Kind] = []
    /// The score, a whole number from 0 to 10 (checked when read).
    public private(set) var score: [UInt8] = []

    public var count: Int { customer.count }

    /// `responses` alike of a known customer, which a database counted itself.
    public mutating func add(_ responses: Int, customer row: Int32, day: Int32, kind: Kind, score: UInt8) {
        for _ in 0..<responses {
            customer.append(row)
            self.day.append(day)
            self.kind.append(kind)
            self.score.append(score)
        }
    }

    /// The kind column's words, in ``Kind`` order.
    static let kindWords = ["nps", "csat"].map { Array($0.utf8) }

    static func read(_ reader: TableReader, layout: TableLayout, options: SnapshotOptions, customers: CustomerTable) throws -> (SurveyTable, QualityLog) {
        let cCustomer = try layout.required("customer_id"), cAt = try layout.required("at")
        let cKind = try layout.required("kind"), cScore = try layout.required("score")
        var table = SurveyTable()
        let parser = RowParser(layout: layout, options: options)
        var rows = 0
        try reader.forEachRecord(lookingAhead: { customers.ahead(ofBytes: $0.bytes(cCustomer)) }) { record, hash in
            rows += 1
            guard let customerId = parser.idBytes(record, cCustomer), let at = parser.instant(record, cAt),
                  let score = parser.number(record, cScore) else { return }
            let kind: Kind
            switch parser.keyword(record, cKind, among: Self.kindWords) {
            case 0: kind = .nps
            case 1: kind = .csat
            default:
                parser.rejection(.unreadableValue, record, cKind, "expected nps or csat, found \"\(record.string(cKind))\"; the row is left out (an export's own words are mapped under tables.surveys.values.kind in pack.yaml)", zh: "问卷类型应为 nps 或 csat，实为“\(record.string(cKind))”，该行未计入（导出文件自己的用词可在 pack.yaml 的 tables.surveys.values.kind 下映射）")
                return
            }
            let range: ClosedRange<Double> = kind == .nps ? 0...10 : 1...5
            guard range.contains(score), score.rounded() == score else {
                parser.rejection(.unreadableValue, record, cScore, "expected a whole \(kind == .nps ? "NPS score 0–10" : "CSAT score 1–5"), found \(record.string(cScore)); the row is left out", zh: "评分应为 \(kind == .nps ? "0–10 的整数（NPS）" : "1–5 的整数（CSAT）")，实为“\(record.string(cScore))”，该行未计入")
                return
            }
            let row = customers.row(ofBytes: customerId, hash) ?? Missing.row
            if row == Missing.row {
                parser.finding(.unknownCustomer, record, cCustomer, "customer_id \(String(decoding: customerId, as: UTF8.self)) is not in customers; left out of metrics", zh: "客户编号 \(String(decoding: customerId, as: UTF8.self)) 不在客户表中，未计入指标")
            }
            table.customer.append(row)
            table.day.append(options.zone.day(of: at))
            table.kind.append(kind)
            table.score.append(UInt8(score))
        }
        parser.noteRows(rows)
        return (table, parser.log)
    }
}
