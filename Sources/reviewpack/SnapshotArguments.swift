import Configuration
import ArgumentParser
import Foundation
import Metrics

/// The options every command that reads a snapshot shares.
struct SnapshotArguments: ParsableArguments {
    @Option(help: "The data: a folder of <table>.csv files (or a CRM's exports as tables: in pack.yaml maps them), a SQLite file, or a PostgreSQL URL (postgresql://user@host/db; the password from PGPASSWORD or ~/.pgpass).") var data: String
    @Option(help: "The PostgreSQL schema holding the tables (default: schema: in pack.yaml, else the connection's search_path).") var schema: String?
    @Option(help: "Configuration file (default: DATA/pack.yaml, or pack.yaml beside a SQLite file).") var config: String?
    @Option(help: "Report month YYYY-MM (default: the last complete month in the data).") var month: String?
    @Flag(help: "Treat any data-quality finding as an error.") var strict = false

    func validate() throws {
        try Self.checkMonth("--month", month)
    }

    /// Refuses a month option that is not `YYYY-MM` within the years a report may fall in.
    static func checkMonth(_ option: String, _ value: String?) throws {
        if let value, Month(value) == nil {
            throw ValidationError("\(option) must be YYYY-MM with a year from 1900 to 9998 and a month from 01 to 12, found \"\(value)\"")
        }
    }

    /// The parsed `pack.yaml`, or the exit a user should see.
    func loadConfig() throws -> PackConfig {
        var path = config
        if path == nil {
            guard let home = DataLocation(data).home else { throw fail("a database has no folder to find pack.yaml in; give --config FILE", .noInput) }
            path = (home as NSString).appendingPathComponent("pack.yaml")
        }
        var loaded = try Self.loadConfig(path: path!)
        if let schema { loaded.schema = schema }
        return loaded
    }

    static func loadConfig(path: String) throws -> PackConfig {
        guard FileManager.default.fileExists(atPath: path) else {
            throw fail("\(path): configuration file not found (give --config FILE)", .noInput)
        }
        do { return try PackConfig.load(path: path) } catch { throw fail("\(error)", .configError) }
    }
}
