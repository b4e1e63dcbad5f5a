import Foundation
import Testing

/// `check` says everything that is wrong in one run; `init` never replaces a file it was not told to.
@Suite struct CheckAndInitTests {
    func folder(customers: String, orders: String) throws -> String {
        let folder = CommandRunner.temporaryFolder()
        try customers.write(toFile: folder + "/customers.csv", atomically: true, encoding: .utf8)
        try orders.write(toFile: folder + "/orders.csv", atomically: true, encoding: .utf8)
        try "company: T\ntimezone: UTC\ncurrency: USD\nlanguage: en\n".write(toFile: folder + "/pack.yaml", atomically: true, encoding: .utf8)
        return folder
    }

    @Test func checkListsThreeMissingColumnsInTwoFilesAtOnce() throws {
        let data = try folder(customers: "Customer ID,signup_at\nC1,2026-01-15\n", orders: "order_id,Account ID,Order Date,amount\nO1,C1,2026-02-03,10.00\n")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let result = try CommandRunner.run(["check", "--data", data])
        #expect(result.status == 65)
        #expect(result.stderr.contains("3 problems:"), "\(result.stderr)")
        #expect(result.stderr.contains("customers.csv:1 (customer_id): the header has no column customer_id; did you mean \"Customer ID\"?"))
        #expect(result.stderr.contains("orders.csv:1 (customer_id): the header has no column customer_id; did you mean \"Account ID\"?"))
        #expect(result.stderr.contains("orders.csv:1 (ordered_at): the header has no column ordered_at; did you mean \"Order Date\"?"))
        // build says the same, not just the first.
        let build = try CommandRunner.run(["build", "--data", data, "--out", data + "/site"])
        #expect(build.status == 65 && build.stderr.contains("3 problems:"))
        let published = (try? FileManager.default.contentsOfDirectory(atPath: data + "/site")) ?? []
        #expect(published.allSatisfy { $0.hasPrefix(".") }, "\(published)")
    }

    @Test func aChineseSetupIsToldInChinese() throws {
        let data = try folder(customers: "客户编号,signup_at\nC1,2026-01-15\n", orders: "order_id,customer_id,ordered_at\nO1,C1,2026-02-03\n")
        defer { try? FileManager.default.removeItem(atPath: data) }
        try "company: T\ntimezone: Asia/Shanghai\nlanguage: zh\n".write(toFile: data + "/pack.yaml", atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", "--data", data])
        #expect(result.status == 65)
        #expect(result.stderr.contains("共 2 个问题："), "\(result.stderr)")
        #expect(result.stderr.contains("customers.csv:1 (customer_id): 表头中没有 customer_id 列；是否指“客户编号”？"))
        #expect(result.stderr.contains("orders.csv:1 (amount): 表头中没有 amount 列；现有列：order_id、customer_id、ordered_at"))
    }

    @Test func checkOfAGoodFolderSaysTablesFindingsAndTheMonthWithItsReason() throws {
        let data = try folder(customers: "customer_id,signup_at\nC1,2026-01-15\nC1,2026-01-16\n",
                              orders: "order_id,customer_id,ordered_at,amount\nO1,C1,2026-02-03,10.00\nO2,C1,2026-04-29 23:59,12.50\n")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let result = try CommandRunner.run(["check", "--data", data])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("  customers: 2 rows from customers.csv\n  orders: 2 rows from orders.csv\n  leads: absent (optional"))
        #expect(result.stdout.contains("duplicate_key in customers.customer_id: 1, first at customers.csv:3:1 (customer_id)"))
        #expect(result.stdout.contains("month: 2026-03: the data runs from 2026-01-15 to 2026-04-29, inside 2026-04, so the last complete month is 2026-03"))
        let strict = try CommandRunner.run(["check", "--data", data, "--strict"])
        #expect(strict.status == 65)
    }

    @Test func initNeverReplacesAFileWithoutForce() throws {
        let data = try folder(customers: "客户编号,注册时间\nC1,2026/1/15 8:00\n", orders: "订单编号,客户编号,下单时间,订单金额\nO1,C1,2026/2/3 9:00,\"¥1,200.00\"\n")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let before = try String(contentsOfFile: data + "/pack.yaml", encoding: .utf8)
        let refused = try CommandRunner.run(["init", "--data", data])
        #expect(refused.status == 73 && refused.stderr.contains("give --force"))
        #expect(try String(contentsOfFile: data + "/pack.yaml", encoding: .utf8) == before)
        let forced = try CommandRunner.run(["init", "--data", data, "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        let written = try String(contentsOfFile: data + "/pack.yaml", encoding: .utf8)
        #expect(written.contains("language: zh") && written.contains("currency: CNY"))
        #expect(written.contains("customer_id: \"客户编号\"") && written.contains("ordered_at: \"下单时间\"") && written.contains("amount: \"订单金额\""))
        #expect(written.contains("\"yyyy/M/d H:mm\"") && written.contains("money: \"1,234.50\""))
        let checked = try CommandRunner.run(["check", "--data", data])
        #expect(checked.status == 0, "\(checked.stderr)\n\(written)")
    }

    @Test func initOnAFolderInTheContractsOwnFormWritesAConfigurationCheckAccepts() throws {
        let data = try folder(customers: "customer_id,signup_at\nC1,2026-01-15\n", orders: "order_id,customer_id,ordered_at,amount\nO1,C1,2026-02-03,10.00\n")
        defer { try? FileManager.default.removeItem(atPath: data) }
        let written = try CommandRunner.run(["init", "--data", data, "--force"])
        #expect(written.status == 0, "\(written.stderr)")
        let text = try String(contentsOfFile: data + "/pack.yaml", encoding: .utf8)
        #expect(text.contains("tables: {}\n  # read as the contract names them: customers.csv, orders.csv"), "\(text)")
        let checked = try CommandRunner.run(["check", "--data", data])
        #expect(checked.status == 0, "\(checked.stderr)\n\(text)")
    }
}
