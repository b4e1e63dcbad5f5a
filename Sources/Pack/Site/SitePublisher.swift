import Foundation

/// Writes a month's files into the site atomically: everything goes into a staging
/// folder beside the destination, which replaces the month's folder by rename only
/// when every file was written. A failed or interrupted build leaves the last good
/// pack untouched, and no staging folder behind.
public struct SitePublisher {
    public let root: String
    let fm = FileManager.default

    public init(root: String) { self.root = root }

    /// Publishes `files` (relative path → bytes) as the folder `name` under the root.
    public func publish(folder name: String, files: [(String, [UInt8])]) throws {
        try createRoot()
        let staging = (root as NSString).appendingPathComponent(".staging-\(name)-\(getpid())")
        let destination = (root as NSString).appendingPathComponent(name)
        try? fm.removeItem(atPath: staging)
        do {
            for (relative, bytes) in files {
                let path = (staging as NSString).appendingPathComponent(relative)
                try fm.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                guard fm.createFile(atPath: path, contents: Data(bytes)) else {
                    throw PackError.cannotWrite(path, "the file could not be created")
                }
            }
            try swap(staging, into: destination)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
    }

    /// Writes one file at the root atomically (temporary file, then rename).
    public func publish(file name: String, contents: [UInt8]) throws {
        try createRoot()
        let path = (root as NSString).appendingPathComponent(name)
        let temporary = (root as NSString).appendingPathComponent(".\(name).\(getpid()).tmp")
        guard fm.createFile(atPath: temporary, contents: Data(contents)) else { throw PackError.cannotWrite(temporary, "the file could not be created") }
        guard rename(temporary, path) == 0 else {
            try? fm.removeItem(atPath: temporary)
            throw PackError.cannotWrite(path, String(cString: strerror(errno)))
        }
    }

    private func createRoot() throws {
        do {
            try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        } catch {
            throw PackError.cannotWrite(root, error.localizedDescription)
        }
    }

    /// Puts `staging` where `destination` is; the old folder is removed only afterwards.
    private func swap(_ staging: String, into destination: String) throws {
        let retired = destination + ".old-\(getpid())"
        let hadOld = fm.fileExists(atPath: destination)
        if hadOld, rename(destination, retired) != 0 { throw PackError.cannotWrite(destination, String(cString: strerror(errno))) }
        if rename(staging, destination) != 0 {
            let reason = String(cString: strerror(errno))
            if hadOld { _ = rename(retired, destination) }
            throw PackError.cannotWrite(destination, reason)
        }
        if hadOld { try? fm.removeItem(atPath: retired) }
    }

    /// The months already published (folders named `YYYY-MM` holding a metrics.json), newest first.
    public func publishedMonths() -> [String] {
        let names = (try? fm.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { name in
            name.count == 7 && name.dropFirst(4).first == "-" && name.allSatisfy { $0.isNumber || $0 == "-" }
                && fm.fileExists(atPath: (root as NSString).appendingPathComponent("\(name)/metrics.json"))
        }.sorted(by: >)
    }
}
