import ArgumentParser
import Charts
import Foundation
import Metrics
import Pack

/// `reviewpack explain churn_rate --month 2026-10 --slice channel=官网`: the definition,
/// the configuration it used, its inputs and the result, from the same computation as
/// the pack, so anyone can check a number by hand.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Shows how one metric is computed: definition, configuration, inputs and result."
    )

    @Argument(help: "Metric id (see `reviewpack metrics`).") var metric: String
    @OptionGroup var snapshot: SnapshotArguments
    @Option(help: "One slice, DIMENSION=VALUE (e.g. channel=官网).") var slice: String?

    func run() throws {
        let config = try snapshot.loadConfig()
        let catalog = MetricCatalog(definitions: config.metrics.definitions)
        guard let definition = catalog[metric] else {
            throw fail("unknown metric \"\(metric)\"; `reviewpack metrics` lists the ids", .configError)
        }
        var chosen: Slice?
        if let slice {
            let parts = slice.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else { throw ValidationError("--slice must be DIMENSION=VALUE, found \(slice)") }
            chosen = Slice(dimension: parts[0].lowercased(), value: parts[1])
        }
        let build = PackBuild(data: snapshot.data, config: config, months: MonthSelection(month: snapshot.month.flatMap(Month.init)), out: "", strict: snapshot.strict,
                              templatesFolder: "", assetsFolder: "")
        let report: Report
        do { (report, _) = try build.computeReport(everyMonthSliced: chosen != nil) } catch let failure as PackBuild.Failure { throw failure.exit }
        guard let result = report.metric(metric) else {
            let missing = report.unavailable.first { $0.id == metric }?.missingTable ?? "?"
            throw fail("\(metric) cannot be computed: the snapshot has no \(missing) table", .dataError)
        }
        let zh = config.language == .zh
        let format = NumberFormat(language: config.language, currency: config.currency)
        let kind = definition.unit.valueKind
        func show(_ v: Double?) -> String {
            guard let v else { return "no value (empty denominator)" }
            return "\(JSONValue.format(v))  (\(format.format(v, kind)))"
        }
        func plain(_ v: Double?) -> String { v.map { JSONValue.format($0) } ?? "no value" }
        let last = result.computed.count - 1
        let computed = result.computed[last]
        func pick(_ v: SlicedValue) -> Double?? {
            guard let chosen else { return .some(v.total) }
            return v.value(for: chosen)
        }
        guard let value = pick(computed.value) else {
            let dims = computed.value.slices.map(\.dimension).joined(separator: ", ")
            throw fail("\(metric) has no slice \(chosen!): it slices by \(dims.isEmpty ? "nothing" : dims), and the member must occur in the data", .configError)
        }
        print("\(definition.id) — \(definition.nameZh) / \(definition.nameEn)")
        print("definition: \(definition.formula(chinese: zh))")
        print("unit: \(definition.unit.rawValue) · better: \(definition.direction.rawValue) · sources: \(definition.sources.joined(separator: ", "))")
        let keys = config.metrics.definitions.keyValues.filter { definition.configKeys.contains($0.0) }
        var settings = keys.map { "\($0.0) = \($0.1)" }
        if definition.configKeys.contains("required_fields") { settings.append("required_fields = \(config.metrics.requiredFields)") }
        print("configuration: \(settings.isEmpty ? "none" : settings.joined(separator: ", ")) · time zone \(report.zone)")
        print("month: \(report.month) · scope: \(chosen.map { "\($0)" } ?? "whole company")")
        let width = max(computed.inputs.map(\.name.count).max() ?? 0, 5)
        for input in computed.inputs {
            print("  \(input.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(plain(pick(input.value) ?? nil))")
        }
        print("  \("value".padding(toLength: width, withPad: " ", startingAt: 0))  \(show(value))")
        if let t = result.target, chosen == nil {
            print("target (\(t.period)): \(plain(t.target)) · actual \(plain(t.actual)) · attainment \(plain(t.attainment)) · \(t.status?.rawValue ?? "no status")")
        }
        print("13 months: " + zip(result.months, result.computed).map { "\($0) \(plain(pick($1.value) ?? nil))" }.joined(separator: " · "))
        print("mom \(plain(result.change(from: last - 1, slice: chosen))) · yoy \(plain(result.change(from: last - 12, slice: chosen))) (\(definition.unit.changesInPoints ? "points" : "relative"))")
    }
}
