/// The metric dictionary: every metric the engine computes, in the order the pack lists them.
///
/// Definitions are data; the families compute them. A test checks that every entry is
/// computed by exactly one family and that every computed id has an entry.
public struct MetricCatalog: Sendable {
    public let definitions: [MetricDefinition]
    private let byId: [String: Int]

    public init(_ definitions: [MetricDefinition]) {
        self.definitions = definitions
        byId = Dictionary(uniqueKeysWithValues: definitions.enumerated().map { ($1.id, $0) })
    }

    public subscript(id: String) -> MetricDefinition? { byId[id].map { definitions[$0] } }

    /// The default catalog (retention days 1, 7, 30).
    public static let standard = MetricCatalog(definitions: Definitions())

    /// The catalog for a configuration: `retention_days` decides which retention_dN exist.
    public init(definitions d: Definitions) {
        let base: [String] = ["customers", "activities", "orders"]
        var list: [MetricDefinition] = [
            // MARK: Customer base
            def("live_customers", "存续客户", "Customer base",
                "月末存续客户：注册日 ≤ 月末，且在截至月末的 churn_after_days 天内有事件（注册、互动或付费订单）",
                "Customers live at last(M): signed up by then, with an event (signup, activity or paid order) in the churn_after_days days ending last(M)",
                .count, .up, base, ["churn_after_days"]),
            def("churned_customers", "流失客户", "Churned customers",
                "上月末存续、本月末不再存续的客户数", "Live at first(M) − 1 but not live at last(M)",
                .count, .down, base, ["churn_after_days"], aggregation: .flow),
            def("reactivated_customers", "唤回客户", "Won-back customers",
                "本月末存续、注册早于本月、上月末不存续的客户数", "Live at last(M), signed up before first(M), not live at first(M) − 1",
                .count, .up, base, ["churn_after_days"], aggregation: .flow),
            def("churn_rate", "流失率", "Churn rate",
                "流失客户 ÷ 上月末存续客户", "churned_customers ÷ customers live at first(M) − 1",
                .ratio, .down, base, ["churn_after_days"]),
            def("retention_rate", "留存率", "Retention rate", "1 − 流失率", "1 − churn_rate",
                .ratio, .up, base, ["churn_after_days"]),
            def("winback_rate", "唤回率", "Win-back rate",
                "唤回客户 ÷ 注册早于本月且上月末不存续的客户", "reactivated_customers ÷ customers signed up before first(M) and not live at first(M) − 1",
                .ratio, .up, base, ["churn_after_days"]),
            // MARK: Acquisition and activation
            def("new_customers", "新增客户", "New customers", "本月注册的客户数", "Customers whose signup day is in M",
                .count, .up, ["customers"], [], aggregation: .flow),
            def("new_paying_customers", "新增付费客户", "New paying customers", "首笔已付款订单在本月的客户数",
                "Customers whose first paid order is in M", .count, .up, ["orders"], [], aggregation: .flow),
            def("active_customers", "活跃客户", "Active customers",
                "本月有互动或付费订单的客户数（仅注册不计）", "Customers with an activity or a paid order in M (signup alone does not count)",
                .count, .up, ["activities", "orders"], []),
            def("activation_rate", "激活率", "Activation rate",
                "注册日 s 满足 s + 激活天数 − 1 落在本月的客户中，在 [s, s + 激活天数 − 1] 内有互动或付费订单的比例",
                "Cohort with s + activation_days − 1 in M: share with an activity or paid order on a day in [s, s + activation_days − 1]",
                .ratio, .up, base, ["activation_days"]),
        ]
        for n in d.retentionDays {
            list.append(def("retention_d\(n)", "第\(n)日留存", "Day-\(n) retention",
                            "注册日 s 满足 s + \(n) 落在本月的客户中，第 s + \(n) 日有互动或付费订单的比例",
                            "Cohort with s + \(n) in M: share with an activity or paid order on day s + \(n) exactly",
                            .ratio, .up, base, ["retention_days"]))
        }
        list += [
            def("paid_conversion_rate", "付费转化率", "Paid conversion rate",
                "注册日 s 满足 s + 转化天数 − 1 落在本月的客户中，首笔付费订单不晚于该日的比例",
                "Cohort with s + conversion_days − 1 in M: share whose first paid order is on or before that day",
                .ratio, .up, ["customers", "orders"], ["conversion_days"]),
            def("spend", "营销费用", "Marketing spend", "本月营销费用合计（按月份归属）", "Marketing spend in M (a spend.month row belongs to that month)",
                .money, .none, ["spend"], [], basis: .channelOnly, aggregation: .flow),
            def("cac", "获客成本", "Customer acquisition cost",
                "营销费用 ÷ 新增付费客户；分渠道为渠道费用 ÷ 该渠道新增付费客户", "spend ÷ new_paying_customers; per channel: channel spend ÷ that channel's new paying customers",
                .money, .down, ["spend", "orders"], [], basis: .channelOnly),
            def("cost_per_lead", "线索成本", "Cost per lead", "营销费用 ÷ 新增线索", "spend ÷ new_leads",
                .money, .down, ["spend", "leads"], [], basis: .channelOnly),
            // MARK: Orders and value
            def("revenue", "收入", "Revenue", "本月已付款订单金额合计", "Sum of paid order amounts in M",
                .money, .up, ["orders"], [], aggregation: .flow),
            def("orders", "订单数", "Orders", "本月已付款订单数", "Number of paid orders in M",
                .count, .up, ["orders"], [], aggregation: .flow),
            def("paying_customers", "付费客户", "Paying customers", "本月有已付款订单的客户数", "Customers with a paid order in M",
                .count, .up, ["orders"], []),
            def("aov", "平均订单金额", "Average order value", "收入 ÷ 订单数", "revenue ÷ orders",
                .money, .up, ["orders"], []),
            def("arpu", "客单价", "Revenue per paying customer", "收入 ÷ 付费客户", "revenue ÷ paying_customers",
                .money, .up, ["orders"], []),
            def("repeat_purchase_rate", "复购率", "Repeat purchase rate",
                "截至月末的复购窗口内有已付款订单的客户中，订单数 ≥ 2 的比例",
                "Window of repeat_window_days ending last(M): among customers with ≥ 1 paid order in it, share with ≥ 2",
                .ratio, .up, ["orders"], ["repeat_window_days"]),
            def("second_purchase_rate", "二次成交率", "Second purchase rate",
                "首单不晚于月末的客户中，截至月末已付款订单 ≥ 2 的比例",
                "Among customers whose first paid order is on or before last(M), share with ≥ 2 paid orders on or before last(M)",
                .ratio, .up, ["orders"], []),
            def("gross_margin", "毛利率", "Gross margin",
                "（收入 − 成本）÷ 收入；订单无成本时按配置毛利率", "(revenue − cost) ÷ revenue; an order without cost uses the configured ratio",
                .ratio, .up, ["orders"], ["gross_margin"]),
            def("top20_revenue_share", "前20%客户收入占比", "Top-20% revenue share",
                "近 12 个月收入最高的 ⌈20% × n⌉ 位客户的收入 ÷ 全部收入（n 为收入 > 0 的客户数）",
                "Over the 12 months ending last(M): revenue of the top ⌈20 % × n⌉ customers ÷ all revenue (n = customers with revenue > 0)",
                .ratio, .none, ["orders"], []),
            def("ltv_12m", "12个月客户价值", "12-month LTV",
                "M−12 月注册的客户在注册后 365 天内的收入合计 ÷ 该批客户数（未付费者计入）",
                "Customers who signed up in M−12: their paid revenue on days [s, s + 364], summed, over the cohort size",
                .money, .up, ["customers", "orders"], []),
            def("cac_12m", "12个月获客成本", "12-month CAC",
                "近 12 个月营销费用 ÷ 同期新增付费客户", "Spend over the 12 months ending M ÷ new paying customers over the same months",
                .money, .down, ["spend", "orders"], [], basis: .channelOnly),
            def("ltv_cac", "LTV/CAC", "LTV / CAC", "12个月客户价值 × 毛利率 ÷ 12个月获客成本", "ltv_12m × gross_margin ÷ cac_12m",
                .multiple, .up, ["customers", "orders", "spend"], ["gross_margin"], basis: .channelOnly),
            def("payback_months", "回本月数", "CAC payback",
                "12个月获客成本 ÷（毛利率 × 近12个月收入 ÷ 近12个月各月付费客户之和）",
                "cac_12m ÷ (gross_margin × revenue over the 12 months ending M ÷ sum of paying_customers over those months)",
                .months, .down, ["orders", "spend"], ["gross_margin"], basis: .channelOnly),
            def("roas_12m", "12个月广告回报", "12-month ROAS",
                "近 12 个月注册客户在这些月份的收入 ÷ 同期营销费用（分渠道）",
                "Revenue over the 12 months ending M from customers who signed up in those months ÷ spend in those months (per channel)",
                .multiple, .up, ["customers", "orders", "spend"], [], basis: .channelOnly),
            def("predicted_clv_52w", "预测52周客户价值", "Predicted 52-week CLV",
                "BG/NBD 预期购买次数 × Gamma–Gamma 预期客单价，按有付费客户取平均，再乘毛利率",
                "Mean over customers with ≥ 1 paid order of BG/NBD expected purchases in 52 weeks × Gamma–Gamma expected value per purchase, × gross_margin",
                .money, .up, ["orders"], ["gross_margin"]),
            def("expected_alive_customers", "预期存活客户", "Expected alive customers",
                "有付费客户的 BG/NBD 存活概率 P(alive) 之和", "Sum of BG/NBD P(alive) over customers with ≥ 1 paid order",
                .count, .up, ["orders"], []),
            // MARK: Leads and sales
            def("new_leads", "新增线索", "New leads", "本月创建的线索数", "Leads created in M",
                .count, .up, ["leads"], [], basis: .lead, aggregation: .flow),
            def("won_deals", "成交数", "Deals won", "本月成交的线索数", "Leads with won_at in M",
                .count, .up, ["leads"], [], basis: .lead, aggregation: .flow),
            def("won_amount", "成交金额", "Amount won", "本月成交线索的金额合计", "Sum of amount of leads won in M",
                .money, .up, ["leads"], [], basis: .lead, aggregation: .flow),
            def("win_rate", "赢单率", "Win rate", "本月成交 ÷（本月成交 + 本月丢单）", "won in M ÷ (won in M + lost in M)",
                .ratio, .up, ["leads"], [], basis: .lead),
            def("sales_cycle_days", "销售周期", "Sales cycle", "本月成交线索从创建到成交的平均天数（按日历日）",
                "Mean of (won day − created day) over leads won in M", .days, .down, ["leads"], [], basis: .lead),
            def("lead_response_hours", "线索响应时长", "Lead response time",
                "本月创建且月末前已跟进的线索，从创建到首次跟进的小时数中位数",
                "Median hours from created_at to first_contact_at, over leads created in M contacted by the end of M",
                .hours, .down, ["leads"], [], basis: .lead),
            def("follow_up_timely_rate", "及时跟进率", "Timely follow-up rate",
                "created_at + SLA 落在本月的线索中，在 SLA 内首次跟进的比例",
                "Leads with created_at + lead_response_sla_hours in M: share first contacted within that SLA",
                .ratio, .up, ["leads"], ["lead_response_sla_hours"], basis: .lead),
            def("leads_per_owner", "人均线索", "Leads per owner", "本月创建且有负责人的线索 ÷ 其中不同负责人数",
                "Leads created in M that have an owner ÷ distinct owners among them", .number, .none, ["leads"], [], basis: .lead),
            def("data_completeness", "资料完整率", "Data completeness",
                "月末前注册的客户中，所有必填字段均非空的比例", "Among customers signed up by last(M), share with every required field non-empty",
                .ratio, .up, ["customers"], ["required_fields"]),
            // MARK: Satisfaction and service
            def("nps", "净推荐值", "NPS", "100 ×（推荐者 − 贬损者）÷ 回答数；9–10 分为推荐者，0–6 分为贬损者",
                "100 × (promoters − detractors) ÷ responses over nps surveys in M; promoters 9–10, detractors 0–6",
                .score, .up, ["surveys"], []),
            def("csat", "满意度", "CSAT", "100 × 本月 CSAT 回答中 4 或 5 分的比例", "100 × share of csat responses in M scoring 4 or 5",
                .score, .up, ["surveys"], []),
            def("tickets", "工单数", "Tickets", "本月新建工单数", "Tickets opened in M", .count, .down, ["tickets"], [], aggregation: .flow),
            def("complaints", "投诉数", "Complaints", "本月新建的投诉类工单数", "Tickets of kind complaint opened in M",
                .count, .down, ["tickets"], [], aggregation: .flow),
            def("ticket_response_hours", "工单响应时长", "Ticket response time",
                "本月新建且月末前已响应的工单，从新建到首次响应的小时数中位数",
                "Median hours opened → first response, over tickets opened in M answered by the end of M",
                .hours, .down, ["tickets"], []),
            def("ticket_resolution_rate", "工单按时解决率", "Ticket resolution rate",
                "opened_at + SLA 落在本月的工单中，在 SLA 内解决的比例",
                "Tickets with opened_at + ticket_sla_hours in M: share resolved within the SLA",
                .ratio, .up, ["tickets"], ["ticket_sla_hours"]),
        ]
        self.init(list)
    }
}

private func def(_ id: String, _ zh: String, _ en: String, _ formulaZh: String, _ formulaEn: String,
                 _ unit: MetricDefinition.Unit, _ direction: MetricDefinition.Direction,
                 _ sources: [String], _ keys: [String], basis: MetricDefinition.SliceBasis = .customer,
                 aggregation: MetricDefinition.Aggregation = .level) -> MetricDefinition {
    MetricDefinition(id: id, nameZh: zh, nameEn: en, formulaZh: formulaZh, formulaEn: formulaEn, unit: unit,
                     direction: direction, sources: sources, configKeys: keys, sliceBasis: basis, aggregation: aggregation)
}
