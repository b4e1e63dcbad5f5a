import Foundation

/// Finds the `Templates/` and `Assets/` folders: an explicit option first, then
/// `REVIEWPACK_HOME`, then the folders above the executable (a source checkout), then
/// the current directory.
enum ResourceLocator {
    static func folder(_ name: String, explicit: String?) -> String? {
        if let explicit { return explicit }
        var candidates: [String] = []
        if let home = ProcessInfo.processInfo.environment["REVIEWPACK_HOME"] { candidates.append((home as NSString).appendingPathComponent(name)) }
        var dir = (CommandLine.arguments[0] as NSString).resolvingSymlinksInPath
        if !dir.hasPrefix("/") { dir = (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(dir) }
        for _ in 0..<6 {
            dir = (dir as NSString).deletingLastPathComponent
            candidates.append((dir as NSString).appendingPathComponent(name))
            candidates.append((dir as NSString).appendingPathComponent("share/reviewpack/\(name)"))
        }
        candidates.append((FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(name))
        return candidates.first { FileManager.default.fileExists(atPath: $0) }
    }
}
