import Metrics
/// `leads`: one row per lead with when it reached each stage: the instants response times
/// are measured between (created, and first contact as seconds from it), else only the
/// local day (``LeadFacts/none`` if not reached), which is all a metric reads of it.
public struct LeadTable: Sendable {
    public private(set) var createdAt: [Int64] = []
    /// First contact, from `createdAt`.
    public private(set) var firstContact = InstantOffsets()
    public private(set) var qualifiedDay: [Int32] = []
    public private(set) var opportunityDay: [Int32] = []
    public private(set) var wonDay: [Int32] = []
    public private(set) var lostDay: [Int32] = []
    public private(set) var amount: [Int64] = []
    /// The customer the lead became, or ``Missing/row``.
    public private(set) var customer: [Int32] = []
    public private(set) var channel = DimensionColumn(name: "channel")
    public private(set) var campaign = DimensionColumn(name: "campaign")
    public private(set) var owner = DimensionColumn(name: "owner")
    /// The customer dimensions the export carries for the lead itself (`region`, …), for audiences.
    public private(set) var audienceDimensions: [DimensionColumn] = []

    public var count: Int { createdAt.count }

    /// A lead a database read itself: instants and days as the reader keeps them, its
    /// words as the mapping translates them, audience dimensions in ``audienceDimensions``' order.
    public struct Lead {
        public var createdAt: Int64
        public var firstContactAt: Int64
        public var qualifiedDay, opportunityDay, wonDay, lostDay: Int32
        public var amount: Int64
        public var customer: Int32
        public var channel = "", campaign = "", owner = ""
        public var audience: [String] = []

        public init(createdAt: Int64) {
            self.createdAt = createdAt
            (firstContactAt, amount, customer) = (Missing.instant, Missing.money, Missing.row)
            (qualifiedDay, opportunityDay, wonDay, lostDay) = (LeadFacts.none, LeadFacts.none, LeadFacts.none, LeadFacts.none)
        }
    }

    public mutating func add(_ lead: Lead) {
        createdAt.append(lead.createdAt)
        firstContact.append(lead.firstContactAt, from: lead.createdAt)
        qualifiedDay.append(lead.qualifiedDay)
        opportunityDay.append(lead.opportunityDay)
        wonDay.append(lead.wonDay)
        lostDay.append(lead.lostDay)
        amount.append(lead.amount)
        customer.append(lead.customer)
        func append(_ word: String, to column: inout DimensionColumn) {
            var word = word
            word.withUTF8 { column.append(bytes: $0) }
        }
        append(lead.channel, to: &channel)
        append(lead.campaign, to: &campaign)
        append(lead.owner, to: &owner)
        for k in audienceDimensions.indices { append(k < lead.audience.count ? lead.audience[k] : "", to: &audienceDimensions[k]) }
    }

    static func read(_ reader: TableReader, layout: TableLayout, options: SnapshotOptions, customers: CustomerTable) throws -> (LeadTable, QualityLog) {
        let cId = try layout.required("lead_id"), cCreated = try layout.required("created_at")
        let cContact = layout.optional("first_contact_at"), cQualified = layout.optional("qualified_at")
        let cOpportunity = layout.optional("opportunity_at"), cWon = layout.optional("won_at"), cLost = layout.optional("lost_at")
        let cAmount = layout.optional("amount"), cCustomer = layout.optional("customer_id")
        let cChannel = layout.optional("channel"), cCampaign = layout.optional("campaign"), cOwner = layout.optional("owner")
        var table = LeadTable()
        let audienceColumns = FactsScope.leadAudienceDimensions(options.customerDimensions)
            .compactMap { name in layout.optional(name).map { (name, $0) } }
        table.audienceDimensions = audienceColumns.map { DimensionColumn(name: $0.0) }
        let parser = RowParser(layout: layout, options: options)
        let expected = reader.estimatedRecords
        var seen = SeenKeys(capacity: expected)
        // Reserved once: growing by doubling would hold up to twice the rows, and both copies while it moves.
        table.createdAt.reserveCapacity(expected)
        table.firstContact.reserveCapacity(expected)
        table.qualifiedDay.reserveCapacity(expected)
        table.opportunityDay.reserveCapacity(expected)
        table.wonDay.reserveCapacity(expected)
        table.lostDay.reserveCapacity(expected)
        table.amount.reserveCapacity(expected)
        table.customer.reserveCapacity(expected)
        var rows = 0
        try reader.forEachRecord(lookingAhead: { record in
            (seen.ahead(record.bytes(cId)), cCustomer.map { customers.ahead(ofBytes: record.bytes($0)) })
        }) { record, hashes in
            rows += 1
            guard let idBytes = parser.idBytes(record, cId), let created = parser.instant(record, cCreated) else { return }
            guard seen.add(idBytes, hashes.0) else {
                let id = String(decoding: idBytes, as: UTF8.self)
                parser.finding(.duplicateKey, record, cId, "lead_id \(id) appears again; the first row is kept", zh: "线索编号 \(id) 重复出现，保留第一行")
                return
            }
            let contact = parser.optionalInstant(record, cContact), qualified = parser.optionalInstant(record, cQualified)
            let opportunity = parser.optionalInstant(record, cOpportunity), won = parser.optionalInstant(record, cWon)
            let lost = parser.optionalInstant(record, cLost)
            // Stage order: created ≤ first contact, created ≤ qualified ≤ opportunity ≤ won/lost,
            // stages not reached skipped. The finding names the first stage that comes before
            // the one it follows (a reached stage always has its column).
            var previous = created, backwards: Int?
            func follows(_ instant: Int64, _ column: Int?) {
                guard backwards == nil, instant != Missing.instant else { return }
                if instant < previous { backwards = column } else { previous = instant }
            }
            follows(qualified, cQualified)
            follows(opportunity, cOpportunity)
            if won >= lost { follows(won, cWon) } else { follows(lost, cLost) }
            if backwards == nil, contact != Missing.instant, contact < created { backwards = cContact }
            if backwards != nil {
                parser.finding(.stageOrder, record, backwards, "stage timestamps of lead \(String(decoding: idBytes, as: UTF8.self)) run backwards (this one is earlier than the stage before it); kept as written", zh: "线索 \(String(decoding: idBytes, as: UTF8.self)) 的阶段时间倒序（此阶段早于前一阶段），按原值保留")
            }
            if won != Missing.instant, lost != Missing.instant {
                parser.finding(.wonAndLost, record, cLost, "lead \(String(decoding: idBytes, as: UTF8.self)) is both won and lost; counted as won", zh: "线索 \(String(decoding: idBytes, as: UTF8.self)) 既成交又丢单，按成交计")
            }
            var customerRow = Missing.row
            if let cCustomer, let hash = hashes.1 {
                let customerId = record.bytes(cCustomer)
                if !customerId.isEmpty {
                    customerRow = customers.row(ofBytes: customerId, hash) ?? Missing.row
                    if customerRow == Missing.row {
                        parser.finding(.unknownCustomer, record, cCustomer, "customer_id \(String(decoding: customerId, as: UTF8.self)) is not in customers", zh: "客户编号 \(String(decoding: customerId, as: UTF8.self)) 不在客户表中")
                    }
                }
            }
            table.createdAt.append(created)
            table.firstContact.append(contact, from: created)
            table.qualifiedDay.append(LeadFacts.day(of: qualified, in: options.zone))
            table.opportunityDay.append(LeadFacts.day(of: opportunity, in: options.zone))
            table.wonDay.append(LeadFacts.day(of: won, in: options.zone))
            table.lostDay.append(won != Missing.instant ? LeadFacts.none : LeadFacts.day(of: lost, in: options.zone))
            table.amount.append(try parser.optionalAmount(record, cAmount))
            table.customer.append(customerRow)
            table.channel.append(bytes: parser.field(record, cChannel))
            table.campaign.append(bytes: parser.field(record, cCampaign))
            table.owner.append(bytes: parser.field(record, cOwner))
            for (k, column) in audienceColumns.enumerated() { table.audienceDimensions[k].append(bytes: parser.field(record, column.1)) }
        }
        parser.noteRows(rows)
        return (table, parser.log)
    }
}
