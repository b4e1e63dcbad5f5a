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

    public static let standard = MetricCatalog([
        // MARK: Customer base
        def("live_customers", "活跃客户基数", "Customer base",
            "月末存续客户：注册日 ≤ 月末，且在截至月末的 W 天内有事件（注册、互动或付费订单）",
            "Customers live at month end: signed up by then, with an event (signup, activity or paid order) in the W days ending last(M)",
            .count, .up, ["customers", "activities", "orders"], ["churn_after_days"], .customer),
        def("churned_customers", "流失客户", "Churned customers",
            "上月末存续、本月末不再存续的客户数", "Live at first(M) − 1 but not live at last(M)",
            .count, .down, ["customers", "activities", "orders"], ["churn_after_days"], .customer),
        def("reactivated_customers", "唤回客户", "Won-back customers",
            "本月末存续、注册早于本月、上月末不存续的客户数", "Live at last(M), signed up before first(M), not live at first(M) − 1",
            .count, .up, ["customers", "activities", "orders"], ["churn_after_days"], .customer),
        def("churn_rate", "流失率", "Churn rate",
            "流失客户 ÷ 上月末存续客户", "churned_customers ÷ customers live at first(M) − 1",
            .ratio, .down, ["customers", "activities", "orders"], ["churn_after_days"], .customer),
        // MARK: Acquisition and activity
        def("new_customers", "新增客户", "New customers",
            "本月注册的客户数", "Customers whose signup day is in M",
            .count, .up, ["customers"], [], .customer),
        def("active_customers", "活跃客户", "Active customers",
            "本月有互动或付费订单的客户数（仅注册不计）", "Customers with an activity or a paid order in M (signup alone does not count)",
            .count, .up, ["activities", "orders"], [], .customer),
        // MARK: Orders and value
        def("revenue", "收入", "Revenue",
            "本月已付款订单金额合计", "Sum of paid order amounts in M",
            .money, .up, ["orders"], [], .customer),
        def("orders", "订单数", "Orders",
            "本月已付款订单数", "Number of paid orders in M",
            .count, .up, ["orders"], [], .customer),
        def("paying_customers", "付费客户", "Paying customers",
            "本月有已付款订单的客户数", "Customers with a paid order in M",
            .count, .up, ["orders"], [], .customer),
        def("arpu", "客单价", "Revenue per paying customer",
            "收入 ÷ 付费客户", "revenue ÷ paying_customers",
            .money, .up, ["orders"], [], .customer),
        // MARK: Leads and sales
        def("new_leads", "新增线索", "New leads",
            "本月创建的线索数", "Leads created in M",
            .count, .up, ["leads"], [], .lead),
        def("won_deals", "成交数", "Deals won",
            "本月成交的线索数", "Leads with won_at in M",
            .count, .up, ["leads"], [], .lead),
        def("win_rate", "赢单率", "Win rate",
            "本月成交 ÷（本月成交 + 本月丢单）", "won in M ÷ (won in M + lost in M)",
            .ratio, .up, ["leads"], [], .lead),
    ])

    private static func def(_ id: String, _ zh: String, _ en: String, _ formulaZh: String, _ formulaEn: String,
                            _ unit: MetricDefinition.Unit, _ direction: MetricDefinition.Direction,
                            _ sources: [String], _ keys: [String], _ basis: MetricDefinition.SliceBasis) -> MetricDefinition {
        MetricDefinition(id: id, nameZh: zh, nameEn: en, formulaZh: formulaZh, formulaEn: formulaEn, unit: unit,
                         direction: direction, sources: sources, configKeys: keys, sliceBasis: basis)
    }
}
