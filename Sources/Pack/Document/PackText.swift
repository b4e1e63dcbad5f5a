/// The pack's own words in both languages.
struct PackText {
    let zh: Bool

    func callAsFunction(_ zhText: String, _ enText: String) -> String { zh ? zhText : enText }

    var reportTitle: String { self("客户增长月度报告", "Customer growth review") }
    var summary: String { self("本月概览", "The month at a glance") }
    var exceptions: String { self("需要关注", "Needs attention") }
    var growth: String { self("增长趋势", "Growth trends") }
    var bridge: String { self("客户桥：期初到期末", "Customer bridge") }
    var funnel: String { self("获客漏斗", "Acquisition funnel") }
    var targets: String { self("目标达成", "Targets") }
    var quality: String { self("数据质量", "Data quality") }
    var dictionary: String { self("指标口径", "Metric dictionary") }
    var vsLastMonth: String { self("较上月", "vs last month") }
    var target: String { self("目标", "Target") }
    var actual: String { self("实际", "Actual") }
    var attainment: String { self("达成率", "Attainment") }
    var pace: String { self("进度", "Pace") }
    var status: String { self("状态", "Status") }
    var month: String { self("月份", "Month") }
    var period: String { self("周期", "Period") }
    var metric: String { self("指标", "Metric") }
    var scope: String { self("范围", "Scope") }
    var company: String { self("全公司", "Company") }
    var channel: String { self("渠道", "Channel") }
    var stage: String { self("阶段", "Stage") }
    var count: String { self("数量", "Count") }
    var conversion: String { self("转化率", "Conversion") }
    var costPerStage: String { self("单位成本", "Cost each") }
    var none: String { self("本月无异常。", "Nothing needs attention this month.") }

    func dimension(_ name: String) -> String {
        switch name {
        case "channel": return self("渠道", "Channel")
        case "region": return self("地区", "Region")
        case "industry": return self("行业", "Industry")
        case "tier": return self("等级", "Tier")
        case "owner": return self("负责人", "Owner")
        case "campaign": return self("活动", "Campaign")
        default: return name
        }
    }

    func status(_ s: String?) -> String {
        switch s {
        case "met": return self("● 达成", "● met")
        case "near": return self("▲ 接近", "▲ near")
        case "missed": return self("✕ 未达", "✕ missed")
        case "on_track": return self("● 进度正常", "● on track")
        case "behind": return self("✕ 进度落后", "✕ behind")
        default: return "—"
        }
    }
}
