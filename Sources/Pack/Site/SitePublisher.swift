import Foundation

/// Writes a month's files into the site atomically: everything goes into a staging
/// folder beside the destination, flushed to disk, which then takes the month folder's
/// place in one exchange of names (`FolderSwap`). A failure or a signal before the
/// exchange leaves the last good folder untouched and no staging folder behind; a build
/// killed outright (kill -9, power loss) leaves leftovers that the next build removes
/// (`removeLeftovers`), and never a missing or half-written month.
public struct SitePublisher {
    public let root: String
    let interruption: Interruption

    public init(root: String, interruption: Interruption = Interruption()) {
        self.root = root
        self.interruption = interruption
    }

    /// Publishes `files` (relative path → bytes) as the folder `name` under the root, with
    /// the files `keeping` names (relative paths) carried over from the folder published
    /// before: hard-linked, not written again, so changing one page of a month rewrites that
    /// page alone (copied where the file system has no hard links). A name in both is written.
    public func publish(folder name: String, files: [(String, [UInt8])], keeping: [String] = []) throws {
        try DurableFiles.makeFolders(root)
        let staging = path(Self.stagingName(of: name, pid: getpid()))
        try interruption.publishing {
            DurableFiles.remove(staging)
            do {
                try DurableFiles.makeFolder(staging)
                var folders = [staging], written: [String] = []
                for (relative, bytes) in files {
                    let file = (staging as NSString).appendingPathComponent(relative)
                    try makeParents(of: relative, in: staging, adding: &folders)
                    try DurableFiles.write(bytes, to: file, flushed: false)
                    written.append(file)
                    try interruption.check()
                }
                let named = Set(files.map(\.0))
                for relative in Set(keeping).subtracting(named).sorted() {
                    let (from, to) = ((path(name) as NSString).appendingPathComponent(relative), (staging as NSString).appendingPathComponent(relative))
                    try makeParents(of: relative, in: staging, adding: &folders)
                    if link(from, to) != 0 {
                        let code = errno
                        // Only a file system without hard links (or across devices) is copied to.
                        guard [EPERM, EXDEV, EMLINK, EOPNOTSUPP].contains(code) else { throw PackError.cannotWrite(from, errno: code) }
                        guard let data = FileManager.default.contents(atPath: from) else { throw PackError.cannotWrite(from, "cannot read it back to keep it") }
                        try DurableFiles.write([UInt8](data), to: to, flushed: false)
                        written.append(to)
                    }
                    try interruption.check()
                }
                try DurableFiles.sync(files: written)
                for folder in folders { try DurableFiles.sync(folder: folder) }
                try interruption.check()
                let old = try FolderSwap.replace(path(name), with: staging)
                try DurableFiles.sync(folder: root)
                if let old { DurableFiles.remove(old) }
            } catch {
                DurableFiles.remove(staging)
                throw error
            }
        }
    }

    /// Writes one file at the root atomically: a temporary file, flushed, then renamed.
    public func publish(file name: String, contents: [UInt8]) throws {
        try DurableFiles.makeFolders(root)
        let temporary = path(Self.temporaryName(of: name, pid: getpid()))
        try interruption.publishing {
            do {
                try DurableFiles.write(contents, to: temporary)
                try interruption.check()
                try DurableFiles.rename(temporary, to: path(name))
            } catch {
                DurableFiles.remove(temporary)
                throw error
            }
            try DurableFiles.sync(folder: root)
        }
    }

    /// The months already published (folders named `YYYY-MM` holding a metrics.json), newest first.
    public func publishedMonths() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { name in
            name.count == 7 && name.dropFirst(4).first == "-" && name.allSatisfy { $0.isNumber || $0 == "-" }
                && FileManager.default.fileExists(atPath: path("\(name)/metrics.json"))
        }.sorted(by: >)
    }

    func path(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }

    /// Creates the folders of `relative` inside `staging`, remembering them to flush later.
    private func makeParents(of relative: String, in staging: String, adding folders: inout [String]) throws {
        var folder = staging
        for component in relative.split(separator: "/").dropLast() {
            folder = (folder as NSString).appendingPathComponent(String(component))
            if !folders.contains(folder) {
                try DurableFiles.makeFolder(folder)
                folders.append(folder)
            }
        }
    }

    // MARK: - Temporary names (each also recognised by `removeLeftovers`)

    static func stagingName(of name: String, pid: pid_t) -> String { ".staging-\(name)-\(pid)" }

    static func temporaryName(of name: String, pid: pid_t) -> String { ".\(name).\(pid).tmp" }

    static func retiredName(of path: String, pid: pid_t) -> String { "\(path).old-\(pid)" }
}
