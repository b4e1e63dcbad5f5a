import Metrics
/// `tickets`: service requests with their response and resolution times.
public struct TicketTable: Sendable {
    /// The customer's row, or ``Missing/row`` for an unknown customer (a finding).
    public private(set) var customer: [Int32] = []
    public private(set) var openedAt: [Int64] = []
    public private(set) var firstResponseAt: [Int64] = []
    public private(set) var resolvedAt: [Int64] = []
    /// Whether the kind is `complaint` (in any case): the only kind a metric tells apart.
    public private(set) var isComplaint: [Bool] = []

    public var count: Int { customer.count }

    /// A ticket of a known customer that a database read itself.
    public mutating func add(customer row: Int32, openedAt: Int64, firstResponseAt: Int64, resolvedAt: Int64, isComplaint: Bool) {
        customer.append(row)
        self.openedAt.append(openedAt)
        self.firstResponseAt.append(firstResponseAt)
        self.resolvedAt.append(resolvedAt)
        self.isComplaint.append(isComplaint)
    }

    static func read(_ reader: TableReader, layout: TableLayout, options: SnapshotOptions, customers: CustomerTable) throws -> (TicketTable, QualityLog) {
        let cId = try layout.required("ticket_id"), cCustomer = try layout.required("customer_id"), cOpened = try layout.required("opened_at")
        let cResponse = layout.optional("first_response_at"), cResolved = layout.optional("resolved_at"), cKind = layout.optional("kind")
        var table = TicketTable()
        let parser = RowParser(layout: layout, options: options)
        var seen = SeenKeys(capacity: reader.estimatedRecords)
        var rows = 0
        try reader.forEachRecord(lookingAhead: { (seen.ahead($0.bytes(cId)), customers.ahead(ofBytes: $0.bytes(cCustomer))) }) { record, hashes in
            rows += 1
            guard let idBytes = parser.idBytes(record, cId), let customerId = parser.idBytes(record, cCustomer),
                  let opened = parser.instant(record, cOpened) else { return }
            guard seen.add(idBytes, hashes.0) else {
                let id = String(decoding: idBytes, as: UTF8.self)
                parser.finding(.duplicateKey, record, cId, "ticket_id \(id) appears again; the first row is kept", zh: "工单编号 \(id) 重复出现，保留第一行")
                return
            }
            let row = customers.row(ofBytes: customerId, hashes.1) ?? Missing.row
            if row == Missing.row {
                parser.finding(.unknownCustomer, record, cCustomer, "customer_id \(String(decoding: customerId, as: UTF8.self)) is not in customers; left out of metrics", zh: "客户编号 \(String(decoding: customerId, as: UTF8.self)) 不在客户表中，未计入指标")
            }
            let response = parser.optionalInstant(record, cResponse), resolved = parser.optionalInstant(record, cResolved)
            if response != Missing.instant, response < opened {
                parser.finding(.stageOrder, record, cResponse, "ticket \(String(decoding: idBytes, as: UTF8.self)) is answered before it was opened; kept as written", zh: "工单 \(String(decoding: idBytes, as: UTF8.self)) 的响应早于创建，按原值保留")
            } else if resolved != Missing.instant, resolved < opened {
                parser.finding(.stageOrder, record, cResolved, "ticket \(String(decoding: idBytes, as: UTF8.self)) is resolved before it was opened; kept as written", zh: "工单 \(String(decoding: idBytes, as: UTF8.self)) 的解决早于创建，按原值保留")
            }
            table.customer.append(row)
            table.openedAt.append(opened)
            table.firstResponseAt.append(response)
            table.resolvedAt.append(resolved)
            table.isComplaint.append(cKind.flatMap { parser.keyword(record, $0, among: Self.complaint) } == 0)
        }
        parser.noteRows(rows)
        return (table, parser.log)
    }

    /// A kind is a complaint in any case (compared as bytes: no String per ticket).
    private static let complaint = [Array("complaint".utf8)]
}
