/// Every chart kind with fixed sample values, in either language: the gallery's content
/// and the golden images' input.
public enum ChartSamples {
    /// A retention triangle: month 0 high, then decaying, older cohorts a little better.
    static let cohortSample: [[Double?]] = (0..<6).map { (r: Int) -> [Double?] in
        (0..<(6 - r)).map { (k: Int) -> Double? in
            let decay: Double = 0.9 - 0.11 * Double(k) - 0.02 * Double(r)
            return k == 0 ? 0.92 : max(decay, 0.05)
        }
    }

    /// Every sample at its standard size, as pages and desktop screens show it.
    public static func all(_ language: Language) -> [(name: String, scene: Scene)] {
        charts(language).map { ($0.name, $0.chart.build(width: $0.width, height: $0.height)) }
            + [("sparkline", sparkline(language).build(width: 84, height: 26))]
    }

    /// Every sample as a phone shows it: drawn for its width, no text under 11 px.
    public static func narrow(_ language: Language, width: Double = 340) -> [(name: String, scene: Scene)] {
        charts(language).map { sample in
            let w = max(width, sample.chart.minimumWidth(theme: .narrow))
            return (sample.name, sample.chart.build(width: w, height: sample.chart.height(width: w, theme: .narrow, standard: sample.height), theme: .narrow))
        }
    }

    static func sparkline(_ language: Language) -> Sparkline {
        let zh = language.isChinese
        return Sparkline(title: zh ? "收入" : "Revenue", values: revenue, kind: .money, format: NumberFormat(language: language, currency: "CNY"))
    }

    static let revenue: [Double?] = [1_561_000, 2_862_000, 1_763_000, 2_354_000, 1_221_000, 2_048_000, 2_246_000, 2_067_000, 2_972_000, 2_446_000, 2_564_000, 2_944_000, 2_457_000]

    /// The sample charts with their standard sizes.
    static func charts(_ language: Language) -> [(name: String, chart: Chart, width: Double, height: Double)] {
        let zh = language.isChinese
        let format = NumberFormat(language: language, currency: "CNY")
        let months = (0..<13).map { i -> String in
            let m = (9 + i) % 12 + 1, y = 2025 + (9 + i) / 12
            return format.shortMonth(year: y, month: m, withYear: i == 0 || m == 1)
        }
        let target: [Double?] = [nil, nil, 1_900_000, 2_200_000, 1_400_000, 2_000_000, 2_300_000, 2_100_000, 2_800_000, 2_500_000, 2_600_000, 2_900_000, 2_760_000]
        let churn: [Double?] = [0.081, 0.092, nil, 0.066, 0.041, 0.052, 0.044, 0.039, 0.047, 0.042, 0.043, 0.042, 0.061]
        return [
            ("trend", .trend(TrendChart(title: zh ? "收入" : "Revenue", monthLabels: months, series: [.init(name: zh ? "收入" : "Revenue", values: revenue)],
                                 target: target, targetLabel: zh ? "目标" : "Target", area: true,
                                 annotation: zh ? "环比 −16.5% · 同比 +57.4%" : "MoM −16.5% · YoY +57.4%", kind: .money, format: format, zeroBased: true)), 372, 172),
            ("trend-ratio", .trend(TrendChart(title: zh ? "流失率" : "Churn rate", monthLabels: months, series: [.init(name: zh ? "流失率" : "Churn rate", values: churn)],
                                       benchmark: 0.045...0.055, benchmarkLabel: zh ? "行业参考 4.5–5.5%" : "benchmark 4.5–5.5%", kind: .ratio, format: format, zeroBased: false)), 372, 172),
            ("trend-multi", .trend(TrendChart(title: zh ? "活跃与存续客户" : "Active and live customers", monthLabels: months, series: [
                .init(name: zh ? "存续客户" : "Live customers", values: [677, 759, 805, 858, 880, 919, 970, 1024, 1080, 1137, 1189, 1238, 1261]),
                .init(name: zh ? "活跃客户" : "Active customers", values: [612, 701, 733, 790, 802, 866, 905, 951, 1013, 1066, 1120, 1170, 1190]),
                .init(name: zh ? "付费客户" : "Paying customers", values: [204, 350, 262, 270, 158, 281, 322, 306, 412, 347, 371, 450, 436]),
            ], kind: .count, format: format, zeroBased: true)), 372, 172),
            ("funnel", .funnel(FunnelChart(title: zh ? "获客漏斗" : "Acquisition funnel", stages: [
                .init(label: zh ? "访问" : "Visits", count: 204_311, conversion: nil, cost: 0.44),
                .init(label: zh ? "留资" : "Leads", count: 348, conversion: 0.0017, cost: 257),
                .init(label: zh ? "有效线索（经销售确认的长标签）" : "Qualified leads confirmed by sales", count: 111, conversion: 0.319, cost: 805),
                .init(label: zh ? "商机" : "Opportunities", count: 94, conversion: 0.847, cost: 950),
                .init(label: zh ? "成交" : "Won", count: 67, conversion: 0.713, cost: 1333),
            ], format: format, costHeading: zh ? "单位成本" : "Cost each")), 770, 230),
            ("bullet", .bullet(BulletChart(title: zh ? "目标达成" : "Targets", rows: [
                .init(label: zh ? "新增客户" : "New customers", detail: "85 / 79", attainment: 85.0 / 79, status: .met),
                .init(label: zh ? "收入" : "Revenue", detail: zh ? "¥246万 / ¥276万" : "¥2.46M / ¥2.76M", attainment: 0.89, status: .missed),
                .init(label: zh ? "流失率" : "Churn rate", detail: "6.1% / 6.1%", attainment: 0.994, status: .near),
                .init(label: zh ? "成交数 · 张伟" : "Deals won · Zhang Wei", detail: "9 / 5", attainment: 1.8, status: .met),
                .init(label: zh ? "赢单率" : "Win rate", detail: "— / 0%", attainment: nil, status: nil),
            ], format: format)), 770, BulletChart.height(rows: 5)),
            ("waterfall", .waterfall(WaterfallChart(title: zh ? "客户桥" : "Customer bridge", steps: [
                .init(label: zh ? "期初存续" : "Start", value: 1238, kind: .total),
                .init(label: zh ? "流失" : "Churned", value: 76, kind: .decrease),
                .init(label: zh ? "唤回" : "Won back", value: 14, kind: .increase),
                .init(label: zh ? "新增存续" : "New", value: 85, kind: .increase),
                .init(label: zh ? "期末存续" : "End", value: 1261, kind: .total),
            ], format: format)), 770, 230),
            ("heatmap", .heatMap(HeatMapChart(title: zh ? "同期群留存" : "Cohort retention",
                                     rowLabels: months.prefix(6).map { $0 }, columnLabels: (0..<6).map { zh ? "第\($0)月" : "M\($0)" },
                                     values: cohortSample,
                                     rowNotes: ["86", "120", "88", "80", "42", "75"], kind: .ratio, format: format)), 560, HeatMapChart.height(rows: 6)),
            ("bars-grouped", .bars(BarChart(title: zh ? "分渠道新增与付费" : "New and paying customers by channel",
                                      categories: zh ? ["官网", "线下活动", "社交媒体", "转介绍", "搜索广告（品牌词与通用词）"] : ["Website", "Events", "Social media", "Referral", "Search ads (brand and generic terms)"],
                                      series: [.init(name: zh ? "新增客户" : "New customers", values: [27, 9, 16, 14, 19]),
                                               .init(name: zh ? "新增付费" : "New paying", values: [22, 8, 7, 13, 17])],
                                      layout: .grouped, kind: .count, format: format)), 560, 220),
            ("bars-stacked", .bars(BarChart(title: zh ? "客群收入构成" : "Revenue mix by tier",
                                      categories: months.suffix(6).map { $0 },
                                      series: [.init(name: zh ? "战略" : "Strategic", values: [1_120_000, 1_310_000, 980_000, 1_450_000, 1_200_000, 1_060_000]),
                                               .init(name: zh ? "重点" : "Key", values: [620_000, 700_000, 640_000, 810_000, 760_000, 720_000]),
                                               .init(name: zh ? "普通" : "Standard", values: [420_000, 450_000, 480_000, 520_000, 560_000, 610_000])],
                                      layout: .stacked, kind: .money, format: format)), 560, 240),
            ("donut", .donut(DonutChart(title: zh ? "RFM 客户分群" : "RFM segments", slices: [
                .init(name: zh ? "重要价值客户" : "Champions", value: 169), .init(name: zh ? "一般发展客户" : "New / occasional", value: 379),
                .init(name: zh ? "一般挽留客户" : "Lost low-value", value: 369), .init(name: zh ? "一般价值客户" : "Regulars", value: 116),
                .init(name: zh ? "重要发展客户" : "Promising high-value", value: 18), .init(name: zh ? "重要保持客户" : "Loyal at risk", value: 31),
                .init(name: zh ? "重要挽留客户" : "High-value lapsing", value: 6), .init(name: zh ? "一般保持客户" : "Fading regulars", value: 12),
                .init(name: zh ? "未分群" : "Unsegmented", value: 4),
            ], otherLabel: zh ? "其他" : "Other", centerLabel: zh ? "位客户" : "customers", kind: .count, format: format)), 460, 200),
        ]
    }
}
