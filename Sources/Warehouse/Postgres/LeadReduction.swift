import Metrics
import Snapshot

/// Leads reduced inside the database: a clean lead (an id seen once, settled times
/// whose stages run forward, not both won and lost, no customer or a known one, an amount
/// empty or plain) travels as its instants in seconds, its stage days, its amount in
/// minor units and its words as the mapping translates them.
///
/// Possible when the database reads `created_at`. A stage column of another type (the
/// database would compare the two through its own session zone) is left to the reader: a
/// lead with a value there comes whole, as does text with an offset (its instant is the
/// reader's to place).
struct LeadReduction: TableReduction {
    let connection: PostgresConnection
    let terms: ReductionTerms
    let leads: (relation: String, name: String, id: String, timeType: String, created: String)
    /// Optional columns, by contract name, as the table names them.
    let columns: [String: (name: String, type: String)]
    /// The customer dimensions the table carries for audiences, in the reader's order.
    let audience: [String]
    let mapping: TableMapping
    let digits: Int

    var relation: String { leads.relation }
    var tableName: String { leads.name }
    private static func column(_ name: String) -> String { "t." + PostgresConnection.quote(name) }
    private func optional(_ contract: String) -> String? { columns[contract].map { Self.column($0.name) } }
    private static let stages = ["first_contact_at", "qualified_at", "opportunity_at", "won_at", "lost_at"]
    /// A stage column of the creation time's type, which the database reads.
    private func stage(_ contract: String) -> TimeColumn? {
        columns[contract]?.type == leads.timeType ? optional(contract).map { terms.time($0, leads.timeType, offsets: false, as: "reviewpack_" + contract) } : nil
    }
    private var created: TimeColumn { terms.time(Self.column(leads.created), leads.timeType, offsets: false, as: "reviewpack_created_at") }

    var keys: [String] {
        ["\(columns["customer_id"].map { ReductionTerms.id(Self.column($0.name)) } ?? "CAST(NULL AS text)") AS reviewpack_customer",
         "\(ReductionTerms.id(Self.column(leads.id))) AS reviewpack_lead"] + ([created] + Self.stages.compactMap(stage)).compactMap(\.key)
    }

    var join: String { terms.known + " " + ReductionTerms.repeated(leads.id, of: leads.relation, key: "reviewpack_lead") }

    /// Won, else lost: the stage the reader puts last (a lead both won and lost is not clean).
    private var closed: String? {
        switch (stage("won_at")?.value, stage("lost_at")?.value) {
        case let (won?, lost?): return "COALESCE(\(won), \(lost))"
        case let (won?, nil): return won
        case let (nil, lost?): return lost
        case (nil, nil): return nil
        }
    }

    var clean: String {
        let created = self.created.value
        var parts = ["octet_length(t.reviewpack_lead) BETWEEN 1 AND 256", "d.reviewpack_repeated IS NULL", terms.settled(self.created),
                     "(COALESCE(t.reviewpack_customer, '') = '' OR k.reviewpack_id IS NOT NULL)"]
        for contract in Self.stages {
            if let stage = stage(contract) {
                parts.append("(\(stage.isAbsent) OR \(terms.settled(stage)))")
            } else if let other = optional(contract) {
                parts.append("(\(other) IS NULL OR CAST(\(other) AS text) = '')")
            }
        }
        if let won = stage("won_at"), let lost = stage("lost_at") { parts.append("(\(won.isAbsent) OR \(lost.isAbsent))") }
        if let contact = stage("first_contact_at")?.value { parts.append("(\(contact) IS NULL OR \(contact) >= \(created))") }
        // The stages each at or after every stage before it that was reached.
        let chain = [created] + [stage("qualified_at")?.value, stage("opportunity_at")?.value, closed].compactMap { $0 }
        for (i, later) in chain.enumerated().dropFirst() {
            let after = chain[..<i].map { earlier in earlier == created ? "\(later) >= \(created)" : "(\(earlier) IS NULL OR \(later) >= \(earlier))" }
            parts.append("(\(later) IS NULL OR (\(after.joined(separator: " AND "))))")
        }
        if let amount = columns["amount"] {
            let column = Self.column(amount.name)
            parts.append("(\(column) IS NULL OR CAST(\(column) AS text) = '' OR \(ReductionTerms.plainMoney(column, amount.type, digits: digits)))")
        }
        return parts.joined(separator: " AND ")
    }


    /// Adds the clean leads to `table`; returns how many.
    func add(to table: inout LeadTable, customers: CustomerTable) throws -> Int {
        let place = "\(connection.name), table \(leads.name)"
        let null = "CAST(NULL AS bigint)"
        let day = { (contract: String) in self.stage(contract).map { self.terms.dayNumber($0) } ?? null }
        let amount = columns["amount"].map { a in
            "CASE WHEN \(ReductionTerms.plainMoney(Self.column(a.name), a.type, digits: digits)) THEN CAST(\(ReductionTerms.minorUnits(Self.column(a.name), a.type, digits: digits)) AS bigint) END"
        } ?? null
        let word = { (contract: String) in
            self.optional(contract).map { ReductionTerms.mapped($0, mapping: self.mapping.values[contract] ?? [:]) } ?? "''"
        }
        let items = [ReductionTerms.seconds(created.value), stage("first_contact_at").map { ReductionTerms.seconds($0.value) } ?? null,
                     day("qualified_at"), day("opportunity_at"), day("won_at"), day("lost_at"), amount, "COALESCE(t.reviewpack_customer, '')",
                     word("channel"), word("campaign"), word("owner")] + audience.map(word)
        let sql = "COPY (SELECT \(items.joined(separator: ", ")) FROM \(keyed) \(join) WHERE \(clean)) TO STDOUT"
        var rows = 0, total: Int64 = 0
        var field: [UInt8] = []
        var lead = LeadTable.Lead(createdAt: 0)
        func number(_ field: [UInt8], _ what: String) throws -> Int64? { field.isEmpty ? nil : try ReductionTerms.integer(field, what, in: place) }
        func stageDay(_ field: [UInt8]) throws -> Int32 { try number(field, "day").map { Int32(truncatingIfNeeded: $0) } ?? LeadFacts.none }
        let last = items.count - 1
        try connection.copyOut(sql, table: leads.name) { line in
            try CopyText.forEachField(line, &field) { index, field in
                switch index {
                case 0: lead = LeadTable.Lead(createdAt: terms.instant(try ReductionTerms.integer(field, "time", in: place), created.type))
                case 1: lead.firstContactAt = try number(field, "time").map { terms.instant($0, created.type) } ?? Missing.instant
                case 2: lead.qualifiedDay = try stageDay(field)
                case 3: lead.opportunityDay = try stageDay(field)
                case 4: lead.wonDay = try stageDay(field)
                case 5: lead.lostDay = try stageDay(field)
                case 6: lead.amount = try number(field, "amount") ?? Missing.money
                case 7: lead.customer = field.isEmpty ? Missing.row : try PostgresSource.customerRow(field, in: customers, place: place)
                case 8: lead.channel = String(decoding: field, as: UTF8.self)
                case 9: lead.campaign = String(decoding: field, as: UTF8.self)
                case 10: lead.owner = String(decoding: field, as: UTF8.self)
                default: lead.audience.append(String(decoding: field, as: UTF8.self))
                }
                if index == last {
                    total += lead.amount == Missing.money ? 0 : lead.amount
                    guard total <= Snapshot.columnTotalLimit else {
                        throw DatabaseError(.query, "\(place): the column \(columns["amount"]?.name ?? "amount") adds up past \(Snapshot.columnTotalLimit) minor units; money is summed exactly as 64-bit integers, which cannot hold that")
                    }
                    table.add(lead)
                    rows += 1
                }
            }
        }
        return rows
    }
}
