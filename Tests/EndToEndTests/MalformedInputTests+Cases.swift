import Foundation
import Testing

// The cases, by kind. Line numbers refer to the generated snapshot: orders.csv has a
// header and 190 rows, spend.csv 70, traffic.csv 1278; pack.yaml is the sample's.
extension MalformedCase {
    static let orderRow = "O9,C000001,2026-01-01 10:00,1.00,paid,,"

    static let structure: [MalformedCase] = [
        MalformedCase(name: "unclosed quote", status: 65, place: "orders.csv:3:3") { try $0.replaceLine("orders", 3, #"O9,C000001,"2026-01-01 10:00,1.00,paid,,"#) },
        MalformedCase(name: "text after a closing quote", status: 65, place: "orders.csv:3:3") { try $0.replaceLine("orders", 3, #"O9,C000001,"2026-01-01"x,1.00,paid,,"#) },
        MalformedCase(name: "quote inside an unquoted field", status: 65, place: "orders.csv:3:2") { try $0.replaceLine("orders", 3, #"O9,C0"01,2026-01-01,1.00,paid,,"#) },
        MalformedCase(name: "too many fields", status: 65, place: "orders.csv:3:8") { try $0.replaceLine("orders", 3, orderRow + ",extra") },
        MalformedCase(name: "too few fields", status: 65, place: "orders.csv:3:3") { try $0.replaceLine("orders", 3, "O9,C000001,2026-01-01") },
        MalformedCase(name: "bare CR inside a field", status: 65, place: "orders.csv:3:3") { try $0.replaceLine("orders", 3, "O9,C000001,2026-01-01\r10:00,1.00,paid,,") },
        MalformedCase(name: "bare CR line ends", status: 65, place: "customers.csv:1:8") { w in
            try w.write("customers", try w.text("customers").replacingOccurrences(of: "\n", with: "\r"))
        },
        MalformedCase(name: "invalid UTF-8", status: 65, place: "orders.csv:3:") { w in
            var bytes = Array(try w.text("orders").utf8)
            let third = bytes.indices.filter { bytes[$0] == 10 }[1] + 5
            bytes[third] = 0xFF
            try w.write("orders", bytes: bytes)
        },
        // With its byte-order mark UTF-16 is read (Excel's "Unicode text"); without one it is not UTF-8.
        MalformedCase(name: "UTF-16 text without a byte-order mark", status: 65, place: "customers.csv:") { w in
            try w.write("customers", bytes: Array(try w.text("customers").utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        },
        MalformedCase(name: "empty customers file", status: 65, place: "customers.csv:1") { try $0.write("customers", "") },
        MalformedCase(name: "missing required column", status: 65, place: "orders.csv:1 (ordered_at)") { w in
            try w.replaceLine("orders", 1, "order_id,customer_id,ordered_on,amount,status,cost,product")
        },
        MalformedCase(name: "a column named twice", status: 65, place: "orders.csv:1:7 (Amount)") { w in
            try w.replaceLine("orders", 1, "order_id,customer_id,ordered_at,amount,status,cost,Amount")
        },
        MalformedCase(name: "no customers at all", status: 65, place: "customers.csv:1: 文件中没有客户") { w in
            try w.write("customers", "customer_id,name,signup_at,channel,region,industry,tier,owner\n")
            try w.write("orders", "order_id,customer_id,ordered_at,amount\n")
        },
        MalformedCase(name: "customers file missing", status: 66, place: "customers.csv") { try FileManager.default.removeItem(atPath: "\($0.data)/customers.csv") },
        MalformedCase(name: "orders file missing", status: 66, place: "orders.csv") { try FileManager.default.removeItem(atPath: "\($0.data)/orders.csv") },
        MalformedCase(name: "orders is a folder", status: 66, place: "orders.csv: is a folder") { w in
            try FileManager.default.removeItem(atPath: "\(w.data)/orders.csv")
            try FileManager.default.createDirectory(atPath: "\(w.data)/orders.csv", withIntermediateDirectories: false)
        },
        MalformedCase(name: "orders is a FIFO", status: 66, place: "orders.csv: is a FIFO") { w in
            try FileManager.default.removeItem(atPath: "\(w.data)/orders.csv")
            #expect(mkfifo("\(w.data)/orders.csv", 0o644) == 0)
        },
        MalformedCase(name: "activities is a device", status: 66, place: "activities.csv: is a device") { w in
            try FileManager.default.removeItem(atPath: "\(w.data)/activities.csv")
            try FileManager.default.createSymbolicLink(atPath: "\(w.data)/activities.csv", withDestinationPath: "/dev/zero")
        },
        MalformedCase(name: "BOM and CRLF are fine", status: 0, place: "built 2026-10") { w in
            for table in ["customers", "orders"] { try w.write(table, "\u{FEFF}" + (try w.text(table)).replacingOccurrences(of: "\n", with: "\r\n")) }
        },
    ]

    static let values: [MalformedCase] = [
        MalformedCase(name: "every order date unreadable", status: 65, place: "orders.csv:2:3 (ordered_at)") { w in
            try w.mapRows("orders") { _, f in var f = f; f[2] = "05.03.2026"; return f }
        },
        MalformedCase(name: "an amount of Int64.max", status: 65, place: "orders.csv:192:4 (amount)") { try $0.appendRows("orders", ["O9,C000001,2026-01-01,92233720368547758.07,paid,,"]) },
        MalformedCase(name: "two orders of 50000000000000000.00", status: 65, place: "orders.csv:192:4 (amount)") { w in
            try w.appendRows("orders", ["O9,C000001,2026-01-01,50000000000000000.00,paid,,", "O10,C000001,2026-01-02,50000000000000000.00,paid,,"])
        },
        MalformedCase(name: "amounts summing past the limit", status: 65, place: "orders.csv:193:4 (amount)") { w in
            try w.appendRows("orders", ["O9,C000001,2026-01-01,600000000000000.00,paid,,", "O10,C000001,2026-01-02,600000000000000.00,paid,,"])
        },
        MalformedCase(name: "costs summing past the limit", status: 65, place: "orders.csv:193:6 (cost)") { w in
            try w.appendRows("orders", ["O9,C000001,2026-01-01,1.00,paid,600000000000000.00,", "O10,C000001,2026-01-02,1.00,paid,600000000000000.00,"])
        },
        MalformedCase(name: "spend summing past the limit", status: 65, place: "spend.csv:72:3 (amount)") { w in
            try w.appendRows("spend", ["2026-01,官网,50000000000000000.00", "2026-02,官网,50000000000000000.00"])
        },
        MalformedCase(name: "visits summing past the limit", status: 65, place: "traffic.csv:1281:3 (visits)") { w in
            try w.appendRows("traffic", ["2026-01-01,官网,60000000000000000", "2026-01-02,官网,60000000000000000"])
        },
        MalformedCase(name: "negative amounts", status: 65, place: "orders.csv:2:4 (amount)") { w in
            try w.mapRows("orders") { _, f in var f = f; f[3] = "-" + f[3]; return f }
        },
        MalformedCase(name: "three decimals", status: 65, place: "orders.csv:2:4 (amount)") { w in
            try w.mapRows("orders") { _, f in var f = f; f[3] += "1"; return f }
        },
        MalformedCase(name: "ids of 300 bytes", status: 65, place: "customers.csv:2:1 (customer_id)") { w in
            try w.mapRows("customers") { _, f in var f = f; f[0] += String(repeating: "x", count: 300); return f }
        },
        MalformedCase(name: "empty customer ids", status: 65, place: "customers.csv:2:1 (customer_id)") { w in
            try w.mapRows("customers") { _, f in var f = f; f[0] = ""; return f }
        },
        MalformedCase(name: "impossible signup dates", status: 65, place: "customers.csv:2:3 (signup_at)") { w in
            try w.mapRows("customers") { _, f in var f = f; f[2] = "2026-02-30"; return f }
        },
        MalformedCase(name: "offsets beyond a day", status: 65, place: "activities.csv:2:2 (at)") { w in
            try w.mapRows("activities") { _, f in var f = f; f[1] = "2026-01-01T10:00+25:00"; return f }
        },
        MalformedCase(name: "status words of another CRM", status: 65, place: "orders.csv:2:5 (status)") { w in
            try w.mapRows("orders") { _, f in var f = f; f[4] = "Closed Won"; return f }
        },
        MalformedCase(name: "survey scores out of range", status: 65, place: "surveys.csv:2:4 (score)") { w in
            try w.mapRows("surveys") { _, f in var f = f; f[3] = "11"; return f }
        },
        MalformedCase(name: "spend months that do not exist", status: 65, place: "spend.csv:2:1 (month)") { w in
            try w.mapRows("spend") { _, f in var f = f; f[0] = "2026-13"; return f }
        },
        MalformedCase(name: "target periods in weeks", status: 65, place: "targets.csv:2:2 (period)") { w in
            try w.mapRows("targets") { _, f in var f = f; f[1] = "2026-W1"; return f }
        },
        MalformedCase(name: "a signup on 9999-12-31", status: 0, place: "future_timestamp", edit: { w in
            try w.appendRows("customers", ["C999999,Far future,9999-12-31,官网,华东,零售,普通,张三"])
        }, check: { w, _ in
            #expect(FileManager.default.fileExists(atPath: "\(w.site)/2026-10/metrics.json"))
            #expect(!FileManager.default.fileExists(atPath: "\(w.site)/9999-12"))
        }),
        MalformedCase(name: "a target of 1e19", status: 0, place: "built 2026-10") { try $0.appendRows("targets", ["revenue,2026-10,1e19,,"]) },
        MalformedCase(name: "a target of 1e300", status: 0, place: "built 2026-10") { try $0.appendRows("targets", ["orders,2026-Q4,1e300,,", "churn_rate,2026,-1e300,,"]) },
        MalformedCase(name: "lead stages running backwards", status: 0, place: "leads.csv 第 2 行第 7 列（qualified_at）") { w in
            try w.mapRows("leads") { i, f in var f = f; if i == 1 { f[6] = "2000-01-01" }; return f }
        },
        MalformedCase(name: "a ticket resolved before it opened", status: 0, place: "tickets.csv 第 2 行第 5 列（resolved_at）") { w in
            try w.mapRows("tickets") { i, f in var f = f; if i == 1 { f[3] = ""; f[4] = "2000-01-01" }; return f }
        },
    ]

    static let configuration: [MalformedCase] = [
        MalformedCase(name: "churn window .inf", status: 78, place: "pack.yaml:6:21: definitions.churn_after_days") { try $0.setConfig("churn_after_days: 30", "churn_after_days: .inf") },
        MalformedCase(name: "churn window 1e20", status: 78, place: "definitions.churn_after_days") { try $0.setConfig("churn_after_days: 30", "churn_after_days: 1e20") },
        MalformedCase(name: "churn window 3000000000", status: 78, place: "definitions.churn_after_days") { try $0.setConfig("churn_after_days: 30", "churn_after_days: 3000000000") },
        MalformedCase(name: "activation days 1e19", status: 78, place: "definitions.activation_days") { try $0.setConfig("activation_days: 7", "activation_days: 1e19") },
        MalformedCase(name: "retention day 2147483648", status: 78, place: "definitions.retention_days[0]") { try $0.setConfig("retention_days: [1, 7, 30]", "retention_days: [2147483648]") },
        MalformedCase(name: "retention days twice", status: 78, place: "definitions.retention_days[1]") { try $0.setConfig("retention_days: [1, 7, 30]", "retention_days: [7, 7]") },
        MalformedCase(name: "an alias bomb", status: 78, place: "expands to more than 10000 values") { w in
            var bomb = "bomb0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
            for i in 1...25 { bomb += "bomb\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
            try w.editConfig { $0 + bomb }
        },
        MalformedCase(name: "company as a list", status: 78, place: "pack.yaml:1:10: company") { try $0.setConfig("company: 示例科技", "company: [a, b]") },
        MalformedCase(name: "a company name of a megabyte", status: 78, place: "company: must be at most 200 characters") { w in
            try w.setConfig("company: 示例科技", "company: " + String(repeating: "x", count: 1_000_000))
        },
        MalformedCase(name: "an undocumented currency", status: 78, place: "currency: must be one of") { try $0.setConfig("currency: CNY", "currency: XBT") },
        MalformedCase(name: "an alert threshold of .nan", status: 78, place: "alerts[0].above") { try $0.setConfig("above: 0.05", "above: .nan") },
        MalformedCase(name: "a dimension naming no column", status: 78, place: "dimensions[5]: \"segment\" names no column of customers") { w in
            try w.setConfig("dimensions: [channel, region, industry, tier, owner]", "dimensions: [channel, region, industry, tier, owner, segment]")
        },
        MalformedCase(name: "an unknown key", status: 78, place: "colour: unknown key") { try $0.editConfig { $0 + "colour: red\n" } },
        MalformedCase(name: "YAML that does not parse", status: 78, place: "not valid YAML") { try $0.editConfig { $0 + "funnel: [unclosed\n" } },
        MalformedCase(name: "pack.yaml is a folder", status: 78, place: "pack.yaml: is a folder") { w in
            try FileManager.default.removeItem(atPath: w.config)
            try FileManager.default.createDirectory(atPath: w.config, withIntermediateDirectories: false)
        },
        MalformedCase(name: "pack.yaml missing", status: 66, place: "configuration file not found") { try FileManager.default.removeItem(atPath: $0.config) },
        MalformedCase(name: "pack.yaml in GBK", status: 78, place: "not UTF-8") { w in
            try Data([0x63, 0x6F, 0x6D, 0x70, 0x61, 0x6E, 0x79, 0x3A, 0x20, 0xCA, 0xBE, 0xC0, 0xFD, 0x0A]).write(to: URL(fileURLWithPath: w.config))
        },
        MalformedCase(name: "a benchmark of 1e300", status: 78, place: "benchmarks.nps") { try $0.editConfig { $0 + "benchmarks: {nps: 1e300}\n" } },
        MalformedCase(name: "a sender that is no address", status: 78, place: "email.from") { try $0.editConfig { $0.replacingOccurrences(of: "from: 示例科技经营分析 <reports@example.com>", with: "from: nobody") } },
        MalformedCase(name: "an unknown language", status: 78, place: "language: must be one of zh, en") { try $0.setConfig("language: zh", "language: fr") },
        MalformedCase(name: "an unknown section", status: 78, place: "sections[1]") { try $0.editConfig { $0 + "sections: [summary, cohort]\n" } },
        MalformedCase(name: "a funnel stage twice", status: 78, place: "funnel[3].stage") { try $0.setConfig("{stage: won, label: 成交}", "{stage: created, label: 成交}") },
        MalformedCase(name: "a share above one", status: 78, place: "quality.max_unreadable_share") { try $0.editConfig { $0 + "quality: {max_unreadable_share: 2}\n" } },
        MalformedCase(name: "a time zone that does not exist", status: 78, place: "timezone") { try $0.setConfig("timezone: Asia/Shanghai", "timezone: Asia/Atlantis") },
    ]

    static let arguments: [MalformedCase] = ["2026-10-", "+202-10", "0000-01", "2026-13", "9999-12", "２０２６-10"].map { month in
        MalformedCase(name: "--month \(month)", status: 64, place: "--month", arguments: build(["--month", month]))
    } + [
        MalformedCase(name: "an unknown option", status: 64, place: "--colour", arguments: build(["--colour", "red"])),
        MalformedCase(name: "a snapshot folder that does not exist", status: 66, place: "/nonexistent/snapshot",
                      arguments: { ["build", "--data", "/nonexistent/snapshot", "--config", $0.config, "--out", $0.site] }),
    ]

    static let paths: [MalformedCase] = [
        MalformedCase(name: "--out is a file", status: 73, place: "pack.yaml", arguments: { ["build", "--data", $0.data, "--out", $0.config] }),
        MalformedCase(name: "--out under a file", status: 73, place: "customers.csv: cannot write: not a directory", arguments: { ["build", "--data", $0.data, "--out", "\($0.data)/customers.csv/site"] }),
        MalformedCase(name: "--out where nothing may be written", status: 73, place: "/proc/reviewpack", arguments: { ["build", "--data", $0.data, "--out", "/proc/reviewpack"] }),
        MalformedCase(name: "--templates that do not exist", status: 78, place: "/nonexistent/templates", arguments: build(["--templates", "/nonexistent/templates"])),
    ]

    static let hostileText: [MalformedCase] = [
        MalformedCase(name: "escape and bell in a value", status: 0, place: "无法读取“1\\u{1B}[2J\\u{7}”") { w in
            try w.mapRows("orders") { i, f in var f = f; if i == 1 { f[3] = "1\u{1B}[2J\u{07}" }; return f }
        },
        MalformedCase(name: "markup in names and channels", status: 0, place: "built 2026-10", edit: { w in
            try w.mapRows("customers") { i, f in var f = f; if i <= 3 { f[1] = "\"<script>alert(1)</script>&\"\"'\""; f[3] = "<b>web</b>" }; return f }
        }, check: { w, _ in
            for (path, bytes) in CommandRunner.contents(of: w.site) where path.hasSuffix(".html") || path.hasSuffix(".svg") {
                #expect(!String(decoding: bytes, as: UTF8.self).contains("<script>alert"), "\(path) carries raw markup from data")
                #expect(!String(decoding: bytes, as: UTF8.self).contains("<b>web</b>"), "\(path) carries raw markup from data")
            }
        }),
        MalformedCase(name: "direction overrides, emoji and NUL", status: 0, place: "built 2026-10") { w in
            try w.mapRows("customers") { i, f in var f = f; if i <= 3 { f[1] = "\u{202E}evil\u{0}😀"; f[3] = "渠道\u{202E}😀" }; return f }
        },
        MalformedCase(name: "a company name of 200 characters", status: 0, place: "built 2026-10") { w in
            try w.setConfig("company: 示例科技", "company: " + String(repeating: "示例科技有限公司", count: 25))
        },
        MalformedCase(name: "a customer name of a megabyte", status: 0, place: "built 2026-10", edit: { w in
            try w.mapRows("customers") { i, f in var f = f; if i == 1 { f[1] = String(repeating: "名", count: 350_000) }; return f }
        }, check: { _, result in
            #expect(result.stderr.contains("pdf"), "\(result.stderr)")
        }),
    ]
}
