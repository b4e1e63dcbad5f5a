import Foundation
import Testing

/// `build --from/--to/--all`: one read, each month computed once, and every file the same
/// as building the months one by one, oldest first.
@Suite(.serialized) struct BackfillTests {
    /// The whole company and one region, so that the audiences' folders are backfilled too.
    static let audiences = """
        email:
          from: 示例科技经营分析 <reports@example.com>
        audiences:
          - {id: all, title: 全公司, to: ceo@example.com}
          - {id: east, filter: {region: 华东}, to: east@example.com}
        """

    @Test func aRangeWritesTheSameFilesAsItsMonthsBuiltOneByOne() throws {
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try DeliveryFixture.config(Self.audiences, in: folder)
        let range = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--config", config, "--out", folder + "/range",
                                           "--from", "2026-08", "--to", "2026-10"])
        try #require(range.status == 0, "\(range.stderr)")
        for month in ["2026-08", "2026-09", "2026-10"] {
            let one = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--config", config, "--out", folder + "/single", "--month", month])
            try #require(one.status == 0, "\(one.stderr)")
        }
        for (a, b) in [("/range", "/single"), ("/range.outbox", "/single.outbox")] {
            let made = CommandRunner.contents(of: folder + a), expected = CommandRunner.contents(of: folder + b)
            #expect(made.keys.sorted() == expected.keys.sorted())
            for (path, data) in expected where made[path] != data { Issue.record("\(a)/\(path) differs from the month built alone") }
        }
        // Each month of each audience, with its neighbours linked as when built one by one.
        let east = try String(contentsOfFile: folder + "/range/east/2026-09/index.html", encoding: .utf8)
        #expect(east.contains("2026-08/") && east.contains("2026-10/"))
        #expect(range.stderr.contains("building 3 months, 2026-08 to 2026-10\n"))
        #expect(range.stderr.contains("built 6 packs for 3 months, 2026-08 to 2026-10"))
    }

    /// A backfill over a site that already holds a later month: relinking that month's
    /// neighbour republishes it while its new pack is staged, drawn beside the neighbour. The
    /// two are staged under names of their own, and the site ends as if built from scratch.
    @Test func aRangeOverAPublishedMonthRepublishesIt() throws {
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let single = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", folder + "/site", "--month", "2026-10"])
        try #require(single.status == 0, "\(single.stderr)")
        let range = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", folder + "/site", "--from", "2026-09", "--to", "2026-10"])
        #expect(range.status == 0, "\(range.stderr)")
        let fresh = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", folder + "/fresh", "--from", "2026-09", "--to", "2026-10"])
        try #require(fresh.status == 0, "\(fresh.stderr)")
        #expect(CommandRunner.contents(of: folder + "/site") == CommandRunner.contents(of: folder + "/fresh"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder + "/site").filter { $0.hasPrefix(".staging-") }.isEmpty)
    }

    @Test func allBuildsEveryCompleteMonthFromTheFirstRow() throws {
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        try "company: Tiny\ntimezone: UTC\ncurrency: USD\nlanguage: en\n".write(toFile: data + "/pack.yaml", atomically: true, encoding: .utf8)
        try "customer_id,signup_at\nC1,2026-01-15 10:00:00\n".write(toFile: data + "/customers.csv", atomically: true, encoding: .utf8)
        try "order_id,customer_id,ordered_at,amount\nO1,C1,2026-02-03 09:00:00,10.00\nO2,C1,2026-04-29 23:59:00,12.50\n"
            .write(toFile: data + "/orders.csv", atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["build", "--data", data, "--out", folder + "/site", "--all", "--quiet"])
        try #require(result.status == 0, "\(result.stderr)")
        // The data runs from 15 January to 29 April: January to March are complete, April is not.
        let months = try FileManager.default.contentsOfDirectory(atPath: folder + "/site").filter { $0.hasPrefix("2026-") }.sorted()
        #expect(months == ["2026-01", "2026-02", "2026-03"])
        // Before January there is no data: no value, not zero; after it a month without a signup is a real 0.
        let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/site/2026-03/metrics.json"))) as? [String: Any]
        let metric = (json?["metrics"] as? [String: Any])?["new_customers"] as? [String: Any]
        let series = try #require(metric?["series"] as? [[String: Any]])
        #expect(series.count == 13)
        #expect(series.prefix(10).allSatisfy { $0["value"] is NSNull }, "\(series.prefix(10))")
        #expect(series.suffix(3).map { ($0["value"] as? NSNumber)?.intValue } == [1, 0, 0])
        #expect(metric?["yoy"] is NSNull)
        #expect(!result.stderr.contains("built"), "--quiet prints no progress: \(result.stderr)")
    }

    @Test func contradictoryMonthOptionsAreRefused() throws {
        let cases: [([String], String)] = [
            (["--to", "2026-10"], "--to needs --from"),
            (["--all", "--from", "2026-01"], "either --all or --from"),
            (["--month", "2026-10", "--all"], "either --month or --from/--all"),
            (["--from", "2026-13"], "--from must be YYYY-MM"),
            (["--from", "2026-05", "--send"], "--send sends one month's messages"),
        ]
        for (arguments, message) in cases {
            let result = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", "/nonexistent/never"] + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let backwards = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", folder + "/site", "--from", "2026-10", "--to", "2026-09"])
        #expect(backwards.status == 65)
        #expect(backwards.stderr.contains("--from 2026-10 comes after --to 2026-09"), "\(backwards.stderr)")
    }
}

/// What a long build shows on stderr: a bar redrawn in place on a terminal, a line per
/// stage in a log, nothing with --quiet.
@Suite(.serialized) struct ProgressTests {
    /// A backfill of a few months takes more than the second after which progress shows.
    static let arguments = ["build", "--data", CommandRunner.sampleData, "--from", "2026-05", "--to", "2026-10"]

    @Test func aTerminalGetsABarRedrawnInPlace() throws {
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // script(1) gives the build a pseudo-terminal, as a user at a shell has.
        let command = ([CommandRunner.executable.path] + Self.arguments + ["--out", folder + "/site"]).map { "'\($0)'" }.joined(separator: " ")
        let result = try #require(CommandRunner.tool("script", ["-qec", command, "/dev/null"]), "script(1) is missing (util-linux)")
        #expect(result.contains("\r\u{1B}[2K"), "the bar is redrawn in place: \(result.suffix(400))")
        #expect(result.contains("█") && result.contains(" %"), "the bar shows how much is done")
        #expect(result.contains("built 6 packs for 6 months"))
    }

    @Test func aLogGetsOneLinePerStageAndQuietGetsNothing() throws {
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let logged = try CommandRunner.run(Self.arguments + ["--out", folder + "/logged"])
        #expect(logged.status == 0)
        #expect(logged.stderr.contains("packs…\n"), "\(logged.stderr)")
        #expect(!logged.stderr.contains("\u{1B}["), "no terminal codes in a log")
        let quiet = try CommandRunner.run(Self.arguments + ["--out", folder + "/quiet", "--quiet"])
        #expect(quiet.status == 0)
        #expect(!quiet.stderr.contains("…") && !quiet.stderr.contains("built"), "\(quiet.stderr)")
    }
}
