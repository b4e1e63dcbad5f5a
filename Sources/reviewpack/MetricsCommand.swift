import Configuration
import ArgumentParser
import Foundation
import Metrics

struct MetricsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metrics",
        abstract: "Lists the metric catalog: id, name, unit, direction and definition."
    )

    @Option(help: "Configuration file, for retention_days and the language.") var config: String?
    @Option(help: "zh or en (default: the configuration's, else en).") var language: String?

    func run() throws {
        var definitions = Definitions()
        var chinese = false
        if let config {
            guard FileManager.default.fileExists(atPath: config) else { throw fail("\(config): configuration file not found", .noInput) }
            do {
                let parsed = try PackConfig.load(path: config)
                definitions = parsed.metrics.definitions
                chinese = parsed.language == .zh
            } catch { throw fail("\(error)", .configError) }
        }
        if let language { chinese = language == "zh" }
        for d in MetricCatalog(definitions: definitions).definitions {
            let better = d.direction == .up ? "higher is better" : d.direction == .down ? "lower is better" : "no direction"
            print("\(d.id)\t\(d.name(chinese: chinese))\t\(d.unit.rawValue), \(d.aggregation.rawValue), \(better)")
            print("\t\(d.formula(chinese: chinese))")
        }
    }
}
