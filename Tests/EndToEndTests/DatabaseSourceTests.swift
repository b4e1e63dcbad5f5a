import Foundation
import Testing

/// `--data` as a SQLite file or a PostgreSQL database: the same snapshot loaded into each
/// (`reviewpack load`) gives byte-identical `metrics.json` to the folder, month by month;
/// a source that is missing, out of reach or refusing says so in one sentence.
@Suite(.serialized) struct DatabaseSourceTests {
    static let environment = ["SOURCE_DATE_EPOCH": "1798761600"]

    /// Each month's metrics.json built from `data`.
    static func metrics(data: String, config: String, months: [String], in folder: String, extra: [String] = []) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for month in months {
            let site = folder + "/site-\(UUID().uuidString.prefix(6))"
            let result = try CommandRunner.run(["build", "--data", data, "--config", config, "--month", month, "--out", site, "--quiet"] + extra,
                                               environment: environment)
            try #require(result.status == 0, "\(data) \(month): \(result.stderr)")
            out[month] = try Data(contentsOf: URL(fileURLWithPath: "\(site)/\(month)/metrics.json"))
        }
        return out
    }

    static func load(_ folder: String, into target: String, _ extra: [String] = []) throws -> String {
        let result = try CommandRunner.run(["load", "--data", folder, "--into", target] + extra, environment: environment)
        try #require(result.status == 0, "load into \(target): \(result.stderr)")
        return result.stdout
    }

    static func expectSame(_ made: [String: Data], _ expected: [String: Data], _ source: String) {
        for (month, data) in expected.sorted(by: { $0.key < $1.key }) {
            #expect(made[month] == data, "\(source) \(month): metrics.json differs from the folder's")
        }
    }

    @Test func sqliteAndPostgresGiveTheFoldersMetricsForTheSampleAndTheEdgeCases() throws {
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let edge = folder + "/edge"
        try EdgeSnapshot.write(to: edge)
        let server = try PostgresServer()
        defer { server.stop() }

        for (name, data, months) in [("sample", CommandRunner.sampleData, ["2026-09", "2026-10"]), ("edge", edge, ["2026-08", "2026-09", "2026-10"])] {
            let config = data + "/pack.yaml"
            let expected = try Self.metrics(data: data, config: config, months: months, in: folder)

            let sqlite = folder + "/\(name).sqlite"
            _ = try Self.load(data, into: sqlite)
            Self.expectSame(try Self.metrics(data: sqlite, config: config, months: months, in: folder), expected, "SQLite \(name)")

            let loaded = try Self.load(data, into: server.url(), ["--schema", name])
            Self.expectSame(try Self.metrics(data: server.url(), config: config, months: months, in: folder, extra: ["--schema", name]), expected,
                            "PostgreSQL \(name)")
            if name == "edge" {
                // The columns got the types their values allow: instants, local times, text where they mix.
                #expect(loaded.contains("orders: 16 rows (ordered_at timestamptz, amount numeric)"), "cost has 40.000, unreadable for CNY, so it stays text: \(loaded)")
                #expect(loaded.contains("customers: 9 rows (signup_at timestamp)"), "\(loaded)")
                #expect(loaded.contains("leads: 7 rows (created_at timestamp, qualified_at timestamp"), "\(loaded)")
                #expect(!loaded.contains("first_contact_at timestamp"), "a column mixing instants and local times stays text: \(loaded)")
                // Activities were reduced inside the database: the seven clean rows became six customer days (C1's two
                // logins on 1 July are one day; C\8's id comes escaped by COPY and is read back); the rows of the unknown
                // customer C7 and of the empty id came whole, for their findings: an empty id in customers is known to no one.
                let told = try CommandRunner.run(["build", "--data", server.url(), "--schema", name, "--config", config, "--month", "2026-10",
                                                  "--out", folder + "/site-told"], environment: Self.environment)
                #expect(told.stderr.contains("activities: 7 of 9 rows reduced in the database to 6 customer days"), "\(told.stderr)")
                // Orders likewise: the duplicate O3 (both rows), C9's, the negative, the one with cost 40.000 and the
                // unknown status came whole; the other ten (refunded and cancelled counted) became seven groups of paid
                // orders, C4's O11 and O13 (costed, one day) one of them.
                #expect(told.stderr.contains("orders: 10 of 16 rows reduced in the database to 7 groups of paid orders"), "\(told.stderr)")
                // Surveys: the unknown C8's, the CSAT of 6 and the score written 8.0 came whole (the last read as 8, no
                // finding); the six others became five counts, C1's two 3s of 15 October one of them.
                #expect(told.stderr.contains("surveys: 6 of 9 rows reduced in the database to 5 counts of responses"), "\(told.stderr)")
                // Tickets: T2's two rows (a repeated id) and T3 (answered before it was opened) came whole.
                #expect(told.stderr.contains("tickets: 2 of 5 rows reduced in the database to their times in seconds"), "\(told.stderr)")
                // Traffic and spend: the visits "x" and the month 2026-13 came whole; 官网's two rows of 1 October are one
                // sum, and so are 广告's spend of October in its own word and as "Ads".
                #expect(told.stderr.contains("traffic: 5 of 6 rows reduced in the database to 4 days and channels"), "\(told.stderr)")
                #expect(told.stderr.contains("spend: 4 of 5 rows reduced in the database to 3 months and channels"), "\(told.stderr)")
                // Leads: first_contact_at is text (it mixes instants and local times), so L1, L2 and L4, which have one,
                // came whole, as did L3 (won and lost) and L7 (its opportunity before its creation); L5 and L6 were reduced.
                #expect(told.stderr.contains("leads: 2 of 7 rows reduced in the database to their stage days"), "\(told.stderr)")
                let types = try server.psql("SELECT data_type FROM information_schema.columns WHERE table_schema = 'edge' AND table_name = 'orders' AND column_name = 'ordered_at'")
                #expect(types.trimmingCharacters(in: .whitespacesAndNewlines) == "timestamp with time zone")
                // An order at 23:30 UTC on a month's last day is the next month's in Shanghai, from every source:
                // O2 (99.90, 31 Jul 23:30 UTC) is August's; O3 (300, 31 Aug 23:30 UTC) September's, its repeat
                // left out; O6 (80, 30 Sep 16:00 UTC) October's; O4's customer is unknown and O5 was refunded.
                func value(_ metric: String, _ month: String) throws -> Double? {
                    let json = try JSONSerialization.jsonObject(with: expected[month]!) as? [String: Any]
                    return (((json?["metrics"] as? [String: Any])?[metric] as? [String: Any])?["value"] as? NSNumber)?.doubleValue
                }
                #expect(try value("revenue", "2026-08") == 99.9)
                #expect(try value("revenue", "2026-09") == 300.0)
                // October's paid orders: O6 (80, cost 40; 1 Oct 00:00 in Shanghai), O10 (88, its cost 40.000
                // unreadable, so none), C4's three of 20 October (200 cost 120, 50 without, 30 cost 10: two
                // groups, one of two orders) and O14 (45, "已付款" mapped to paid). O9 is negative, O15's
                // status unknown, O7 November's. Orders without a cost count at the configured margin 0.5:
                // cost = 40 + 120 + 10 + (88 + 50 + 45) × 0.5 = 261.5.
                #expect(try value("revenue", "2026-10") == 493.0)
                #expect(try value("orders", "2026-10") == 6)
                #expect(try value("paying_customers", "2026-10") == 4)
                #expect(try value("gross_margin", "2026-10") == (493.0 - 261.5) / 493.0)
                // October's NPS answers: C2's 10 ("NPS"), C1's 8.0 and two 3s (C8 is unknown): (1 − 2) / 4 = −25;
                // CSAT: C3's 4 of 5 (its 6 is out of range): 100.
                #expect(try value("nps", "2026-10") == -25)
                #expect(try value("csat", "2026-10") == 100)
                // October's tickets: T2 (a complaint, answered in November), T3 (answered an hour before it was
                // opened, kept as written) and T4 ("Complaint", answered in 3 hours, resolved in a day): 3 tickets,
                // 2 complaints, median response (−1 + 3) / 2 = 1 hour; of T3 and T4, due in October, T4 resolved in time.
                #expect(try value("tickets", "2026-10") == 3)
                #expect(try value("complaints", "2026-10") == 2)
                #expect(try value("ticket_response_hours", "2026-10") == 1)
                #expect(try value("ticket_resolution_rate", "2026-10") == 0.5)
                // October's leads: L4–L7 created; won L3 (won and lost: counted as won; 25 days, 8,000) and L6 (17 days,
                // 3,000): 2 deals, 11,000, a cycle of (25 + 17) / 2 = 21 days.
                #expect(try value("new_leads", "2026-10") == 4)
                #expect(try value("won_deals", "2026-10") == 2)
                #expect(try value("won_amount", "2026-10") == 11000)
                #expect(try value("sales_cycle_days", "2026-10") == 21)
                // October's visits: 130 + 5 (官网) + 80 + 40 ("ADS") = 255; spend: 1,200 + 100 ("Ads") + 300 = 1,600.
                #expect(try value("spend", "2026-10") == 1600)
                let october = try JSONSerialization.jsonObject(with: expected["2026-10"]!) as? [String: Any]
                let stages = (october?["funnel"] as? [String: Any])?["stages"] as? [[String: Any]]
                #expect((stages?.first?["count"] as? NSNumber)?.intValue == 255, "\(String(describing: stages?.first))")
            }
        }
    }

    /// Times kept as text, as an export wrote them, are read inside the database too: every
    /// column of the edge snapshot is loaded as text (`\copy` of its files) and the tables are
    /// reduced as when typed, but for leads: there `first_contact_at` now has the creation's type,
    /// so a first contact in local time is read, while one with an offset comes whole.
    @Test func textTimesAreReducedInsideTheDatabase() throws {
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let edge = folder + "/edge"
        try EdgeSnapshot.write(to: edge)
        // Activities in the text forms the database reads (a lower-case z, an offset without a colon, six
        // digits of fraction) and in those it leaves to the reader: seven digits of fraction (which the
        // database would round), 29 February of a leap year and of another, hour 24, the year 0000, an
        // offset of +14:00, a leading space, a bare date with a negative offset (which the database
        // would refuse, stopping the statement).
        let activities = try FileHandle(forWritingTo: URL(fileURLWithPath: edge + "/activities.csv"))
        try activities.seekToEnd()
        try activities.write(contentsOf: Data("""
            C3,2026-10-06 10:00:00z,login,
            C6,2026-10-08T10:00:00+0530,login,
            C2,2026-10-11 10:00:00.999999,login,
            C1,2026-10-05T08:00:00.1234567,login,
            C1,2024-02-29 10:00:00,login,
            C2,2026-02-29 10:00:00,login,
            C4,2026-10-09 24:00:00,login,
            C1,0000-01-01 00:00:00,login,
            C4,2026-10-10T10:00:00+14:00,login,
            C5, 2026-10-07 10:00:00,login,
            C2,2026-10-08-05:00,login,
            C3,2026-10-08-0500,login,

            """.utf8))
        try activities.close()
        let server = try PostgresServer()
        defer { server.stop() }
        try server.psql("CREATE SCHEMA text_edge")
        for file in EdgeSnapshot.files.keys.sorted() where file.hasSuffix(".csv") {
            let text = try String(contentsOfFile: edge + "/" + file, encoding: .utf8)
            let table = "text_edge." + file.dropLast(4)
            let columns = text.prefix { $0 != "\n" }.split(separator: ",").map { "\"\($0)\" text" }
            try server.psql("CREATE TABLE \(table) (\(columns.joined(separator: ", ")))")
            try server.psql("\\copy \(table) FROM '\(edge)/\(file)' WITH (FORMAT csv, HEADER true)")
        }
        // A column named like the reduction's own: surveys are read whole rather than the names clash.
        try server.psql("ALTER TABLE text_edge.surveys ADD COLUMN reviewpack_at text")
        let types = try server.psql("SELECT DISTINCT data_type FROM information_schema.columns WHERE table_schema = 'text_edge'")
        #expect(types.trimmingCharacters(in: .whitespacesAndNewlines) == "text")

        let config = edge + "/pack.yaml", months = ["2026-08", "2026-09", "2026-10"]
        let expected = try Self.metrics(data: edge, config: config, months: months, in: folder)
        Self.expectSame(try Self.metrics(data: server.url(), config: config, months: months, in: folder, extra: ["--schema", "text_edge"]), expected,
                        "PostgreSQL, times as text")
        let told = try CommandRunner.run(["build", "--data", server.url(), "--schema", "text_edge", "--config", config, "--month", "2026-10",
                                          "--out", folder + "/site-told"], environment: Self.environment)
        // Customers' signup times come in three forms (a space, a T, a bare date); orders' with Z, +00:00 and
        // +08:00, placed in Shanghai: the same rows as typed are clean. Of the activities added, the first three
        // are clean, each a day of its own; the other nine come whole.
        for line in ["activities: 10 of 21 rows reduced in the database to 9 customer days",
                     "orders: 10 of 16 rows reduced in the database to 7 groups of paid orders",
                     "tickets: 2 of 5 rows reduced in the database to their times in seconds",
                     "traffic: 5 of 6 rows reduced in the database to 4 days and channels",
                     "spend: 4 of 5 rows reduced in the database to 3 months and channels",
                     // L1 and L4 (first contacts in local time), L5 and L6; L2's first contact has an offset (and
                     // its qualification comes before its creation), L3 is won and lost, L7 runs backwards.
                     "leads: 4 of 7 rows reduced in the database to their stage days"] {
            #expect(told.stderr.contains(line), "\(line): \(told.stderr)")
        }
        #expect(!told.stderr.contains("surveys:"), "\(told.stderr)")
    }

    @Test func aDatabaseThatIsMissingOrRefusesIsOneSentenceAndItsExitCode() throws {
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = CommandRunner.sampleData + "/pack.yaml"
        func build(_ data: String, _ extra: [String] = [], environment: [String: String] = [:]) throws -> CommandRunner.Result {
            try CommandRunner.run(["build", "--data", data, "--config", config, "--out", folder + "/site", "--quiet"] + extra, environment: environment)
        }

        // SQLite: no such file (66); a file that is not a database (65).
        let missing = try build(folder + "/none.sqlite")
        #expect(missing.status == 66 && missing.stderr.contains("none.sqlite: no such SQLite file"), "\(missing.stderr)")
        try "not a database".write(toFile: folder + "/bad.db", atomically: true, encoding: .utf8)
        let bad = try build(folder + "/bad.db")
        #expect(bad.status == 65 && bad.stderr.contains("bad.db") && bad.stderr.contains("not a database"), "\(bad.stderr)")

        let server = try PostgresServer()
        defer { server.stop() }
        _ = try Self.load(CommandRunner.sampleData, into: server.url(), ["--schema", "crm"])

        // Nobody listening: 69, naming the server and never a password.
        let closed = try build("postgresql://postgres@127.0.0.1:1/postgres", environment: ["PGPASSWORD": "s3cret-pw", "PGCONNECT_TIMEOUT": "5"])
        #expect(closed.status == 69 && closed.stderr.contains("postgresql://postgres@127.0.0.1:1/postgres: cannot connect"), "\(closed.stderr)")
        #expect(!closed.stderr.contains("s3cret-pw"))
        #expect(closed.stderr.split(separator: "\n").count == 1, "one sentence: \(closed.stderr)")
        // A password in the URL is refused, and not repeated.
        let inURL = try build("postgresql://postgres:s3cret-pw@127.0.0.1:\(server.port)/postgres", ["--schema", "crm"])
        #expect(inURL.status == 69 && inURL.stderr.contains("PGPASSWORD") && !inURL.stderr.contains("s3cret-pw"), "\(inURL.stderr)")
        // No such schema: 66.
        let noSchema = try build(server.url(), ["--schema", "nosuch"])
        #expect(noSchema.status == 66 && noSchema.stderr.contains("nosuch"), "\(noSchema.stderr)")
        // No such database: 66.
        let noDatabase = try build(server.url(database: "nosuch"), ["--schema", "crm"])
        #expect(noDatabase.status == 66 && noDatabase.stderr.contains("nosuch"), "\(noDatabase.stderr)")
        // A schema without the required orders table: 66, naming the table.
        try server.psql("CREATE SCHEMA partial; CREATE TABLE partial.customers AS TABLE crm.customers")
        let noOrders = try build(server.url(), ["--schema", "partial"])
        #expect(noOrders.status == 66 && noOrders.stderr.contains("schema partial: 缺少必需的表 orders"), "\(noOrders.stderr)")
        // A role without permission on the schema: 69.
        try server.psql("CREATE ROLE reader LOGIN")
        let denied = try build(server.url(user: "reader"), ["--schema", "crm"])
        #expect(denied.status == 69 && denied.stderr.contains("permission denied"), "\(denied.stderr)")
        // A query that fails inside the database names the table: 65.
        try server.psql("CREATE SCHEMA broken; CREATE TABLE broken.customers AS TABLE crm.customers; CREATE VIEW broken.orders AS SELECT order_id, customer_id, ordered_at, amount / (amount - amount) AS amount FROM crm.orders")
        let failing = try build(server.url(), ["--schema", "broken"])
        #expect(failing.status == 65 && failing.stderr.contains("table orders") && failing.stderr.contains("division by zero"), "\(failing.stderr)")
        // Two columns whose names differ only in case: refused as in a file's header (65), naming both.
        try server.psql("CREATE SCHEMA twice; CREATE TABLE twice.customers AS TABLE crm.customers; CREATE TABLE twice.orders AS SELECT *, amount AS \"AMOUNT\" FROM crm.orders")
        let twice = try build(server.url(), ["--schema", "twice"])
        #expect(twice.status == 65 && twice.stderr.contains("AMOUNT") && twice.stderr.contains("amount"), "\(twice.stderr)")
        // Loading twice without --replace refuses, and leaves the first load as it was.
        let again = try CommandRunner.run(["load", "--data", CommandRunner.sampleData, "--into", server.url(), "--schema", "crm"])
        #expect(again.status == 65 && again.stderr.contains("exists already"), "\(again.stderr)")
        #expect(try server.psql("SELECT count(*) FROM crm.customers").trimmingCharacters(in: .whitespacesAndNewlines) == "2000")
    }
}
