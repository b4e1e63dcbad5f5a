import Foundation
import Testing
@testable import Metrics

@Suite struct OutputTests {
    @Test func metricsJSONHasTheDocumentedShape() throws {
        let report = try MetricsFixture.report()
        let text = MetricsJSON.document(report).serialized()
        let root = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(root["month"] as? String == "2026-03")
        #expect(root["timezone"] as? String == "Asia/Shanghai")
        let metrics = try #require(root["metrics"] as? [String: Any])
        let churn = try #require(metrics["churn_rate"] as? [String: Any])
        #expect(churn["value"] as? Double == 0.5)
        #expect(churn["unit"] as? String == "ratio")
        let series = try #require(churn["series"] as? [[String: Any]])
        #expect(series.count == 13)
        #expect(series.first?["month"] as? String == "2025-03")
        #expect(series.first?["value"] is NSNull)
        #expect(churn["status"] as? String == "near")
        let bridge = try #require(root["bridge"] as? [String: Int])
        #expect(bridge == ["start": 4, "churned": 2, "reactivated": 1, "new": 1, "end": 4])
        let quality = try #require(root["quality"] as? [String: Any])
        #expect((quality["counts"] as? [String: Int])?["unknown_customer"] == 1)
    }

    @Test func jsonIsDeterministicAndEscaped() {
        let value = JSONValue.object([("b", .string("引号\"<&>\n")), ("a", .number(0.1)), ("n", .number(nil)), ("i", .int(3))])
        #expect(value.serialized() == "{\n  \"b\": \"引号\\\"<&>\\n\",\n  \"a\": 0.1,\n  \"n\": null,\n  \"i\": 3\n}\n")
    }

    @Test func catalogAndFamiliesAgree() {
        let engine = MetricEngine()
        for days in [[1, 7, 30], [1, 7, 30, 90], [3]] {
            var config = MetricsConfig()
            config.definitions.retentionDays = days
            let computed = engine.computedIds(config)
            #expect(Set(computed).count == computed.count, "a metric computed by two families")
            #expect(Set(computed) == Set(MetricCatalog(definitions: config.definitions).definitions.map(\.id)))
        }
    }

    @Test func monthArithmetic() {
        let m = Month(year: 2026, month: 1)
        #expect((m - 1).description == "2025-12")
        #expect((m + 13).description == "2027-02")
        #expect(Month(year: 2024, month: 2).dayCount == 29)
        #expect(Month("2026-13") == nil)
        #expect(Month(year: 2026, month: 10).quarter == 4)
    }
}

@Suite struct SelectionTests {
    @Test func sumOfLargestMatchesSorting() {
        var state: UInt64 = 42
        var allEqual = [Int64](repeating: 7, count: 50_000)
        #expect(OrderFamily.sumOfLargest(in: &allEqual, 10_000) == 70_000)
        for n in [1, 2, 5, 17, 100, 1001] {
            let values = (0..<n).map { _ -> Int64 in
                state = state &* 6_364_136_223_846_793_005 &+ 1
                return Int64(state >> 50) % 50   // many ties
            }
            for k in [1, (n + 4) / 5, n] {
                var reordered = values
                #expect(OrderFamily.sumOfLargest(in: &reordered, k) == values.sorted(by: >).prefix(k).reduce(0, +), "n \(n) k \(k)")
            }
        }
    }
}
