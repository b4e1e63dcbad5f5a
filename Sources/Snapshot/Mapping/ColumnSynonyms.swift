/// The names CRMs give the contract's columns, in Chinese and English: how `init`
/// proposes a mapping and how a missing column's message guesses the file's name for it.
///
/// Names are compared after lower-casing and dropping spaces, `_`, `-` and `.`, so
/// `Customer ID`, `customer-id` and `CUSTOMERID` are one name.
public enum ColumnSynonyms {
    /// Contract column → names it goes by, beside its own. Table-specific ones are keyed `table.column`.
    static let names: [String: [String]] = [
        "customer_id": ["客户编号", "客户ID", "客户id", "客户号", "客户代码", "会员ID", "会员编号", "用户ID", "Customer ID", "Customer Number", "Customer No", "Account ID", "Account Number", "Client ID", "Contact ID", "cust_id"],
        "customers.customer_id": ["ID", "编号"],
        "name": ["客户名称", "名称", "客户名", "公司名称", "Customer Name", "Account Name", "Company", "Company Name", "Name"],
        "signup_at": ["注册时间", "创建时间", "注册日期", "创建日期", "开户时间", "Created Date", "Created At", "Created", "Create Date", "Signup Date", "Sign Up Date", "Registration Date", "Registered At", "Date Created"],
        "channel": ["渠道", "来源", "来源渠道", "获客渠道", "线索来源", "Channel", "Source", "Lead Source", "Acquisition Channel"],
        "region": ["区域", "地区", "大区", "Region", "Territory", "Area"],
        "industry": ["行业", "所属行业", "Industry", "Vertical", "Sector"],
        "tier": ["等级", "客户等级", "级别", "Tier", "Segment", "Level", "Customer Tier"],
        "owner": ["负责人", "销售", "销售负责人", "客户经理", "跟进人", "所有人", "Owner", "Account Owner", "Sales Rep", "Lead Owner", "Assigned To"],
        "order_id": ["订单编号", "订单号", "订单ID", "Order ID", "Order Number", "Order No", "Invoice ID", "Transaction ID"],
        "orders.order_id": ["ID", "编号"],
        "ordered_at": ["下单时间", "订单日期", "订单时间", "成交时间", "下单日期", "Order Date", "Ordered At", "Close Date", "Purchase Date", "Transaction Date", "Date"],
        "amount": ["金额", "订单金额", "实付金额", "成交金额", "Amount", "Total", "Order Amount", "Total Amount", "Revenue", "Value", "Deal Value"],
        "status": ["状态", "订单状态", "支付状态", "Status", "Stage", "Order Status", "Payment Status"],
        "cost": ["成本", "Cost", "COGS"],
        "product": ["产品", "产品名称", "商品", "Product", "Product Name", "Plan", "SKU"],
        "lead_id": ["线索编号", "线索ID", "Lead ID", "Lead Number", "Prospect ID"],
        "leads.lead_id": ["ID", "编号"],
        "created_at": ["创建时间", "留资时间", "创建日期", "Created Date", "Created At", "Created", "Create Date"],
        "campaign": ["活动", "推广活动", "营销活动", "Campaign", "Campaign Name"],
        "first_contact_at": ["首次跟进时间", "首次联系时间", "首次响应时间", "First Contact", "First Contact Date", "First Contacted At", "First Response"],
        "qualified_at": ["有效线索时间", "转有效时间", "资格确认时间", "Qualified Date", "Qualified At", "MQL Date", "SQL Date"],
        "opportunity_at": ["商机时间", "转商机时间", "Opportunity Date", "Opportunity Created", "Converted Date"],
        "won_at": ["成交时间", "赢单时间", "Won Date", "Closed Won Date", "Won At"],
        "lost_at": ["丢单时间", "输单时间", "Lost Date", "Closed Lost Date", "Lost At"],
        "date": ["日期", "Date", "Day"],
        "visits": ["访问量", "访问次数", "访客数", "Visits", "Sessions", "Visitors"],
        "at": ["时间", "发生时间", "活动时间", "填写时间", "At", "Time", "Timestamp", "Date", "Activity Date", "Created Date"],
        "type": ["类型", "活动类型", "Type", "Activity Type", "Event"],
        "month": ["月份", "月", "Month", "Period"],
        "kind": ["类型", "问卷类型", "工单类型", "Kind", "Type", "Survey Type", "Ticket Type", "Category"],
        "score": ["分数", "评分", "得分", "Score", "Rating"],
        "ticket_id": ["工单编号", "工单号", "工单ID", "Ticket ID", "Ticket Number", "Case ID", "Case Number"],
        "tickets.ticket_id": ["ID", "编号"],
        "opened_at": ["创建时间", "提交时间", "开单时间", "Opened At", "Created Date", "Opened Date", "Date Opened"],
        "first_response_at": ["首次响应时间", "首次回复时间", "First Response At", "First Response Date", "First Reply"],
        "resolved_at": ["解决时间", "关闭时间", "Resolved At", "Resolved Date", "Closed Date", "Date Closed"],
        "metric": ["指标", "Metric", "KPI"],
        "period": ["期间", "周期", "月份", "Period", "Month"],
        "target": ["目标", "目标值", "Target", "Goal"],
        "dimension": ["维度", "Dimension"],
        "value": ["维度值", "Value"],
    ]

    static func key(_ name: String) -> String {
        String(name.lowercased().unicodeScalars.filter { !" _-.".unicodeScalars.contains($0) })
    }

    /// Every name `column` of `table` goes by, its own first.
    static func names(of column: String, in table: String?) -> [String] {
        [column] + (table.flatMap { names["\($0).\(column)"] } ?? []) + (names[column] ?? [])
    }

    /// The header among `headers` that names `column` of `table`, nil when none does.
    public static func header(for column: String, in table: String? = nil, among headers: [String]) -> String? {
        for name in names(of: column, in: table).map(key) {
            if let match = headers.first(where: { key($0) == name }) { return match }
        }
        return nil
    }
}
