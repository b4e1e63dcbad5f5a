import Charts
import Metrics

/// The analytic sections after the funnel: retention, value, sales and service.
extension PackBuilder {
    func retention() -> PackSection {
        var blocks = bridge().blocks
        blocks += trends(["retention_rate", "winback_rate", "activation_rate"] + report.config.definitions.retentionDays.map { "retention_d\($0)" } + ["paid_conversion_rate"])
        let rows = report.cohorts.rows.filter { $0.size > 0 }
        if !rows.isEmpty {
            let label = { (m: Month) in format.shortMonth(year: m.year, month: m.month, withYear: true) }
            // Only as many months after signup as the oldest cohort has lived through.
            let columns = (0..<max(rows.map(\.retention.count).max() ?? 1, 1)).map { text("第\($0)月", "M\($0)") }
            // A cohort's months still to come read as a dash, so every column has a cell in every row.
            let padded = { (cells: [String]) in cells + Array(repeating: NumberFormat.missing, count: max(columns.count - cells.count, 0)) }
            let heat = HeatMapChart(title: text("同期群留存（按注册月）", "Cohort retention by signup month"), rowLabels: rows.map { label($0.cohort) },
                                    columnLabels: columns, values: rows.map(\.retention), rowNotes: rows.map { text("\(format.exact($0.size)) 人", "n=\(format.exact($0.size))") },
                                    kind: .ratio, format: format)
            let table = DataTable(id: "cohort-retention", header: [text("注册月", "Cohort"), text("人数", "Size")] + columns,
                                  rows: rows.map { [label($0.cohort), format.exact($0.size)] + padded($0.retention.map { format.format($0, .ratio) }) },
                                  numericColumns: Set(1..<(2 + columns.count)))
            blocks.append(.chart(ChartBlock(id: "cohort-retention", chart: .heatMap(heat), width: Self.wide.width, height: HeatMapChart.height(rows: rows.count),
                                            data: table, wide: true)))
            blocks.append(.note(text("每格为该注册月的客户中，在注册后第 N 个月（第0月即注册当月）有互动或付费订单的比例；注册本身不算。",
                                     "Each cell is the share of the signup month's customers with an activity or paid order in their Nth month (M0 is the signup month itself); signing up alone does not count.")))
            let revenue = DataTable(id: "cohort-revenue", caption: text("同期群人均收入", "Cohort revenue per member"),
                                    header: [text("注册月", "Cohort"), text("人数", "Size")] + columns,
                                    rows: rows.map { [label($0.cohort), format.exact($0.size)] + padded($0.revenuePerMember.map { format.format($0, .money) }) },
                                    numericColumns: Set(1..<(2 + columns.count)))
            blocks.append(.table(revenue))
        }
        return PackSection(id: "retention", title: text("留存与流失", "Retention and churn"), blocks: blocks)
    }

    func value() -> PackSection {
        var blocks = trends(["aov", "arpu", "repeat_purchase_rate", "second_purchase_rate", "gross_margin", "top20_revenue_share", "ltv_12m", "cac_12m"])
        if let table = sliceTable(id: "value-by-channel", caption: text("分渠道客户价值", "Value by channel"), dimension: "channel",
                                  ids: ["new_paying_customers", "cac", "cac_12m", "ltv_12m", "ltv_cac", "payback_months", "roas_12m"]) {
            blocks.append(.table(table))
        }
        let rfm = report.rfm
        if rfm.n > 0 {
            let zh = options.language.isChinese
            let donut = DonutChart(title: text("RFM 客户分群", "RFM segments"),
                                   slices: rfm.segments.map { .init(name: zh ? $0.nameZh : $0.nameEn, value: Double($0.customers)) },
                                   otherLabel: text("其他", "Other"), centerLabel: text("位客户（近 \(report.config.definitions.rfmWindowDays) 天付费）", "paid in the last \(report.config.definitions.rfmWindowDays) days"), kind: .count, format: format)
            blocks.append(.chart(ChartBlock(id: "rfm-segments", chart: .donut(donut), width: Self.wide.width * 0.62, height: 200,
                                            data: DataTable(id: "rfm-segments", header: [text("分群", "Segment"), text("客户", "Customers")],
                                                            rows: rfm.segments.map { [zh ? $0.nameZh : $0.nameEn, format.exact($0.customers)] }, numericColumns: [1]),
                                            wide: true)))
            blocks.append(.table(DataTable(
                id: "rfm-detail", caption: text("RFM 客户分群（近 \(report.config.definitions.rfmWindowDays) 天有付费的 \(format.exact(rfm.n)) 位客户）",
                              "RFM segments (\(format.exact(rfm.n)) customers who paid in the last \(report.config.definitions.rfmWindowDays) days)"),
                header: [text("分群", "Segment"), text("客户", "Customers"), text("占比", "Share"), text("收入", "Revenue"), text("收入占比", "Revenue share"),
                         text("平均最近购买（天）", "Mean recency (days)"), text("平均频次", "Mean frequency"), text("平均金额", "Mean value")],
                rows: rfm.segments.map { s in
                    [zh ? s.nameZh : s.nameEn, format.exact(s.customers), format.format(s.share, .ratio), format.format(s.revenue, .money),
                     format.format(s.revenueShare, .ratio), format.format(s.meanRecencyDays, .number), format.format(s.meanFrequency, .number),
                     format.format(s.meanMonetary, .money)]
                }, numericColumns: Set(1...7))))
        }
        return PackSection(id: "value", title: text("客户价值", "Customer value"), blocks: blocks.isEmpty ? [missing("orders")] : blocks)
    }

    func sales() -> PackSection {
        guard report.metric("new_leads") != nil else { return PackSection(id: "sales", title: text("销售效率", "Sales efficiency"), blocks: [missing("leads")]) }
        var blocks = trends(["won_deals", "won_amount", "sales_cycle_days", "lead_response_hours", "follow_up_timely_rate", "cost_per_lead"])
        let ids = ["new_leads", "won_deals", "won_amount", "win_rate", "sales_cycle_days", "lead_response_hours", "follow_up_timely_rate"]
        if let owners = sliceTable(id: "sales-by-rep", caption: text("分销售", "By sales rep"), dimension: "owner", ids: ids) { blocks.append(.table(owners)) }
        if let campaigns = sliceTable(id: "sales-by-campaign", caption: text("分活动", "By campaign"), dimension: "campaign", ids: ids) { blocks.append(.table(campaigns)) }
        return PackSection(id: "sales", title: text("销售效率", "Sales efficiency"), blocks: blocks)
    }

    func service() -> PackSection {
        let blocks = trends(["nps", "csat", "tickets", "complaints", "ticket_response_hours", "ticket_resolution_rate"])
        return PackSection(id: "service", title: text("满意度与服务", "Satisfaction and service"),
                           blocks: blocks.isEmpty ? [missing("surveys", "tickets")] : blocks)
    }

    // MARK: Helpers

    /// A trend per metric that has a value in the months shown; those with none are named
    /// in one note after the charts rather than drawn as empty frames.
    func trends(_ ids: [String]) -> [PackBlock] {
        let results = ids.compactMap { report.metric($0) }
        let empty = results.filter { r in trendMonths.allSatisfy { i in i >= r.series.count || r.series[i] == nil } }
        var blocks: [PackBlock] = results.filter { r in !empty.contains { $0.id == r.id } }.map { .chart(trend($0)) }
        if !empty.isEmpty {
            let names = empty.map { name($0.id) }.joined(separator: text("、", ", "))
            blocks.append(.note(text("所示月份中以下指标尚无数据（口径见「\(text.dictionary)」）：\(names)。",
                                     "No value yet in the months shown (see the \(text.dictionary) for their definitions): \(names).")))
        }
        return blocks
    }

    /// Why a section is left out: the snapshot lacks its table (or, in an audience's pack,
    /// the table's rows cannot be placed in the audience). Tables are named for the reader
    /// first ("线索表（leads）"), with the contract's name for whoever fixes the export.
    func missing(_ tables: String...) -> PackBlock {
        let table = tables.map { tableName($0) }.joined(separator: text("、", " or "))
        if let withheld = tables.first(where: options.withheldTables.contains), let audience = options.audience {
            let table = tableName(withheld)
            let hint = withheld == "leads" ? text("（leads 表若带有该维度的列，如 region，线索即按其归入）", " (a leads export with a column for that dimension, such as region, places each lead by it)") : ""
            return .note(text("本报告只含「\(audience)」的数据；\(table)的行无法归入这一范围，本节略去，全公司数字见管理层报告\(hint)。",
                              "This pack holds only the rows of \(audience); the \(table)'s rows cannot be told apart by that scope, so this section is left out (the company's figures are in the leadership pack)\(hint)."))
        }
        return .note(text("快照中没有\(table)，本节略去。", "The snapshot has no \(table); this section is left out."))
    }

    func tableName(_ id: String) -> String {
        let chinese = ["customers": "客户", "orders": "订单", "activities": "互动", "leads": "线索", "spend": "营销费用", "traffic": "流量",
                       "surveys": "问卷", "tickets": "工单", "targets": "目标"][id]
        return text(chinese.map { "\($0)表（\(id)）" } ?? "\(id) 表", "\(id) table")
    }

    /// One row per member of `dimension`, one column per metric, the report month's values.
    func sliceTable(id: String, caption: String, dimension: String, ids: [String]) -> DataTable? {
        let results = ids.compactMap { report.metric($0) }
        var members = Set<String>()
        for r in results {
            if let d = r.current.slices.first(where: { $0.dimension == dimension }) { members.formUnion(d.members.map(\.member)) }
        }
        guard !members.isEmpty else { return nil }
        // Members with nothing to show this month (an old campaign) are left out.
        let rows = members.sorted().compactMap { member -> [String]? in
            let values = results.map { $0.current.value(for: Slice(dimension: dimension, value: member)) ?? nil }
            guard values.contains(where: { ($0 ?? 0) != 0 }) else { return nil }
            return [member] + zip(results, values).map { value($0, $1) }
        }
        guard !rows.isEmpty else { return nil }
        return DataTable(id: id, caption: caption, header: [text.dimension(dimension)] + results.map { name($0.id) }, rows: rows,
                         numericColumns: Set(1...results.count))
    }
}
