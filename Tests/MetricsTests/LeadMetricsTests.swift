import Testing
@testable import Metrics

@Suite struct LeadMetricsTests {
    let report: Report

    init() throws { report = try MetricsFixture.report() }

    @Test func leadCountsUseEachStagesOwnTimestamp() {
        // Created in March: L1, L3, L5 (L4 is 1 April locally). Won: L1, L5. Lost: L2 (L3 is lost in April).
        #expect(report.metric("new_leads")?.value == 3)
        #expect(report.metric("won_deals")?.value == 2)
        #expect(report.metric("win_rate")?.value == 2.0 / 3)
    }

    @Test func leadSlicesUseTheLeadsOwnChannelAndOwner() {
        let slices = report.metric("new_leads")!.current.slices
        #expect(slices.map(\.dimension) == ["channel", "campaign", "owner"])
        #expect(slices[0].members.map(\.member) == ["官网", "搜索广告"])
        #expect(slices[0].members.map(\.value) == [1, 1])   // L5 has no channel: in no slice
        #expect(slices[2].members.first { $0.member == "张三" }?.value == 2)
    }

    @Test func periodFunnelWithVisitsAndCostPerStage() throws {
        let f = try #require(report.funnel)
        #expect(f.stages.map(\.kind) == [.visits, .created, .qualified, .opportunity, .won])
        // Visits in March 150 (April's 999 ignored); qualified in March: L1, L2, L5; opportunity: L5.
        #expect(f.stages.map(\.count) == [150, 3, 3, 1, 2])
        #expect(f.stages.map(\.stepConversion) == [nil, 0.02, 1.0, 1.0 / 3, 2.0])
        // Spend 450.00 over each stage's count.
        #expect(f.stages.map(\.costPerStage) == [3, 150, 150, 450, 225])
        #expect(f.overallConversion == 2.0 / 150)
        let web = try #require(f.byChannel.first { $0.channel == "官网" })
        #expect(web.stages.map(\.count) == [100, 1, 2, 0, 1])
        #expect(web.stages.map(\.costPerStage) == [3, 300, 150, nil, 300])
    }
}
