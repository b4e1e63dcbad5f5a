import Foundation

/// The files one table is read from: `<table>.csv` in the data folder, or what the
/// mapping's `file:` names there, a glob matching several (read in name order as one table).
struct TableFiles {
    /// (path, name for messages), in reading order.
    let files: [(path: String, name: String)]
    /// The file, or the pattern when several are read as one.
    let displayName: String

    /// nil when nothing matches.
    static func find(_ table: String, in folder: String, mapping: TableMapping) -> TableFiles? {
        let written = mapping.file ?? TableMapping.defaultFile(of: table)
        let pattern = written.hasPrefix("/") ? written : (folder as NSString).appendingPathComponent(written)
        let directory = (pattern as NSString).deletingLastPathComponent, last = (pattern as NSString).lastPathComponent
        // A name with glob characters that names a file as written (`客户[2025].csv`) is that file.
        guard last.contains(where: { "*?[".contains($0) }), !FileManager.default.fileExists(atPath: pattern) else {
            // Whatever is there is tried, so a folder or a FIFO under the name is named as such.
            guard FileManager.default.fileExists(atPath: pattern) || (try? FileManager.default.destinationOfSymbolicLink(atPath: pattern)) != nil else { return nil }
            return TableFiles(files: [(pattern, last)], displayName: last)
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { fnmatch(last, $0, 0) == 0 && !$0.hasPrefix(".") }
            .sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
        guard !names.isEmpty else { return nil }
        return TableFiles(files: names.map { ((directory as NSString).appendingPathComponent($0), $0) }, displayName: last)
    }
}
