import Foundation
import Synchronization

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
        try publish(try stage(folder: name, files: files), keeping: keeping)
    }

    /// Writes `files` into the staging folder of `name` and flushes them, without publishing
    /// anything: a pack's page and charts are staged while its PDF is still being drawn. The
    /// staged folder is then published (``publish(_:adding:keeping:)``) or discarded
    /// (``discard(_:)``), and until then a signal waits for it (``Interruption``).
    public func stage(folder name: String, files: [(String, [UInt8])]) throws -> StagedFolder {
        try DurableFiles.makeFolders(root)
        try interruption.begin()
        let number = Self.stagings.add(1, ordering: .relaxed).newValue
        var staged = StagedFolder(root: root, name: name, path: path(Self.stagingName(of: name, pid: getpid(), number: number)))
        DurableFiles.remove(staged.path)
        do {
            try DurableFiles.makeFolder(staged.path)
            staged.folders = [staged.path]
            try write(files, into: &staged)
            try DurableFiles.sync(files: staged.written.map(staged.file))
            return staged
        } catch {
            discard(staged)
            throw error
        }
    }

    /// Adds `files` and the files `keeping` names (as ``publish(folder:files:keeping:)``) to
    /// a staged folder, flushes what was added and the folders, and puts the folder in place
    /// of the one published before. A failure leaves nothing staged, and one before the
    /// exchange leaves the published folder as it was; a signal that came meanwhile is
    /// thrown once the folder is published.
    public func publish(_ staged: StagedFolder, adding files: [(String, [UInt8])] = [], keeping: [String] = []) throws {
        var staged = staged
        do {
            let flushed = staged.written.count
            try write(files, into: &staged)
            for relative in Set(keeping).subtracting(staged.written).sorted() {
                let (from, to) = ((path(staged.name) as NSString).appendingPathComponent(relative), staged.file(relative))
                try makeParents(of: relative, in: &staged)
                if link(from, to) != 0 {
                    let code = errno
                    // Only a file system without hard links (or across devices) is copied to.
                    guard [EPERM, EXDEV, EMLINK, EOPNOTSUPP].contains(code) else { throw PackError.cannotWrite(from, errno: code) }
                    guard let data = FileManager.default.contents(atPath: from) else { throw PackError.cannotWrite(from, "cannot read it back to keep it") }
                    try DurableFiles.write([UInt8](data), to: to, flushed: false)
                    staged.written.append(relative)
                }
                try interruption.check()
            }
            try DurableFiles.sync(files: staged.written[flushed...].map(staged.file))
            for folder in staged.folders { try DurableFiles.sync(folder: folder) }
            try interruption.check()
            let old = try FolderSwap.replace(path(staged.name), with: staged.path)
            try DurableFiles.sync(folder: root)
            if let old { DurableFiles.remove(old) }
        } catch {
            discard(staged)
            throw error
        }
        try interruption.end()
    }

    /// Removes a staged folder that will not be published, and lets a signal end the build.
    public func discard(_ staged: StagedFolder) {
        DurableFiles.remove(staged.path)
        interruption.leave()
    }

    /// Writes `files` into the staging folder unflushed, seeing a signal after each.
    private func write(_ files: [(String, [UInt8])], into staged: inout StagedFolder) throws {
        for (relative, bytes) in files {
            try makeParents(of: relative, in: &staged)
            try DurableFiles.write(bytes, to: staged.file(relative), flushed: false)
            staged.written.append(relative)
            try interruption.check()
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

    /// Creates the folders of `relative` inside the staging folder, remembering them to flush later.
    private func makeParents(of relative: String, in staged: inout StagedFolder) throws {
        var folder = staged.path
        for component in relative.split(separator: "/").dropLast() {
            folder = (folder as NSString).appendingPathComponent(String(component))
            if !staged.folders.contains(folder) {
                try DurableFiles.makeFolder(folder)
                staged.folders.append(folder)
            }
        }
    }

    // MARK: - Temporary names (each also recognised by `removeLeftovers`)

    /// Each staging folder of the process has a name of its own: in a backfill a month may be
    /// staged while a neighbour's relinking publishes that month's previous folder again.
    static func stagingName(of name: String, pid: pid_t, number: Int) -> String { ".staging-\(name)-\(pid)-\(number)" }

    /// Staging folders made so far by this process.
    private static let stagings = Atomic<Int>(0)

    static func temporaryName(of name: String, pid: pid_t) -> String { ".\(name).\(pid).tmp" }

    static func retiredName(of path: String, pid: pid_t) -> String { "\(path).old-\(pid)" }
}
