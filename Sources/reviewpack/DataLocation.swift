import Foundation
import Warehouse

/// What `--data` names: a folder of files, a SQLite file, or a PostgreSQL database (a
/// `postgresql://` URI or libpq's `key=value` words).
enum DataLocation: Equatable {
    case folder(String)
    case sqlite(String)
    case postgres(String)

    init(_ data: String) {
        if PostgresSource.names(data) {
            self = .postgres(data)
            return
        }
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory)
        let suffix = (data as NSString).pathExtension.lowercased()
        if exists ? !isDirectory.boolValue : ["sqlite", "sqlite3", "db"].contains(suffix) {
            self = .sqlite(data)
        } else {
            self = .folder(data)
        }
    }

    /// Where `pack.yaml` and `notes/` are looked for when not given: the folder, the file's
    /// folder; nil for a server.
    var home: String? {
        switch self {
        case .folder(let path): return path
        case .sqlite(let path): return (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        case .postgres: return nil
        }
    }
}
