import Charts
import Metrics
import Snapshot

extension PackBuilder {
    /// Who is about to leave and what the base is worth: BG/NBD and Gamma–Gamma.
    func prediction() -> PackSection {
        let title = text("预测价值与流失风险", "Predicted value and churn risk")
        let p = report.prediction
        if let failure = p.failure, report.metric("predicted_clv_52w")?.value == nil {
            return PackSection(id: "prediction", title: title, blocks: [
                .note(text("本月数据不足以拟合预测模型，本节不显示预测：", "The data cannot support the prediction models this month, so no prediction is shown: ") + failure),
            ])
        }
        var blocks: [PackBlock] = []
        let clv = report.metric("predicted_clv_52w"), alive = report.metric("expected_alive_customers")
        blocks.append(.note(text(
            "按 BG/NBD 与 Gamma–Gamma 模型（以月末前全部已付款订单拟合），\(format.exact(p.customers)) 位付费客户中预期仍存活 \(format.format(alive?.value, .count)) 位；每位客户未来 52 周的预测价值（按毛利计）为 \(format.format(clv?.value, .money))。",
            "Fitted on every paid order up to the month end (BG/NBD and Gamma–Gamma), \(format.format(alive?.value, .count)) of \(format.exact(p.customers)) paying customers are expected to be alive; the predicted 52-week value per customer, at gross margin, is \(format.format(clv?.value, .money)).")))
        blocks += trends(["expected_alive_customers", "predicted_clv_52w"])
        if !p.recencyCurve.isEmpty {
            let labels = p.recencyCurve.map { point in
                point.monthsSinceLastPurchase >= Prediction.recencyBuckets ? "\(point.monthsSinceLastPurchase)+" : "\(point.monthsSinceLastPurchase)"
            }
            let chart = TrendChart(title: text("存活概率与距上次购买月数", "P(alive) by months since the last purchase"), monthLabels: labels,
                                   series: [.init(name: "P(alive)", values: p.recencyCurve.map { $0.meanProbabilityAlive })],
                                   kind: .ratio, format: format, zeroBased: true)
            let table = DataTable(header: [text("距上次购买（月）", "Months since last purchase"), text("客户", "Customers"), "P(alive)"],
                                  rows: zip(labels, p.recencyCurve).map { [$0, format.exact($1.customers), format.format($1.meanProbabilityAlive, .ratio)] },
                                  numericColumns: [1, 2])
            blocks.append(.chart(ChartBlock(id: "p-alive-recency", scene: chart.build(width: Self.wide.width, height: 200, theme: theme), data: table, wide: true)))
        }
        if !p.atRisk.isEmpty {
            var table = DataTable(
                caption: text("高风险大客户：近 12 个月收入最高且存活概率低于 50% 的客户", "At risk: the largest 12-month spenders with P(alive) below 50 %"),
                header: [text("客户", "Customer"), "ID", text("负责人", "Owner"), text("最近订单", "Last order"), text("近12个月收入", "Revenue, 12 months"), "P(alive)"],
                rows: p.atRisk.map { a in
                    [a.name.isEmpty ? a.customerId : a.name, a.customerId, a.owner ?? "—", CivilDate(dayNumber: Int(a.lastOrderDay)).description,
                     format.format(a.revenue, .money), format.format(a.probabilityAlive, .ratio)]
                }, numericColumns: [4, 5])
            table.personalColumns = [0]
            blocks.append(.table(table))
        }
        if case .success(let fit) = p.purchasing {
            let m = fit.model
            var rows = [["BG/NBD", "r = \(fixed(m.r)), α = \(fixed(m.alpha)), a = \(fixed(m.a)), b = \(fixed(m.b))", fixed(fit.logLikelihood), format.exact(fit.n)]]
            if case .success(let g)? = p.spending {
                rows.append(["Gamma–Gamma", "p = \(fixed(g.model.p)), q = \(fixed(g.model.q)), γ = \(fixed(g.model.gamma))", fixed(g.logLikelihood), format.exact(g.n)])
            }
            blocks.append(.table(DataTable(caption: text("模型参数", "Model parameters"),
                                           header: [text("模型", "Model"), text("参数", "Parameters"), text("对数似然", "Log-likelihood"), "n"],
                                           rows: rows, numericColumns: [2, 3])))
        }
        return PackSection(id: "prediction", title: title, blocks: blocks)
    }

    private func fixed(_ v: Double) -> String { format.fixed(v, abs(v) >= 100 ? 1 : 3) }
}
