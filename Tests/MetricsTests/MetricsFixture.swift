import Foundation
@testable import Metrics
import Snapshot

/// A small snapshot, worked by hand in the tests' comments. Report month: March 2026
/// (Asia/Shanghai), churn window W = 30 days.
///
/// Customers (signup → events):
/// - A: 01-10; activity 02-20; paid order 03-05 100.00
/// - B: 01-15; activity 02-05; nothing after              → churns in March
/// - C: 2025-11-01; activity 2025-12-01; paid 50.00 at 2026-03-19T23:30Z (= 03-20 in Shanghai) → won back
/// - D: 03-01 00:00, channel 官网, no events              → new, but not live on 03-31 (window (03-01, 03-31])
/// - E: 03-15, channel 转介绍; activity 03-16; refunded order 03-16 → new and live
/// - F: 02-27; cancelled order 03-02                      → live on 02-28 by signup, churns in March
/// - G: 2026-03-31T16:30Z (= 04-01 in Shanghai)           → an April signup
/// - H: 2025-06-01; activity 02-25; paid 03-10 200.00 and 03-10 0.00
/// - an order of unknown customer Z (1000.00, March)      → a finding, in no metric
/// Leads, surveys and tickets are described where the tests use them.
enum MetricsFixture {
    static let tables: [String: String] = [
        "customers": """
        customer_id,signup_at,channel
        A,2026-01-10,官网
        B,2026-01-15,官网
        C,2025-11-01,搜索广告
        D,2026-03-01 00:00,官网
        E,2026-03-15,转介绍
        F,2026-02-27,搜索广告
        G,2026-03-31T16:30:00Z,官网
        H,2025-06-01,

        """,
        "activities": """
        customer_id,at,type
        A,2026-02-20 10:00,login
        B,2026-02-05,call
        C,2025-12-01,visit
        E,2026-03-16,login
        H,2026-02-25,login

        """,
        "orders": """
        order_id,customer_id,ordered_at,amount,status
        O1,A,2026-03-05,100.00,paid
        O2,C,2026-03-19T23:30:00Z,50,
        O3,E,2026-03-16,30.00,refunded
        O4,F,2026-03-02,20.00,cancelled
        O5,H,2026-03-10 09:00,200.00,PAID
        O6,H,2026-03-10 18:00,0.00,paid
        O7,Z,2026-03-11,1000.00,paid

        """,
        "leads": """
        lead_id,created_at,first_contact_at,qualified_at,opportunity_at,won_at,lost_at,amount,channel,owner
        L1,2026-03-02,2026-03-02 10:00,2026-03-05,,2026-03-20,,500,官网,张三
        L2,2026-02-20,2026-02-21 02:00,2026-03-01,,,2026-03-10,,官网,李四
        L3,2026-03-10,2026-03-11 00:00,,,,2026-04-02,,搜索广告,张三
        L4,2026-03-31T17:00:00Z,,,,,,,官网,李四
        L5,2026-03-05,2026-04-01 09:00,2026-03-06,2026-03-07,2026-03-08,,80,,

        """,
        "traffic": """
        date,channel,visits
        2026-03-01,官网,100
        2026-03-15,搜索广告,50
        2026-04-01,官网,999

        """,
        "spend": """
        month,channel,amount
        2026-03,官网,300.00
        2026-03,搜索广告,150.00

        """,
        "surveys": """
        customer_id,at,kind,score
        A,2026-03-03,nps,10
        B,2026-03-04,nps,9
        C,2026-03-05,nps,6
        H,2026-03-06,nps,8
        E,2026-03-31T16:30:00Z,nps,0
        A,2026-03-07,csat,5
        B,2026-03-08,csat,3
        C,2026-03-09,CSAT,4

        """,
        "tickets": """
        ticket_id,customer_id,opened_at,first_response_at,resolved_at,kind
        T1,A,2026-03-01 10:00,2026-03-01 12:00,2026-03-02 10:00,complaint
        T2,B,2026-03-10 00:00,2026-03-11 06:00,2026-03-13 00:01,question
        T3,C,2026-03-30 12:00,2026-04-01 08:00,,Complaint
        T4,H,2026-02-27 12:00,2026-02-27 13:00,2026-03-01 12:00,question

        """,
        "targets": """
        metric,period,target,dimension,value
        revenue,2026-03,400,,
        new_customers,2026-Q1,10,,
        churn_rate,2026-03,0.45,,
        orders,2026,4,,
        new_customers,2026-03,2,channel,官网
        win_rate,2026-03,0,,
        no_such_metric,2026-03,1,,

        """,
    ]

    /// The facts of a snapshot given as table texts.
    static func facts(tables: [String: String], config: MetricsConfig = MetricsConfig()) throws -> Facts {
        let folder = NSTemporaryDirectory() + "reviewpack-facts-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in tables { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).csv")) }
        let snapshot = try SnapshotReader.read(folder: folder, options: SnapshotOptions(zone: Zone(identifier: "Asia/Shanghai")!))
        return Facts(snapshot: snapshot, dimensions: config.dimensions)
    }

    static func report(config: MetricsConfig = MetricsConfig(), month: Month = Month(year: 2026, month: 3),
                       tables: [String: String] = tables, extraDimensions: [String] = []) throws -> Report {
        let folder = NSTemporaryDirectory() + "reviewpack-metrics-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in tables { try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).csv")) }
        let snapshot = try SnapshotReader.read(folder: folder, options: SnapshotOptions(zone: Zone(identifier: "Asia/Shanghai")!,
                                                                                           extraDimensions: extraDimensions))
        let facts = Facts(snapshot: snapshot, dimensions: config.dimensions)
        return MetricEngine().run(facts: facts, config: config, month: month, targets: snapshot.targets, quality: snapshot.quality, zone: "Asia/Shanghai")
    }
}
