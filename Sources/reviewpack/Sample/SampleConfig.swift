import Foundation

/// pack.yaml for the sample: the company, its definitions (口径), funnel, dimensions
/// and alert rules, written as text so the sample folder runs as it is.
enum SampleConfig {
    static let text = """
        company: 示例科技
        language: zh
        timezone: Asia/Shanghai
        currency: CNY
        definitions:
          churn_after_days: 30
          activation_days: 7
          retention_days: [1, 7, 30]
          conversion_days: 30
          repeat_window_days: 90
          rfm_window_days: 365
          lead_response_sla_hours: 24
          ticket_sla_hours: 48
          gross_margin: 0.62
        funnel:
          - {stage: created, label: 留资}
          - {stage: qualified, label: 有效线索}
          - {stage: opportunity, label: 商机}
          - {stage: won, label: 成交}
        dimensions: [channel, region, industry, tier, owner]
        required_fields: [channel, region, industry, owner]
        alerts:
          - {metric: churn_rate, above: 0.05, severity: high}
          - {metric: new_customers, change_below: -0.15, severity: medium}
          - {metric: win_rate, below: 0.2, severity: medium}
        email:
          from: 示例科技经营分析 <reports@example.com>
          to: [ceo@example.com, 王总 <cfo@example.com>]
          reply_to: analyst@example.com
        site: {url: https://review.example.com/}

        """

    static func write(to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }
}
