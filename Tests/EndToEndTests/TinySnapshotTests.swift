import Foundation
import Testing

/// A company's first months: five customers and only the two required tables. The pack
/// must say what it lacks instead of drawing empty frames, and start its trends where
/// the data does.
@Suite struct TinySnapshotTests {
    static let customers = """
        customer_id,name,signup_at,channel,region,industry,tier,owner
        C1,甲公司,2026-08-03 10:00:00,官网,华东,零售,普通,王芳
        C2,乙公司,2026-08-20 11:00:00,转介绍,华北,教育,普通,李娜
        C3,丙公司,2026-09-05 09:30:00,官网,华东,零售,重要,王芳
        C4,丁公司,2026-09-28 16:00:00,搜索广告,华南,制造,普通,李娜
        C5,戊公司,2026-10-12 14:00:00,官网,华东,教育,普通,王芳

        """
    static let orders = """
        order_id,customer_id,ordered_at,amount,status,cost,product
        O1,C1,2026-08-03 12:00:00,1200.00,paid,400.00,基础版
        O2,C2,2026-08-25 09:00:00,800.00,paid,300.00,基础版
        O3,C1,2026-09-10 10:00:00,1500.00,paid,500.00,专业版
        O4,C3,2026-09-06 15:00:00,5000.00,paid,1800.00,专业版
        O5,C4,2026-10-02 11:00:00,900.00,paid,350.00,基础版
        O6,C3,2026-10-15 10:00:00,5200.00,paid,1900.00,专业版
        O7,C5,2026-10-20 13:00:00,600.00,refunded,0,基础版

        """

    @Test func aTinySnapshotsPackSaysWhatItLacksAndStartsWhereItsDataDoes() throws {
        let data = CommandRunner.temporaryFolder(), out = CommandRunner.temporaryFolder()
        defer { for f in [data, out, out + ".outbox"] { try? FileManager.default.removeItem(atPath: f) } }
        try Self.customers.write(toFile: data + "/customers.csv", atomically: true, encoding: .utf8)
        try Self.orders.write(toFile: data + "/orders.csv", atomically: true, encoding: .utf8)
        try "company: Tiny Shop\nlanguage: en\ntimezone: Asia/Shanghai\ncurrency: CNY\n".write(toFile: data + "/pack.yaml", atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["build", "--data", data, "--out", out, "--month", "2026-10"])
        #expect(result.status == 0, "\(result.stderr)")

        // New customers by signup month, counted from the rows above: August 2, September 2, October 1.
        let csv = try String(contentsOfFile: out + "/2026-10/tables/trend-new-customers.csv", encoding: .utf8)
        let rows = csv.split(whereSeparator: \.isNewline).dropFirst().map { $0.split(separator: ",").last.map(String.init) ?? "" }
        #expect(rows == ["2", "2", "1"], "the trend starts in August, the first month with a customer: \(csv)")

        let page = try String(contentsOfFile: out + "/2026-10/index.html", encoding: .utf8)
        for table in ["leads", "targets"] {
            #expect(page.contains("The snapshot has no \(table) table; this section is left out."), "\(table)")
        }
        #expect(page.contains("The snapshot has no surveys table or tickets table; this section is left out."))
        // With no alert rule and no targets table there was nothing to check against, and the pack says so.
        #expect(page.contains("No alert rules (alerts in pack.yaml) or targets (the targets table) are set, so there is nothing to check against."))
        // No cohort is twelve months old, so the 12-month LTV has no value: named in a note, not drawn as an empty frame.
        #expect(page.contains("No value yet in the months shown") && page.contains("12-month LTV."))
        #expect(!FileManager.default.fileExists(atPath: out + "/2026-10/charts/trend-ltv-12m.svg"))
        // The cohort grid shows the three months the August cohort has lived, no more.
        let cohorts = try String(contentsOfFile: out + "/2026-10/tables/cohort-retention.csv", encoding: .utf8)
        #expect(cohorts.split(whereSeparator: \.isNewline).first?.hasSuffix("M0,M1,M2") == true, "\(cohorts)")
    }

    @Test func anOpenTargetThatWouldPrintLikeItsActualGetsASecondDecimal() throws {
        let data = CommandRunner.temporaryFolder(), out = CommandRunner.temporaryFolder()
        defer { for f in [data, out, out + ".outbox"] { try? FileManager.default.removeItem(atPath: f) } }
        try Self.customers.write(toFile: data + "/customers.csv", atomically: true, encoding: .utf8)
        try Self.orders.write(toFile: data + "/orders.csv", atomically: true, encoding: .utf8)
        // Churn is a level: an open quarter's target is due whole. 33.31 % beside an actual of 33.33 % would print 33.3 % twice.
        try "metric,period,target,dimension,value\nchurn_rate,2026-Q4,0.3331,,\nnew_customers,2026-05,3,,\n"
            .write(toFile: data + "/targets.csv", atomically: true, encoding: .utf8)
        try "company: Tiny Shop\nlanguage: en\ntimezone: Asia/Shanghai\ncurrency: CNY\n".write(toFile: data + "/pack.yaml", atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["build", "--data", data, "--out", out, "--month", "2026-10"])
        #expect(result.status == 0, "\(result.stderr)")
        let metrics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: out + "/2026-10/metrics.json"))) as? [String: Any]
        let churn = try #require(((metrics?["metrics"] as? [String: Any])?["churn_rate"] as? [String: Any])?["value"] as? Double)
        #expect(abs(churn - 1.0 / 3) < 1e-12, "one in three")
        let page = try String(contentsOfFile: out + "/2026-10/index.html", encoding: .utf8)
        #expect(page.contains("33.33% against 33.31% due by now (33.31% for the period; pace 99.9%)"), "the exception")
        #expect(page.contains("Churn rate (2026-Q4) 33.33% / 33.31% due"), "the bar's figures")
        // A targets table with nothing due this month is still a table: nothing needs attention, but something was set.
        try "metric,period,target,dimension,value\nnew_customers,2026-05,3,,\n".write(toFile: data + "/targets.csv", atomically: true, encoding: .utf8)
        let mayOnly = CommandRunner.temporaryFolder()
        defer { for f in [mayOnly, mayOnly + ".outbox"] { try? FileManager.default.removeItem(atPath: f) } }
        #expect(try CommandRunner.run(["build", "--data", data, "--out", mayOnly, "--month", "2026-10"]).status == 0)
        let quiet = try String(contentsOfFile: mayOnly + "/2026-10/index.html", encoding: .utf8)
        #expect(quiet.contains("Nothing needs attention this month.") && !quiet.contains("No alert rules"))
    }
}
