import Charts
import Metrics

extension PackBuilder {
    /// Who is about to leave and what the base is worth, in a reader's words; the models'
    /// parameters are in the appendix (``modelParameters()``).
    func prediction() -> PackSection {
        let title = text("预测价值与流失风险", "Predicted value and churn risk")
        let p = report.prediction
        if p.failure != nil, report.metric("predicted_clv_52w")?.value == nil {
            return PackSection(id: "prediction", title: title, blocks: [
                // The model's own reason ("too few customers to fit", "did not converge") is an analyst's; metrics.json keeps it.
                .note(text("本月数据不足以拟合预测模型，本节不显示预测；原因见 metrics.json。",
                           "The data cannot support the prediction models this month, so no prediction is shown; metrics.json gives the reason.")),
            ])
        }
        var blocks: [PackBlock] = []
        let clv = report.metric("predicted_clv_52w"), alive = report.metric("expected_alive_customers")
        blocks.append(.note(text(
            "根据每位客户截至月末的购买频次与间隔估算：\(format.exact(p.customers)) 位曾付费的客户中预计仍在购买的约 \(format.format(alive?.value, .count)) 位；平均每位客户未来 52 周预计带来毛利 \(format.format(clv?.value, .money))。模型与参数见「\(text.dictionary)」一节。",
            "Estimated from how often and how recently each customer has bought up to the month end: about \(format.format(alive?.value, .count)) of the \(format.exact(p.customers)) customers who have ever paid are still buying, and each is expected to bring \(format.format(clv?.value, .money)) of gross margin over the next 52 weeks. The models and their parameters are in the \(text.dictionary) section.")))
        blocks += trends(["expected_alive_customers", "predicted_clv_52w"])
        let stillActive = text("仍为活跃客户的概率", "Probability the customer is still active")
        if !p.recencyCurve.isEmpty {
            let labels = p.recencyCurve.map { point in
                point.monthsSinceLastPurchase >= Prediction.recencyBuckets ? "\(point.monthsSinceLastPurchase)+" : "\(point.monthsSinceLastPurchase)"
            }
            var chart = TrendChart(title: text("客户仍活跃的概率，按距上次购买的月数", "Probability a customer is still active, by months since the last purchase"),
                                   monthLabels: labels.map { $0 + text("个月", " mo") }, series: [.init(name: stillActive, values: p.recencyCurve.map { $0.meanProbabilityAlive })],
                                   kind: .ratio, format: format, zeroBased: true)
            chart.labelsLatest = false
            let table = DataTable(id: "p-alive-recency", header: [text("距上次购买（月）", "Months since last purchase"), text("客户", "Customers"), stillActive],
                                  rows: zip(labels, p.recencyCurve).map { [$0, format.exact($1.customers), format.format($1.meanProbabilityAlive, .ratio)] },
                                  numericColumns: [1, 2])
            blocks.append(.chart(ChartBlock(id: "p-alive-recency", chart: .trend(chart), width: Self.wide.width, height: 200, data: table, wide: true)))
        }
        if !p.atRisk.isEmpty {
            var table = DataTable(
                id: "at-risk",
                caption: text("高风险大客户：近 12 个月收入最高、仍活跃概率低于 50% 的客户", "At risk: the largest 12-month spenders who are less than 50% likely to still be active"),
                header: [text("客户", "Customer"), text("客户编号", "ID"), text("负责人", "Owner"), text("最近订单", "Last order"), text("近12个月收入", "Revenue, 12 months"), stillActive],
                rows: p.atRisk.map { a in
                    [a.name.isEmpty ? a.customerId : a.name, a.customerId, a.owner ?? "—", CivilDate(dayNumber: Int(a.lastOrderDay)).description,
                     format.format(a.revenue, .money), format.format(a.probabilityAlive, .ratio)]
                }, numericColumns: [4, 5])
            table.personalColumns = [0]
            blocks.append(.table(table))
        }
        return PackSection(id: "prediction", title: title, blocks: blocks)
    }

    /// The fitted models (BG/NBD for purchasing, Gamma–Gamma for spending) with their
    /// parameters, for the appendix: what an analyst checks, not what leadership reads.
    func modelParameters() -> [PackBlock]? {
        guard case .success(let fit) = report.prediction.purchasing else { return nil }
        let m = fit.model
        var rows = [[text("BG/NBD（购买频次与流失）", "BG/NBD (purchases and dropout)"), "r = \(fixed(m.r)), α = \(fixed(m.alpha)), a = \(fixed(m.a)), b = \(fixed(m.b))",
                     format.grouped(fit.logLikelihood, decimals: 1), format.exact(fit.n)]]
        if case .success(let g)? = report.prediction.spending {
            rows.append([text("Gamma–Gamma（每次购买金额）", "Gamma–Gamma (value per purchase)"), "p = \(fixed(g.model.p)), q = \(fixed(g.model.q)), γ = \(fixed(g.model.gamma))",
                         format.grouped(g.logLikelihood, decimals: 1), format.exact(g.n)])
        }
        return [
            .note(text("预测一节的估计来自两个模型，按每位客户截至月末的全部已付款订单拟合：",
                       "The estimates of the prediction section come from two models, fitted on every customer's paid orders up to the month end:")),
            .table(DataTable(id: "model-parameters", caption: text("预测模型参数", "Prediction model parameters"),
                             header: [text("模型", "Model"), text("参数", "Parameters"), text("对数似然", "Log-likelihood"), text("客户数", "Customers")],
                             rows: rows, numericColumns: [2, 3])),
        ]
    }

    private func fixed(_ v: Double) -> String { format.fixed(v, abs(v) >= 100 ? 1 : 3) }
}
