import Foundation

/// A small snapshot made to trip a database source: orders at 23:30 UTC on month ends
/// (the next local day in Shanghai), a column of instants (every value with an offset:
/// `timestamptz`) beside naive ones (`timestamp`) and a mixed one (text), a duplicate
/// customer and order, unknown customers, a lead whose stages run backwards, refunds,
/// empty costs, an unreadable amount, a cost with more decimals than the currency has
/// (which SQLite's NUMERIC would quietly round), an id with a backslash and a name with a tab (which
/// COPY escapes both ways), an empty customer id in customers and in activities, and a
/// finding in every table that has rows. In October one customer pays three times on one
/// day, with and without a cost, and statuses come in other cases, in the mapping's words
/// (`已付款`) and in a word nobody mapped (`作废`); surveys come with a kind in capitals, a
/// score out of range, a score written `8.0` and two alike on one day; a ticket is answered
/// before it was opened, another is a `Complaint`; traffic and spend come twice for one
/// day or month and channel, in a mapped word for a channel, and unreadable; a lead's
/// opportunity comes before its creation.
enum EdgeSnapshot {
    static let files: [String: String] = [
        "pack.yaml": """
            company: 边界科技
            language: zh
            timezone: Asia/Shanghai
            currency: CNY
            quality: {max_unreadable_share: 0.5}
            definitions: {gross_margin: 0.5}
            tables:
              orders: {values: {status: {已付款: paid, 已退款: refunded}}}
              traffic: {values: {channel: {ads: 广告}}}
              spend: {values: {channel: {Ads: 广告}}}
            """,
        "customers.csv": """
            customer_id,signup_at,name,channel,region,industry,tier,owner
            C1,2026-06-03 10:00:00,甲公司,官网,华东,制造,A,张伟
            C2,2026-06-30 23:59:59,乙公司,广告,华北,零售,B,李娜
            C3,2026-07-31T16:30:00,丙公司,官网,华东,,A,张伟
            C4,2026-08-15,"丁公司, 有限",合作伙伴,华南,制造,C,王芳
            C2,2026-07-01 08:00:00,乙公司重复,广告,华北,零售,B,李娜
            C5,2026-09-30 23:30:00,戊公司,广告,华南,零售,B,王芳
            C6,2026-10-02 09:00:00,己公司,官网,华北,制造,A,李娜
            C\\8,2026-09-01 09:00:00,"庚公司\\华东	分部",官网,华东,零售,B,张伟
            ,2026-09-02 09:00:00,无编号公司,官网,华东,零售,B,张伟
            """,
        "orders.csv": """
            order_id,customer_id,ordered_at,amount,status,cost,product
            O1,C1,2026-06-30T23:30:00Z,120.00,paid,80.00,标准版
            O2,C1,2026-07-31T23:30:00Z,99.90,paid,,标准版
            O3,C2,2026-08-31T23:30:00+00:00,300,paid,150.5,专业版
            O3,C2,2026-09-01T00:00:00Z,300,paid,150.5,专业版
            O4,C9,2026-09-15T02:00:00Z,50.00,paid,,标准版
            O5,C3,2026-09-30T15:59:59Z,75.25,refunded,,标准版
            O6,C3,2026-09-30T16:00:00Z,80.00,paid,40.00,标准版
            O7,C4,2026-10-31T23:30:00Z,1000.00,paid,600.00,旗舰版
            O8,C5,2026-10-01T00:30:00+08:00,60.00,cancelled,,标准版
            O9,C6,2026-10-15T10:00:00Z,-5.00,paid,,标准版
            O10,C6,2026-10-16T10:00:00Z,88.00,paid,40.000,标准版
            O11,C4,2026-10-20T02:00:00Z,200.00, Paid ,120.00,旗舰版
            O12,C4,2026-10-20T03:00:00Z,50.00,paid,,标准版
            O13,C4,2026-10-20T04:00:00Z,30.00,PAID,10.00,标准版
            O14,C5,2026-10-21T04:00:00Z,45.00,已付款,,标准版
            O15,C5,2026-10-22T04:00:00Z,45.00,作废,,标准版
            """,
        "activities.csv": """
            customer_id,at,type,owner
            C1,2026-07-01 00:10:00,login,
            C1,2026-07-01 23:50:00,login,
            C2,2026-08-31 23:30:00,call,李娜
            C3,2026-09-30 23:30:00,login,
            C7,2026-10-01 10:00:00,login,
            C4,2026-10-31 23:59:59,visit,王芳
            C5,2026-10-20 12:00:00,login,
            C\\8,2026-10-21 12:00:00,login,
             ,2026-10-22 12:00:00,login,
            """,
        "leads.csv": """
            lead_id,created_at,channel,campaign,owner,first_contact_at,qualified_at,opportunity_at,won_at,lost_at,amount,customer_id
            L1,2026-07-01 09:00:00,官网,夏季,张伟,2026-07-01 10:00:00,2026-07-03 09:00:00,2026-07-10 09:00:00,2026-07-20 09:00:00,,5000.00,C3
            L2,2026-08-05 09:00:00,广告,夏季,李娜,2026-08-06T09:00:00+08:00,2026-08-04 09:00:00,,,2026-08-30 09:00:00,,
            L3,2026-09-10 09:00:00,合作伙伴,秋季,王芳,,2026-09-12 09:00:00,2026-09-20 09:00:00,2026-10-05 09:00:00,2026-10-06 09:00:00,8000.00,C4
            L4,2026-10-01 09:00:00,官网,秋季,张伟,2026-10-03 09:00:00,,,,,,
            L5,2026-10-02 09:00:00,官网,秋季,张伟,,2026-10-04 09:00:00,,,,,C5
            L6,2026-10-03 09:00:00,广告,秋季,李娜,,2026-10-05 09:00:00,2026-10-08 09:00:00,2026-10-20 09:00:00,,3000.00,C6
            L7,2026-10-04 09:00:00,广告,秋季,李娜,,,2026-10-03 09:00:00,,,,
            """,
        "surveys.csv": """
            customer_id,at,kind,score
            C1,2026-08-10 10:00:00,nps,9
            C2,2026-09-10 10:00:00,nps,6
            C3,2026-10-10 10:00:00,csat,4
            C8,2026-10-11 10:00:00,nps,10
            C2,2026-10-12 10:00:00,NPS,10
            C3,2026-10-13 10:00:00,csat,6
            C1,2026-10-14 10:00:00,nps,8.0
            C1,2026-10-15 10:00:00,nps,3
            C1,2026-10-15 11:00:00,nps,3
            """,
        "tickets.csv": """
            ticket_id,customer_id,opened_at,first_response_at,resolved_at,kind
            T1,C1,2026-09-01 09:00:00,2026-09-01 10:00:00,2026-09-02 09:00:00,question
            T2,C2,2026-10-30 23:00:00,2026-11-01 09:00:00,,complaint
            T2,C2,2026-10-30 23:00:00,,,complaint
            T3,C3,2026-10-05 09:00:00,2026-10-05 08:00:00,,question
            T4,C4,2026-10-06 09:00:00,2026-10-06 12:00:00,2026-10-07 09:00:00,Complaint
            """,
        "traffic.csv": """
            date,channel,visits
            2026-09-30,官网,120
            2026-10-01,官网,130
            2026-10-01,广告,80
            2026-10-01,官网,5
            2026-10-02,广告,x
            2026-10-02,ADS,40
            """,
        "spend.csv": """
            month,channel,amount
            2026-09,广告,1000.00
            2026-10,广告,1200.00
            2026-10,官网,300.00
            2026-13,广告,10.00
            2026-10,Ads,100.00
            """,
        "targets.csv": """
            metric,period,target,dimension,value
            revenue,2026-10,2000,,
            new_customers,2026-Q4,6,,
            revenue,2026-10,500,region,华南
            """,
    ]

    /// Writes the snapshot into `folder`.
    static func write(to folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in files { try (text + "\n").write(toFile: folder + "/" + name, atomically: true, encoding: .utf8) }
    }
}
