import Charts
import Delivery
import Foundation
import Metrics
import Pack
import Snapshot
import Yams

/// `pack.yaml`: everything a build is configured with, checked once before any work
/// starts. Every value not allowed is a ``ConfigProblem`` naming its line, key path and
/// what is allowed (exit 78).
public struct PackConfig: Sendable {
    /// The file it was read from, for messages.
    public var file = "pack.yaml"
    public var company = "ReviewPack"
    public var language = Language.zh
    public var timezone = "Asia/Shanghai"
    public var currency = "CNY"
    public var metrics = MetricsConfig()
    public var sections = PackOptions.allSections
    public var email = EmailSettings()
    public var site = SiteSettings()
    /// Sales rep (the `owner` column) → address, for `for_each: owner` audiences.
    public var owners: [String: Mailbox] = [:]
    /// Packs per role; empty: one pack for the whole company, published as before.
    public var audiences: [AudienceConfig] = []
    /// Customer columns read beyond the standard dimensions (named in dimensions or required_fields).
    public var extraDimensions: [String] = []
    /// The keys whose lists name customer columns, when given (a default names columns a file may lack).
    public var columnKeys: [(key: String, columns: [String])] = []
    /// Unreadable required values above this share of a table's rows fail the build.
    public var maxUnreadableShare = 0.01
    /// How each table is found in the company's own exports (`tables:`); empty: as the contract says.
    public var tables: [String: TableMapping] = [:]
    /// The PostgreSQL schema holding the tables (`schema:`); nil: the connection's current schema.
    public var schema: String?

    public init() {}

    /// The currencies the docs list, with their fraction digits.
    public static let currencyDigits = ["CNY": 2, "USD": 2, "EUR": 2, "GBP": 2, "HKD": 2, "JPY": 0]
    static let topKeys = ["company", "language", "timezone", "currency", "definitions", "funnel", "dimensions",
                          "required_fields", "sections", "alerts", "benchmarks", "email", "site", "owners", "audiences", "quality", "tables", "schema"]
    /// A configuration is a page of settings: more nodes than this (counting every alias
    /// expansion) is refused before it is read, so an alias bomb costs nothing.
    static let maxNodes = 10_000
    /// And so is a file larger than this.
    static let maxBytes = 1 << 20

    /// Reads and checks the file.
    public static func load(path: String) throws -> PackConfig {
        let bytes: [UInt8]
        switch RegularFile.read(path, limit: maxBytes) {
        case .success(let b): bytes = b
        case .failure(let reason): throw ConfigProblem(file: path, path: "", line: nil, column: nil, message: reason.description)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigProblem(file: path, path: "", line: nil, column: nil, message: "the file is not UTF-8 text")
        }
        return try parse(text, file: path)
    }

    public static func parse(_ text: String, file: String) throws -> PackConfig {
        func whole(_ message: String, line: Int? = nil, column: Int? = nil) -> ConfigProblem {
            ConfigProblem(file: file, path: "", line: line, column: column, message: message)
        }
        let composed: Node?
        do { composed = try Yams.compose(yaml: text) } catch let error as YamlError {
            let (line, column, problem) = Self.describe(error)
            throw whole("not valid YAML: \(problem)", line: line, column: column)
        } catch { throw whole("not valid YAML") }
        guard let composed else { return PackConfig() }
        var budget = maxNodes
        guard Self.fits(composed, budget: &budget) else {
            throw whole("the configuration expands to more than \(maxNodes) values (anchors and aliases included); it is refused")
        }
        let root = ConfigNode(node: composed, path: "", file: file)
        var config = PackConfig()
        config.file = file
        var catalog = MetricCatalog.standard
        let entries = try root.mapping(known: topKeys)
        // definitions first: retention_days decides which metric ids exist for alerts and benchmarks.
        if let d = entries.first(where: { $0.key == "definitions" }) {
            config.metrics.definitions = try DefinitionRule.read(d.value)
            catalog = MetricCatalog(definitions: config.metrics.definitions)
        }
        for (key, node) in entries {
            switch key {
            case "company": config.company = try node.string()
            case "language": config.language = Language(rawValue: try node.choice(["zh", "en"]))!
            case "timezone":
                let zone = try node.string()
                guard Zone(identifier: zone) != nil else { throw node.problem("\"\(zone)\" is not an IANA time zone name (e.g. Asia/Shanghai)") }
                config.timezone = zone
            case "currency":
                let code = try node.choice(currencyDigits.keys.sorted())
                config.currency = code
                config.metrics.currencyDigits = currencyDigits[code]!
            case "funnel": config.metrics.funnel = try funnel(node)
            case "dimensions":
                config.metrics.dimensions = try node.distinctStrings(maxLength: 64).map { $0.lowercased() }
                config.columnKeys.append((key, config.metrics.dimensions))
            case "required_fields":
                config.metrics.requiredFields = try node.distinctStrings(maxLength: 64).map { $0.lowercased() }
                config.columnKeys.append((key, config.metrics.requiredFields))
            case "sections":
                let known = PackOptions.allSections
                config.sections = try node.list().map { try $0.choice(known) }
                if let twice = Dictionary(grouping: config.sections, by: { $0 }).first(where: { $0.value.count > 1 })?.key {
                    throw node.problem("\"\(twice)\" is listed twice")
                }
            case "alerts": config.metrics.alerts = try node.list().map { try alert($0, catalog: catalog) }
            case "benchmarks":
                for (id, value) in try node.mapping() {
                    guard catalog[id] != nil else { throw value.problem("unknown metric; `reviewpack metrics` lists the ids") }
                    config.metrics.benchmarks[id] = try value.number(in: -1e12...1e12)
                }
            case "email": config.email = try EmailRules.email(node)
            case "site": config.site = try EmailRules.site(node)
            case "owners": config.owners = try EmailRules.owners(node)
            case "audiences": config.audiences = try AudienceRules.audiences(node)
            case "schema": config.schema = try node.string(maxLength: 63)
            case "quality":
                for (k, value) in try node.mapping(known: ["max_unreadable_share"]) where k == "max_unreadable_share" {
                    config.maxUnreadableShare = try value.number(in: 0...1, what: "a ratio")
                }
            default: break
            }
        }
        config.extraDimensions = (config.metrics.dimensions + config.metrics.requiredFields)
            .filter { !SnapshotOptions.standardDimensions.contains($0) }
        if let tables = entries.first(where: { $0.key == "tables" })?.value {
            config.tables = try TableRules.tables(tables, extraDimensions: config.extraDimensions)
        }
        try AudienceRules.check(config.audiences, dimensions: Set(SnapshotOptions.standardDimensions + config.extraDimensions))
        let addressing = config.email.addressing
        if !config.audiences.isEmpty, !(addressing.to + addressing.cc + addressing.bcc).isEmpty,
           let email = entries.first(where: { $0.key == "email" })?.value {
            throw email.problem("to, cc and bcc name the recipients of the single pack; with audiences, each audience names its own")
        }
        return config
    }

    /// Counts nodes, following every alias as the reader would expand it, and stops as soon as the budget is spent.
    static func fits(_ node: Node, budget: inout Int) -> Bool {
        budget -= 1
        guard budget >= 0 else { return false }
        switch node {
        case .scalar, .alias: return true
        case .sequence(let s):
            for item in s where !fits(item, budget: &budget) { return false }
            return true
        case .mapping(let m):
            for pair in m where !fits(pair.key, budget: &budget) || !fits(pair.value, budget: &budget) { return false }
            return true
        }
    }

    /// Line, column and the problem of a YAML syntax error, without the library's multi-line dump.
    static func describe(_ error: YamlError) -> (Int?, Int?, String) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _), let .composer(context, problem, mark, _):
            return (mark.line, mark.column, [context?.text, problem].compactMap { $0 }.joined(separator: " "))
        case let .reader(problem, _, _, _): return (nil, nil, problem)
        case let .duplicatedKeysInMapping(duplicates, context):
            return (context.mark.line, context.mark.column, "the key \(duplicates.sorted().joined(separator: ", ")) is given twice in one mapping")
        default: return (nil, nil, "the file cannot be parsed")
        }
    }

    static func funnel(_ node: ConfigNode) throws -> [FunnelStage] {
        let items = try node.list()
        guard !items.isEmpty else { throw node.problem("must list at least one {stage, label}") }
        let kinds = ["created", "qualified", "opportunity", "won"]
        var seen = Set<String>()
        return try items.map { item in
            let fields = try item.mapping(known: ["stage", "label"])
            guard let stageNode = fields.first(where: { $0.key == "stage" })?.value else { throw item.problem("needs a stage (\(kinds.joined(separator: ", ")))") }
            let stage = try stageNode.choice(kinds)
            guard seen.insert(stage).inserted else { throw stageNode.problem("the stage \(stage) is listed twice") }
            let label = try fields.first { $0.key == "label" }?.value.string(maxLength: 40) ?? stage
            return FunnelStage(kind: FunnelStage.Kind(rawValue: stage)!, label: label)
        }
    }

    static func alert(_ node: ConfigNode, catalog: MetricCatalog) throws -> AlertRule {
        let conditions: [(String, (Double) -> AlertRule.Condition)] = [("above", { .above($0) }), ("below", { .below($0) }),
                                                                       ("change_above", { .changeAbove($0) }), ("change_below", { .changeBelow($0) })]
        let fields = try node.mapping(known: ["metric", "dimension", "value", "severity"] + conditions.map(\.0))
        func field(_ k: String) -> ConfigNode? { fields.first { $0.key == k }?.value }
        guard let metricNode = field("metric") else { throw node.problem("a rule needs a metric") }
        let metric = try metricNode.string(maxLength: 64)
        guard catalog[metric] != nil else {
            let hint = Suggestion.nearest(to: metric, in: catalog.definitions.map(\.id)).map { "did you mean \"\($0)\"? " } ?? ""
            throw metricNode.problem("unknown metric \"\(metric)\"; \(hint)`reviewpack metrics` lists the ids")
        }
        let present = conditions.filter { field($0.0) != nil }
        guard present.count == 1, let (key, make) = present.first else {
            throw node.problem("give exactly one of above, below, change_above, change_below")
        }
        let threshold = try field(key)!.number(in: -1e12...1e12)
        let severity = try field("severity").map { AlertRule.Severity(rawValue: try $0.choice(AlertRule.Severity.allCases.map(\.rawValue)))! } ?? .medium
        var slice: Slice?
        switch (field("dimension"), field("value")) {
        case (nil, nil): break
        case let (d?, v?): slice = Slice(dimension: try d.string(maxLength: 64).lowercased(), value: try v.string())
        default: throw node.problem("a slice needs both dimension and value")
        }
        return AlertRule(metric: metric, slice: slice, condition: make(threshold), severity: severity)
    }
}
