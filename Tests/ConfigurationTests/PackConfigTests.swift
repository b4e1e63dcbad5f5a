import Testing
@testable import Configuration
import Metrics
import Snapshot

/// Every value pack.yaml must refuse, with the place and what is allowed; none may trap.
@Suite struct PackConfigTests {
    func problem(_ yaml: String) -> ConfigProblem? {
        do {
            _ = try PackConfig.parse(yaml, file: "pack.yaml")
            return nil
        } catch let p as ConfigProblem {
            return p
        } catch {
            Issue.record("not a ConfigProblem: \(error)")
            return nil
        }
    }

    @Test(arguments: [
        ("definitions:\n  churn_after_days: .inf\n", "pack.yaml:2:21: definitions.churn_after_days: must be a whole number of days from 1 to 3650"),
        ("definitions:\n  churn_after_days: 1e20\n", "pack.yaml:2:21: definitions.churn_after_days: must be a whole number of days"),
        ("definitions:\n  churn_after_days: 3000000000\n", "definitions.churn_after_days: must be a whole number of days from 1 to 3650, found \"3000000000\""),
        ("definitions:\n  churn_after_days: 2.5\n", "definitions.churn_after_days: must be a whole number of days"),
        ("definitions:\n  churn_after_days: -1\n", "definitions.churn_after_days: must be a whole number of days"),
        ("definitions:\n  churn_after_days: .nan\n", "definitions.churn_after_days: must be a whole number of days"),
        ("definitions:\n  churn_after_days: thirty\n", "definitions.churn_after_days: must be a whole number of days"),
        ("definitions:\n  activation_days: 1e19\n", "definitions.activation_days: must be a whole number of days"),
        ("definitions:\n  retention_days: [2147483648]\n", "pack.yaml:2:20: definitions.retention_days[0]: must be a whole number of days"),
        ("definitions:\n  retention_days: [7, 7]\n", "pack.yaml:2:23: definitions.retention_days[1]: 7 is listed twice"),
        ("definitions:\n  retention_days: []\n", "definitions.retention_days: must list 1 to 12"),
        ("definitions:\n  retention_days: 7\n", "definitions.retention_days: expected a list"),
        ("definitions:\n  gross_margin: 1.5\n", "definitions.gross_margin: must be a ratio from 0 to 1"),
        ("definitions:\n  ticket_sla_hours: .inf\n", "definitions.ticket_sla_hours: must be a number of hours"),
        ("definitions:\n  rfm_threshold: mode\n", "definitions.rfm_threshold: must be one of mean, median"),
        ("definitions:\n  churn_days: 30\n", "pack.yaml:2:15: definitions.churn_days: unknown key"),
        ("company: [a, b]\n", "pack.yaml:1:10: company: expected text, found a list"),
        ("company: \"" + String(repeating: "x", count: 201) + "\"\n", "company: must be at most 200 characters, found 201"),
        ("company: \"A\\u001B[31mB\"\n", "company: must be one line of text without control characters"),
        ("currency: XYZ\n", "currency: must be one of CNY, EUR, GBP, HKD, JPY, USD"),
        ("language: fr\n", "language: must be one of zh, en"),
        ("timezone: Mars/Olympus\n", "timezone: \"Mars/Olympus\" is not an IANA time zone name"),
        ("alerts:\n  - {metric: churn_rate, above: .nan}\n", "alerts[0].above: must be a number"),
        ("alerts:\n  - {metric: churn_rate, above: 1, below: 2}\n", "alerts[0]: give exactly one of"),
        ("alerts:\n  - {metric: churn_rate, above: 1, severity: urgent}\n", "alerts[0].severity: must be one of high, medium, low"),
        ("alerts:\n  - {metric: churn_rate, above: 1, dimension: channel}\n", "alerts[0]: a slice needs both dimension and value"),
        ("alerts:\n  - {metric: win_ratio, above: 1}\n", "did you mean \"win_rate\"?"),
        ("benchmarks:\n  nps: 1e300\n", "benchmarks.nps: must be a number from -1000000000000 to 1000000000000"),
        ("benchmarks:\n  no_metric: 1\n", "benchmarks.no_metric: unknown metric"),
        ("dimensions: [channel, Channel]\n", "dimensions[1]: \"Channel\" is listed twice"),
        ("sections: [summary, summary]\n", "sections: \"summary\" is listed twice"),
        ("sections: [summry]\n", "sections[0]: must be one of summary"),
        ("funnel:\n  - {stage: created}\n  - {stage: created}\n", "funnel[1].stage: the stage created is listed twice"),
        ("funnel:\n  - {stage: visits}\n", "funnel[0].stage: must be one of created, qualified, opportunity, won"),
        ("email: {from: not-an-address}\n", "email.from: \"not-an-address\" is not an e-mail address"),
        ("email: {to: [a@example.com, b@@example.com]}\n", "email.to[1]: \"b@@example.com\" is not an e-mail address"),
        ("email: {smtp: {url: \"http://mail.example.com\"}}\n", "email.smtp.url: must be smtp://HOST[:PORT] (STARTTLS) or smtps://HOST[:PORT]"),
        ("email: {smtp: {url: \"smtp://mail.example.com\", user: a}}\n", "email.smtp: user and password_env go together"),
        ("email: {smtp: {url: \"smtps://mail.example.com\", tls: none}}\n", "email.smtp.tls: must be one of tls"),
        ("email: {smtp: {url: \"smtp://mail.example.com\", user: u, password_env: \"A-B\"}}\n", "email.smtp.password_env: must name an environment variable"),
        ("email: {smtp: {url: \"smtp://mail.example.com\", password: hunter2}}\n", "email.smtp.password: unknown key; known keys: url, tls, user, password_env"),
        ("email: {sendmail: sendmail -t}\n", "email.sendmail: must start with the command's absolute path"),
        ("email: {smtp: {url: \"smtp://mail.example.com\"}, sendmail: /usr/sbin/sendmail}\n", "email: give smtp or sendmail, not both"),
        ("email: {cc: [\"王总 <cfo@example>\"]}\n", "email.cc[0]: \"王总 <cfo@example>\" is not an e-mail address"),
        ("email: {reply_to: \"a@b@example.com\"}\n", "email.reply_to: \"a@b@example.com\" is not an e-mail address"),
        ("site: {url: \"ftp://files.example.com\"}\n", "site.url: must be the site's address, http:// or https://"),
        ("site: {personal_data: perhaps}\n", "site.personal_data: must be true or false"),
        ("owners: {张伟: nobody}\n", "owners.张伟: \"nobody\" is not an e-mail address"),
        ("audiences:\n  - {title: x}\n", "audiences[0]: an audience needs an id"),
        ("audiences:\n  - {id: \"a/b\"}\n", "audiences[0].id: must be a folder name of ASCII letters, digits, - and _"),
        ("audiences:\n  - {id: a}\n  - {id: A}\n", "audiences[1]: the id A is used twice"),
        ("audiences:\n  - {id: a, filter: {country: CN}}\n", "pack.yaml:2:5: audiences[0]: \"country\" is not a customer dimension"),
        ("audiences:\n  - {id: a, for_each: colour}\n", "\"colour\" is not a customer dimension"),
        ("audiences:\n  - {id: a, sections: [summary, nope]}\n", "audiences[0].sections[1]: must be one of summary"),
        ("audiences:\n  - {id: a, to: x}\n", "audiences[0].to: \"x\" is not an e-mail address"),
        ("audiences:\n  - {id: a, publish: maybe}\n", "audiences[0].publish: must be true or false"),
        ("email: {to: ceo@example.com}\naudiences:\n  - {id: a}\n", "email: to, cc and bcc name the recipients of the single pack"),
        ("quality: {max_unreadable_share: 2}\n", "quality.max_unreadable_share: must be a ratio from 0 to 1"),
        ("compnay: X\n", "compnay: unknown key; did you mean \"company\"?"),
        ("company: a\ncompany: b\n", "the key company is given twice"),
        ("- a\n- b\n", "pack.yaml:1:1: expected a mapping of keys, found a list"),
        ("company: [unclosed\n", "pack.yaml:2:1: not valid YAML"),
    ])
    func refused(_ yaml: String, _ expected: String) {
        guard let p = problem(yaml) else {
            Issue.record("accepted: \(yaml)")
            return
        }
        #expect(p.description.contains(expected), "\(p.description)")
    }

    @Test func anAliasBombIsRefusedAtOnce() {
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1...20 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let start = ContinuousClock.now
        let p = problem(yaml)
        #expect(p?.description.contains("expands to more than 10000 values") == true, "\(p?.description ?? "accepted")")
        #expect(ContinuousClock.now - start < .seconds(5))
    }

    @Test func aValidConfigurationIsReadWhole() throws {
        let config = try PackConfig.parse("""
            company: 示例科技
            language: en
            currency: JPY
            definitions: {churn_after_days: 60, retention_days: [1, 7, 30, 90], gross_margin: 0.4}
            dimensions: [channel, segment]
            alerts:
              - {metric: retention_d90, below: 0.2, severity: high, dimension: channel, value: 官网}
            benchmarks: {nps: 35}
            email: {from: "Review Pack <pack@example.com>", to: [ceo@example.com]}
            quality: {max_unreadable_share: 0.05}
            """, file: "pack.yaml")
        #expect(config.company == "示例科技")
        #expect(config.metrics.currencyDigits == 0)
        #expect(config.metrics.definitions.churnAfterDays == 60)
        #expect(config.metrics.definitions.retentionDays == [1, 7, 30, 90])
        #expect(config.metrics.alerts.first?.slice == Slice(dimension: "channel", value: "官网"))
        #expect(config.extraDimensions == ["segment"])
        #expect(config.email.addressing.to.map(\.address) == ["ceo@example.com"])
        #expect(config.email.addressing.from?.name == "Review Pack")
        #expect(config.maxUnreadableShare == 0.05)
        #expect(config.columnKeys.map(\.key) == ["dimensions"])
    }

    @Test func emailSiteAndAudiencesAreReadWhole() throws {
        let config = try PackConfig.parse("""
            dimensions: [channel, region, owner, segment]
            email:
              from: "Doe, John <reports@example.com>"
              reply_to: [analyst@example.com]
              smtp: {url: "smtps://mail.example.com:465", user: reports@example.com, password_env: RP_PASSWORD, timeout_seconds: 20}
            site: {url: "https://review.example.com", personal_data: true}
            owners: {张伟: 张伟 <zw@example.com>}
            audiences:
              - {id: leadership, title: 管理层, to: [ceo@example.com], bcc: audit@example.com}
              - {id: east, filter: {region: [华东, 华北], segment: big}, publish: false}
              - {id: rep, for_each: owner, sections: [summary, sales]}
            """, file: "pack.yaml")
        #expect(config.email.addressing.from?.name == "Doe, John")
        #expect(config.email.passwordVariable == "RP_PASSWORD")
        guard case .smtp(let smtp)? = config.email.transport else { Issue.record("no smtp"); return }
        #expect(smtp.security == .tls && smtp.timeoutSeconds == 20 && smtp.user == "reports@example.com" && smtp.password == nil)
        #expect(config.site.url == "https://review.example.com/" && config.site.personalData)
        #expect(config.owners["张伟"]?.address == "zw@example.com")
        #expect(config.audiences.map(\.id) == ["leadership", "east", "rep"])
        #expect(config.audiences[0].bcc.map(\.address) == ["audit@example.com"])
        #expect(config.audiences[1].filter.map(\.dimension) == ["region", "segment"] && config.audiences[1].filter[0].values == ["华东", "华北"])
        #expect(!config.audiences[1].publish)
        #expect(config.audiences[2].forEach == "owner" && config.audiences[2].sections == ["summary", "sales"])
    }

    @Test func suggestionsAreNearNotAny() {
        #expect(Suggestion.nearest(to: "compnay", in: ["company", "currency"]) == "company")
        #expect(Suggestion.nearest(to: "xyz", in: ["company", "currency"]) == nil)
    }
}

/// `tables:`: the mapping of a company's exports, read whole and refused where it is wrong.
@Suite struct TableMappingConfigTests {
    @Test func aMappingIsReadWithAllAsEveryTablesDefault() throws {
        let config = try PackConfig.parse("""
            tables:
              all: {encoding: gb18030, timestamps: "yyyy/M/d H:mm"}
              orders:
                file: 订单*.csv
                delimiter: ";"
                columns: {customer_id: 客户编号, amount: 金额}
                values: {status: {已付款: paid, Closed Won: PAID}}
                money: "1.234,50"
              customers: {delimiter: tab}
            """, file: "pack.yaml")
        let orders = try #require(config.tables["orders"])
        #expect(orders.file == "订单*.csv" && orders.encoding == .gb18030 && orders.delimiter == UInt8(ascii: ";"))
        #expect(orders.columns == ["customer_id": "客户编号", "amount": "金额"])
        #expect(orders.values == ["status": ["已付款": "paid", "Closed Won": "paid"]])
        #expect(orders.timestamps.map(\.text) == ["yyyy/M/d H:mm"] && orders.money.decimal == UInt8(ascii: ","))
        #expect(config.tables["customers"]?.delimiter == 9 && config.tables["customers"]?.encoding == .gb18030)
        #expect(config.tables["leads"]?.encoding == .gb18030 && config.tables["leads"]?.file == nil)
    }

    @Test(arguments: [
        ("tables:\n  order: {}\n", "tables.order: unknown key; did you mean \"orders\"?"),
        ("tables:\n  orders: {columns: {amout: Amount}}\n", "orders has no column amout; did you mean \"amount\"?"),
        ("tables:\n  orders: {columns: {amount: A, cost: A}}\n", "\"A\" is mapped to two columns"),
        ("tables:\n  orders: {values: {status: {Won: won}}}\n", "must be one of paid, refunded, cancelled"),
        ("tables:\n  orders: {values: {amount: {x: y}}}\n", "orders has no column amount whose words can be mapped"),
        ("tables:\n  orders: {timestamps: [YYYY-MM-dd]}\n", "week-based year"),
        ("tables:\n  orders: {money: lots}\n", "give an example of the export's money"),
        ("tables:\n  orders: {delimiter: \"|\"}\n", "must be \",\", \";\" or tab"),
        ("tables:\n  orders: {encoding: latin1}\n", "must be one of utf-8, gb18030, auto"),
        ("tables:\n  orders: {file: ../../etc/passwd}\n", "must not climb out with .."),
        ("tables:\n  all: {file: x.csv}\n", "tables.all.file: unknown key"),
    ])
    func mistakesAreNamedWithTheirKeyPath(_ yaml: String, _ expected: String) {
        do {
            _ = try PackConfig.parse(yaml, file: "pack.yaml")
            Issue.record("accepted: \(yaml)")
        } catch {
            #expect("\(error)".contains(expected), "\(error)")
        }
    }
}
