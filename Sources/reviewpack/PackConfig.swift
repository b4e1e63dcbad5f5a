import Charts
import Foundation
import Metrics
import Pack
import Snapshot
import Yams

/// `pack.yaml`: everything a build is configured with, checked before any work starts.
struct PackConfig {
    var company = "ReviewPack"
    var language = Language.zh
    var timezone = "Asia/Shanghai"
    var currency = "CNY"
    var metrics = MetricsConfig()
    var sections = PackOptions.allSections
    var email = EmailMessage.Addressing()
    var extraDimensions: [String] = []

    static let currencyDigits = ["CNY": 2, "USD": 2, "EUR": 2, "GBP": 2, "JPY": 0, "HKD": 2]
    static let knownKeys: Set<String> = ["company", "language", "timezone", "currency", "definitions", "funnel", "dimensions",
                                         "required_fields", "sections", "alerts", "benchmarks", "email"]

    struct Problem: Error, CustomStringConvertible {
        let file: String
        let message: String
        var description: String { "\(file): \(message)" }
    }

    /// Reads and checks the file; every problem names the key or rule it is about.
    static func load(path: String) throws -> PackConfig {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw Problem(file: path, message: "cannot read the configuration file")
        }
        return try parse(text, file: path)
    }

    static func parse(_ text: String, file: String) throws -> PackConfig {
        func problem(_ m: String) -> Problem { Problem(file: file, message: m) }
        let loaded: Any?
        do { loaded = try Yams.load(yaml: text) } catch { throw problem("not valid YAML: \(error)") }
        guard let root = loaded as? [String: Any] else { throw problem("expected a mapping of keys at the top level") }
        for key in root.keys.sorted() where !knownKeys.contains(key) {
            throw problem("unknown key \"\(key)\"; known keys: \(knownKeys.sorted().joined(separator: ", "))")
        }
        var config = PackConfig()
        if let v = root["company"] { config.company = "\(v)" }
        if let v = root["language"] {
            guard let l = Language(rawValue: "\(v)") else { throw problem("language must be zh or en, found \"\(v)\"") }
            config.language = l
        }
        if let v = root["timezone"] {
            guard Zone(identifier: "\(v)") != nil else { throw problem("timezone \"\(v)\" is not an IANA time zone name (e.g. Asia/Shanghai)") }
            config.timezone = "\(v)"
        }
        if let v = root["currency"] {
            let code = "\(v)".uppercased()
            guard let digits = currencyDigits[code] else { throw problem("currency \"\(v)\" is not supported; use one of \(currencyDigits.keys.sorted().joined(separator: ", "))") }
            config.currency = code
            config.metrics.currencyDigits = digits
        }
        if let v = root["definitions"] {
            guard let map = v as? [String: Any] else { throw problem("definitions must be a mapping") }
            config.metrics.definitions = try definitions(map, problem)
        }
        if let v = root["funnel"] {
            guard let list = v as? [[String: Any]], !list.isEmpty else { throw problem("funnel must be a list of {stage, label}") }
            config.metrics.funnel = try list.enumerated().map { i, item in
                guard let stage = item["stage"].map({ "\($0)" }), let kind = FunnelStage.Kind(rawValue: stage), kind != .visits else {
                    throw problem("funnel[\(i)]: stage must be one of created, qualified, opportunity, won")
                }
                return FunnelStage(kind: kind, label: item["label"].map { "\($0)" } ?? stage)
            }
        }
        if let v = root["dimensions"] {
            guard let list = v as? [Any] else { throw problem("dimensions must be a list of customer column names") }
            config.metrics.dimensions = list.map { "\($0)".lowercased() }
        }
        if let v = root["required_fields"] {
            guard let list = v as? [Any] else { throw problem("required_fields must be a list of customer column names") }
            config.metrics.requiredFields = list.map { "\($0)".lowercased() }
        }
        if let v = root["sections"] {
            guard let list = v as? [Any] else { throw problem("sections must be a list") }
            config.sections = try list.map { item in
                let s = "\(item)"
                guard PackOptions.allSections.contains(s) || ["value", "sales", "service"].contains(s) else {
                    throw problem("unknown section \"\(s)\"; sections: \(PackOptions.allSections.joined(separator: ", "))")
                }
                return s
            }
        }
        if let v = root["alerts"] {
            guard let list = v as? [[String: Any]] else { throw problem("alerts must be a list of rules") }
            let catalog = MetricCatalog(definitions: config.metrics.definitions)
            config.metrics.alerts = try list.enumerated().map { try alert($1, index: $0, catalog: catalog, problem) }
        }
        if let v = root["benchmarks"] {
            guard let map = v as? [String: Any] else { throw problem("benchmarks must map metric ids to numbers") }
            for (k, value) in map {
                guard let x = number(value) else { throw problem("benchmarks.\(k) must be a number") }
                config.metrics.benchmarks[k] = x
            }
        }
        if let v = root["email"] as? [String: Any] {
            config.email = EmailMessage.Addressing(from: v["from"].map { "\($0)" }, to: (v["to"] as? [Any])?.map { "\($0)" } ?? v["to"].map { ["\($0)"] } ?? [])
        }
        config.extraDimensions = (config.metrics.dimensions + config.metrics.requiredFields).filter { !SnapshotOptions.standardDimensions.contains($0) }
        let catalogProblems = config.metrics.validate()
        if let first = catalogProblems.first { throw problem(first) }
        return config
    }

    static func number(_ v: Any) -> Double? {
        if let d = v as? Double { return d }
        if let i = v as? Int { return Double(i) }
        return Double("\(v)")
    }

    static func definitions(_ map: [String: Any], _ problem: (String) -> Problem) throws -> Definitions {
        var d = Definitions()
        for (key, value) in map {
            func int() throws -> Int {
                guard let x = number(value), x == x.rounded(), x >= 1 else { throw problem("definitions.\(key) must be a whole number ≥ 1, found \(value)") }
                return Int(x)
            }
            func real(_ range: ClosedRange<Double>) throws -> Double {
                guard let x = number(value), range.contains(x) else { throw problem("definitions.\(key) must be a number in \(range.lowerBound)…\(range.upperBound), found \(value)") }
                return x
            }
            switch key {
            case "churn_after_days": d.churnAfterDays = try int()
            case "activation_days": d.activationDays = try int()
            case "conversion_days": d.conversionDays = try int()
            case "repeat_window_days": d.repeatWindowDays = try int()
            case "rfm_window_days": d.rfmWindowDays = try int()
            case "retention_days":
                guard let list = value as? [Any], let days = Optional(list.compactMap { number($0) }), days.count == list.count,
                      days.allSatisfy({ $0 >= 1 && $0 == $0.rounded() }) else {
                    throw problem("definitions.retention_days must be a list of whole numbers ≥ 1")
                }
                d.retentionDays = days.map { Int($0) }
            case "rfm_threshold":
                guard ["mean", "median"].contains("\(value)") else { throw problem("definitions.rfm_threshold must be mean or median") }
                d.rfmThresholdMedian = "\(value)" == "median"
            case "lead_response_sla_hours": d.leadResponseSLAHours = try real(0.001...100_000)
            case "ticket_sla_hours": d.ticketSLAHours = try real(0.001...100_000)
            case "gross_margin": d.grossMargin = try real(0...1)
            case "near_threshold": d.nearThreshold = try real(0...1)
            default: throw problem("definitions: unknown key \"\(key)\"")
            }
        }
        return d
    }

    static func alert(_ rule: [String: Any], index: Int, catalog: MetricCatalog, _ problem: (String) -> Problem) throws -> AlertRule {
        let metric = rule["metric"].map { "\($0)" } ?? ""
        let name = "alerts[\(index)] (metric: \(metric.isEmpty ? "?" : metric))"
        guard !metric.isEmpty else { throw problem("\(name): a rule needs a metric") }
        guard catalog[metric] != nil else { throw problem("\(name): unknown metric \"\(metric)\"; `reviewpack metrics` lists the ids") }
        let conditions: [(String, (Double) -> AlertRule.Condition)] = [("above", { .above($0) }), ("below", { .below($0) }),
                                                                       ("change_above", { .changeAbove($0) }), ("change_below", { .changeBelow($0) })]
        let present = conditions.filter { rule[$0.0] != nil }
        guard present.count == 1, let key = present.first, let threshold = number(rule[key.0]!) else {
            throw problem("\(name): give exactly one of above, below, change_above, change_below, with a number")
        }
        let severityText = rule["severity"].map { "\($0)" } ?? "medium"
        guard let severity = AlertRule.Severity(rawValue: severityText) else { throw problem("\(name): severity must be high, medium or low") }
        var slice: Slice?
        if rule["dimension"] != nil || rule["value"] != nil {
            guard let d = rule["dimension"], let v = rule["value"] else { throw problem("\(name): a slice needs both dimension and value") }
            slice = Slice(dimension: "\(d)".lowercased(), value: "\(v)")
        }
        for key in rule.keys where !["metric", "dimension", "value", "above", "below", "change_above", "change_below", "severity"].contains(key) {
            throw problem("\(name): unknown key \"\(key)\"")
        }
        return AlertRule(metric: metric, slice: slice, condition: key.1(threshold), severity: severity)
    }
}
