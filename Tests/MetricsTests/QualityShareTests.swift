import Testing
@testable import Metrics

/// An audience's share of the findings: counted, quoted and left out as if only its rows had been read.
@Suite struct QualityShareTests {
    func finding(_ kind: FindingKind, _ table: String, row: Int, _ subject: FindingSubject?) -> Finding {
        Finding(kind: kind, table: table, row: row, field: nil, file: "\(table).csv", line: row + 1, column: nil, columnName: nil,
                message: "row \(row)", subject: subject)
    }

    /// Rows of two reps' customers, a lead of each, spend of one channel, an order of an
    /// unknown customer, and a second customers row giving 张伟's C1 to 王芳.
    func log(keeping: Bool) -> QualityLog {
        var log = QualityLog(keepsEveryFinding: keeping)
        let rows: [(FindingKind, String, FindingSubject?, Bool)] = [
            (.duplicateKey, "orders", FindingSubject(customerId: "C1"), false),
            (.unknownCustomer, "orders", FindingSubject(customerId: "C9"), false),
            (.unreadableValue, "orders", FindingSubject(customerId: "C2"), true),
            (.unreadableValue, "customers", FindingSubject(customerId: "C3", dimensions: ["owner": "张伟", "region": "华东"]), true),
            (.stageOrder, "leads", FindingSubject(dimensions: ["owner": "张伟", "channel": "官网"]), false),
            (.stageOrder, "leads", FindingSubject(dimensions: ["owner": "王芳"]), false),
            (.unreadableValue, "spend", FindingSubject(dimensions: ["channel": "官网"]), true),
            (.duplicateKey, "orders", FindingSubject(customerId: "C1"), false),
            (.duplicateKey, "customers", FindingSubject(customerId: "C1", dimensions: ["owner": "王芳"]), false),
        ]
        for (i, (kind, table, subject, out)) in rows.enumerated() {
            log.add(finding(kind, table, row: i + 1, subject), source: "\(table).csv", leavesRowOut: out)
        }
        log.noteRows(8, of: "orders", from: "orders.csv")
        return log
    }

    /// The customers the read knows: C3's row was left out, C9 is in no customers row.
    let known: Set<String> = ["C1", "C2"]

    @Test func aRepsShareIsItsCustomersRowsAndItsLeads() {
        // 张伟's customer C1 was read; C3's row was left out, but says 张伟 itself.
        let scope = FactsScope(filter: [("owner", ["张伟"])])
        let share = log(keeping: true).restricted { scope.owns($0, customerIds: ["C1"], knownIds: known) }
        #expect(share.isAudienceShare)
        #expect(share.totalFindings == 5)
        #expect(share.count(of: .duplicateKey) == 3)
        #expect(share.count(of: .unknownCustomer) == 0)
        #expect(share.sortedTallies.flatMap { $0.examples.map(\.row) }.sorted() == [1, 4, 5, 8, 9])
        #expect(share.rowsLeftOut == ["customers": 1])
        #expect(share.rowsRead == ["orders": 8], "rows read stay the read's")
    }

    @Test func aChannelsShareHasItsSpendAndLeadsButNoOtherRep() {
        let scope = FactsScope(filter: [("channel", ["官网"])])
        let share = log(keeping: true).restricted { scope.owns($0, customerIds: ["C2"], knownIds: known) }
        #expect(share.sortedTallies.flatMap { $0.examples.map(\.row) }.sorted() == [3, 5, 7])
        #expect(share.rowsLeftOut == ["orders": 1, "spend": 1])
    }

    @Test func aCustomersRowNamingAKnownCustomerIsThatCustomersOwnersOnly() {
        // 王芳 has no customers: her share is her lead, not the row that names C1 with her as owner.
        let scope = FactsScope(filter: [("owner", ["王芳"])])
        let share = log(keeping: true).restricted { scope.owns($0, customerIds: [], knownIds: known) }
        #expect(share.sortedTallies.flatMap { $0.examples.map(\.row) } == [6])
    }

    @Test func aLogThatKeptOnlyExamplesGivesCountsWithoutThem() {
        let share = log(keeping: false).restricted { _ in false }
        #expect(!share.isAudienceShare, "it cannot say the counts are the audience's own")
        #expect(share.totalFindings == 9)
        #expect(share.tallies.allSatisfy { $0.examples.isEmpty })
    }
}
