import ArgumentParser
import Configuration
import Foundation
import Snapshot
import Warehouse

/// `reviewpack load`: a folder's snapshot written into a SQLite file or a PostgreSQL schema.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Writes a folder's snapshot into a SQLite file or a PostgreSQL schema, to build packs from the database.",
        discussion: """
        Tables keep their names and columns as written. A timestamp column becomes \
        timestamptz when every value carries an offset and timestamp when none does, a money \
        column numeric and visits bigint, when every value fits; anything else stays text, so \
        a build from the database gives the same metrics.json as one from the folder. \
        Everything is written in one transaction: a failed load leaves nothing behind. \
        Exit codes: 0 loaded, 65 a table cannot be read or written, 66 an input is missing, \
        69 the database refused the connection, 78 pack.yaml is wrong.
        """
    )

    @Option(help: "The snapshot folder to load (<table>.csv files, or exports as tables: in pack.yaml maps them).") var data: String
    @Option(help: "Where to: a SQLite file (.sqlite, .sqlite3, .db; created when missing) or a PostgreSQL URL (postgresql://user@host/db).") var into: String
    @Option(help: "The PostgreSQL schema to write into (created when missing; default: schema: in pack.yaml, else the connection's search_path).") var schema: String?
    @Option(help: "Configuration file (default: DATA/pack.yaml when it exists).") var config: String?
    @Flag(help: "Replace tables that exist already.") var replace = false

    func run() throws {
        let defaultConfig = (data as NSString).appendingPathComponent("pack.yaml")
        let config = try config.map { try SnapshotArguments.loadConfig(path: $0) }
            ?? (FileManager.default.fileExists(atPath: defaultConfig) ? SnapshotArguments.loadConfig(path: defaultConfig) : PackConfig())
        let target: SnapshotLoader.Target
        switch DataLocation(into) {
        case .postgres(let conninfo): target = .postgres(conninfo: conninfo, schema: schema ?? config.schema)
        case .sqlite(let path): target = .sqlite(path: path)
        case .folder(let path): throw ValidationError("--into must be a SQLite file (.sqlite, .sqlite3, .db) or a postgresql:// URL, found the folder \(path)")
        }
        let loaded: [SnapshotLoader.Loaded]
        do {
            let options = try PackBuild.snapshotOptions(config: config, strict: false)
            loaded = try PackBuild.failing(config) { try SnapshotLoader(folder: data, options: options, replace: replace).load(into: target) }
        } catch let failure as PackBuild.Failure { throw failure.exit }
        for table in loaded {
            let typed = table.columns.filter { !["text", "TEXT"].contains($0.type) }.map { "\($0.name) \($0.type)" }
            print("\(table.table): \(table.rows) rows\(typed.isEmpty ? "" : " (" + typed.joined(separator: ", ") + ")")")
        }
    }
}
