import Foundation
import Testing
@testable import Metrics

/// Targets under METRICS.md "Targets and alerts": flows sum over the period to date,
/// levels never do; closed periods are met / near / missed on attainment, open ones
/// on_track / near / behind on pace. Every expected value is worked out by hand from
/// the fixture (see MetricsFixture): new customers Jan 2 (A, B), Feb 1 (F), Mar 2 (D, E);
/// paid revenue only in March (350.00: A 100, C 50, H 200 + 0); tickets Feb 1 (T4),
/// Mar 3 (T1, T2, T3), complaints only in March (T1, T3); customers live on 03-31:
/// A, C, E, H = 4; March churn 0.5; March ARPU 350 / 3 paying customers (A, C, H).
@Suite struct TargetPeriodTests {
    static let targets = """
        metric,period,target,dimension,value
        new_customers,2026,16,,
        revenue,2026,2000,,
        tickets,2026,20,,
        complaints,2026,4,,
        live_customers,2026,5,,
        churn_rate,2026,0.4,,
        arpu,2026-Q1,100,,
        new_customers,2026-Q1,10,,
        complaints,2026-Q1,3,,

        """

    func outcomes(month: Int) throws -> [TargetOutcome] {
        var tables = MetricsFixture.tables
        tables["targets"] = Self.targets
        return try MetricsFixture.report(month: Month(year: 2026, month: month), tables: tables).targets
    }

    func outcome(_ metric: String, _ period: String, month: Int = 3) throws -> TargetOutcome {
        let all = try outcomes(month: month)
        return try #require(all.first { $0.metric == metric && $0.period == period })
    }

    @Test func openYearFlowHigherIsBetterOnTrack() throws {
        // 5 new customers of 16 is only 31 % of the year, yet 16 × 3/12 = 4 were due: pace 1.25.
        let t = try self.outcome("new_customers", "2026")
        #expect(t.open)
        #expect(t.actual == 5)
        #expect(t.attainment == 5.0 / 16)
        #expect(t.pace == 1.25)
        #expect(t.status == .onTrack)
    }

    @Test func openYearFlowHigherIsBetterBehind() throws {
        // 350 of 2000: 500 due by March, pace 0.7.
        let t = try self.outcome("revenue", "2026")
        #expect(t.actual == 350)
        #expect(t.pace == 0.7)
        #expect(t.status == .behind)
    }

    @Test func openYearFlowLowerIsBetterConsumesItsCeilingInProportion() throws {
        // Tickets 0 + 1 + 3 = 4 against 20 × 3/12 = 5 allowed so far: pace 5 / 4.
        let tickets = try self.outcome("tickets", "2026")
        #expect(tickets.actual == 4)
        #expect(tickets.attainment == 5)
        #expect(tickets.pace == 1.25)
        #expect(tickets.status == .onTrack)
        // Complaints 2 against 4 × 3/12 = 1 allowed: pace 0.5, behind, though 2 of 4 is "met" for the year.
        let complaints = try self.outcome("complaints", "2026")
        #expect(complaints.actual == 2)
        #expect(complaints.attainment == 2)
        #expect(complaints.pace == 0.5)
        #expect(complaints.status == .behind)
    }

    @Test func levelIsNeverSummedAndItsPaceIsItsAttainment() throws {
        // live_customers is a stock: the March value 4, not a sum of month ends.
        let live = try self.outcome("live_customers", "2026")
        #expect(live.actual == 4)
        #expect(live.attainment == 0.8)
        #expect(live.pace == 0.8)
        #expect(live.status == .behind)
        // A lower-is-better level: churn 0.5 against 0.4, attainment and pace 0.4 / 0.5.
        let churn = try self.outcome("churn_rate", "2026")
        #expect(churn.actual == 0.5)
        #expect(churn.pace == 0.4 / 0.5)
        #expect(churn.status == .behind)
    }

    @Test func closedQuarterLevelComparesTheMonthsValue() throws {
        // March closes Q1; ARPU is an average, so the quarter compares March's 350 / 3.
        let t = try self.outcome("arpu", "2026-Q1")
        #expect(!t.open)
        #expect(t.actual == 350.0 / 3)
        #expect(t.attainment == 350.0 / 3 / 100)
        #expect(t.pace == nil)
        #expect(t.status == .met)
    }

    @Test func openQuarterInItsSecondMonth() throws {
        // At February, Q1 is 2/3 elapsed: new customers 2 + 1 = 3 against 10 × 2/3 due.
        let t = try self.outcome("new_customers", "2026-Q1", month: 2)
        #expect(t.open)
        #expect(t.actual == 3)
        #expect(t.attainment == 0.3)
        #expect(abs(t.pace! - 3 / (10.0 * 2 / 3)) < 1e-15)
        #expect(t.status == .behind)
        // No complaints yet against a ceiling: on track, with neither attainment nor pace.
        let c = try self.outcome("complaints", "2026-Q1", month: 2)
        #expect(c.actual == 0)
        #expect(c.attainment == nil)
        #expect(c.pace == nil)
        #expect(c.status == .onTrack)
    }

    @Test func anOpenPeriodOnTrackIsNeverAnException() throws {
        let all = try outcomes(month: 3)
        let onTrack = all.filter { $0.status == .onTrack }
        #expect(!onTrack.isEmpty)
        #expect(onTrack.allSatisfy { !$0.needsAttention })
        let behind = all.filter { $0.status == .behind }
        #expect(!behind.isEmpty && behind.allSatisfy { $0.needsAttention })
    }

    @Test func metricsJSONCarriesPaceAndOpen() throws {
        var tables = MetricsFixture.tables
        tables["targets"] = Self.targets
        let report = try MetricsFixture.report(tables: tables)
        // The file is pretty-printed; the fixture's strings hold no ": " or newlines, so compact it.
        let json = MetricsJSON.document(report).serialized().split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.joined().replacingOccurrences(of: "\": ", with: "\":")
        #expect(json.contains(#""metric":"revenue","period":"2026","target":2000,"actual":350,"attainment":0.175,"open":true,"pace":0.7,"status":"behind""#))
        #expect(json.contains(#""metric":"arpu","period":"2026-Q1""#) && json.contains(#""open":false,"pace":null,"status":"met""#))
    }
}
