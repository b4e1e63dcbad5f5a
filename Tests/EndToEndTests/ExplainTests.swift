import Foundation
import Testing

/// `explain` prints the same numbers as metrics.json: one computation behind both.
@Suite struct ExplainTests {
    /// metrics.json of the sample, as text: Foundation's JSON parser on Linux can misread
    /// the last digit of a double, so numbers are read from the text with `Double(_:)`.
    static let json: String = {
        let site = CommandRunner.temporaryFolder()
        _ = try? CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", site])
        return (try? String(contentsOfFile: "\(site)/2026-10/metrics.json", encoding: .utf8)) ?? ""
    }()

    /// The number after `key` inside the block that starts at `"id": {`.
    static func number(_ id: String, after key: String) -> Double? {
        guard let block = json.range(of: "\"\(id)\": {"), let k = json.range(of: "\"\(key)\": ", range: block.upperBound..<json.endIndex) else { return nil }
        let rest = json[k.upperBound...]
        return Double(rest.prefix { "-+.0123456789e".contains($0) })
    }

    func explainedValue(_ arguments: [String]) throws -> Double? {
        let result = try CommandRunner.run(["explain"] + arguments + ["--data", CommandRunner.sampleData])
        #expect(result.status == 0, "\(result.stderr)")
        let line = result.stdout.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("value ") }
        return line.flatMap { Double($0.split(separator: " ", omittingEmptySubsequences: true)[1]) }
    }

    @Test(arguments: ["churn_rate", "revenue", "cac", "nps", "ltv_cac", "top20_revenue_share", "lead_response_hours"])
    func explainAgreesWithMetricsJSON(_ id: String) throws {
        let expected = try #require(Self.number(id, after: "value"))
        let explained = try explainedValue([id])
        #expect(explained == expected, "\(id): explain \(String(describing: explained)), metrics.json \(expected)")
    }

    @Test func sliceAgreesWithMetricsJSON() throws {
        let expected = try #require(Self.number("churn_rate", after: "官网"))
        #expect(try explainedValue(["churn_rate", "--slice", "channel=官网"]) == expected)
    }

    @Test func explainShowsDefinitionConfigurationAndInputs() throws {
        let out = try CommandRunner.run(["explain", "churn_rate", "--data", CommandRunner.sampleData]).stdout
        #expect(out.contains("churn_after_days = 30"))
        #expect(out.contains("churned_customers"))
        #expect(out.contains("live at first(M) − 1"))
        #expect(out.contains("13 months: 2025-10"))
    }

    /// One unit from the catalog: `explain` writes LTV/CAC as a multiple, like the pack.
    @Test func explainShowsAMultipleAsTheReportDoes() throws {
        let out = try CommandRunner.run(["explain", "ltv_cac", "--data", CommandRunner.sampleData]).stdout
        #expect(out.contains("unit: multiple"))
        let value = try #require(out.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix("value ") })
        #expect(value.hasSuffix("×)"), "\(value)")
        #expect(out.contains("(points)"))
    }

    @Test func unknownMetricAndSliceAreClearErrors() throws {
        let unknown = try CommandRunner.run(["explain", "churn", "--data", CommandRunner.sampleData])
        #expect(unknown.status == 78)
        #expect(unknown.stderr.contains("unknown metric \"churn\""))
        let slice = try CommandRunner.run(["explain", "cac", "--slice", "region=华东", "--data", CommandRunner.sampleData])
        #expect(slice.status == 78)
        #expect(slice.stderr.contains("slices by channel"))
    }

    @Test func metricsListsTheCatalog() throws {
        let out = try CommandRunner.run(["metrics"]).stdout
        for id in ["live_customers", "retention_d30", "roas_12m", "ticket_resolution_rate"] { #expect(out.contains(id + "\t")) }
    }
}
