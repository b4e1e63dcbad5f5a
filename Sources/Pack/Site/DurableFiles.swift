import Foundation
import Metrics

/// The file operations publishing is made of, as POSIX calls: every file and folder is
/// flushed with fsync, so a pack reported as built survives a crash or power loss, and
/// every failure is a `PackError.cannotWrite` naming the path and strerror's reason
/// (a Foundation error would print as an unreadable NSCocoaErrorDomain dump).
public enum DurableFiles {
    /// Creates (or truncates) `path`, writes `bytes` and flushes them to disk (unless
    /// `flushed` is false: the caller flushes many files together, ``sync(files:)``).
    public static func write(_ bytes: [UInt8], to path: String, flushed: Bool = true) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw PackError.cannotWrite(path, errno: errno) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw PackError.cannotWrite(path, errno: errno)
            }
            written += n
        }
        guard !flushed || fsync(descriptor) == 0 else { throw PackError.cannotWrite(path, errno: errno) }
    }

    /// Flushes written files to disk, several at once: the file system then commits them
    /// together, where one after another each waited for its own commit (a month's 170
    /// files, and a backfill's 26 months of them, spent most of publishing waiting).
    public static func sync(files paths: [String]) throws {
        let threads = min(8, paths.count)
        // Each thread's failure and the place of its file: the first file's is thrown.
        let failures = ConcurrentSlots<(place: Int, PackError)?>(count: threads)
        let group = DispatchGroup()
        for k in 0..<threads {
            group.enter()
            // Threads of their own: they wait on the disk, not on a core, and a dispatch
            // queue keeps as many workers as there are cores.
            Thread {
                defer { group.leave() }
                failures.set(k, nil)
                for i in stride(from: k, to: paths.count, by: threads) {
                    let descriptor = open(paths[i], O_RDONLY | O_CLOEXEC)
                    guard descriptor >= 0 else { return failures.set(k, (i, PackError.cannotWrite(paths[i], errno: errno))) }
                    defer { close(descriptor) }
                    guard fsync(descriptor) == 0 else { return failures.set(k, (i, PackError.cannotWrite(paths[i], errno: errno))) }
                }
            }.start()
        }
        group.wait()
        if let failure = (0..<threads).compactMap({ failures.get($0) }).min(by: { $0.place < $1.place }) { throw failure.1 }
    }

    /// Creates the folder `path` and any missing folders above it (`mkdir -p`).
    public static func makeFolders(_ path: String) throws {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += "\(component)/"
            try makeFolder(String(prefix.dropLast()))
        }
    }

    /// Creates one folder; a folder already there is fine, anything else there is not.
    static func makeFolder(_ path: String) throws {
        guard mkdir(path, 0o777) != 0 else { return }
        let code = errno
        var status = stat()
        guard code == EEXIST, stat(path, &status) == 0 else { throw PackError.cannotWrite(path, errno: code) }
        guard status.st_mode & S_IFMT == S_IFDIR else { throw PackError.cannotWrite(path, errno: ENOTDIR) }
    }

    /// Flushes a folder's entries (names created, renamed or removed in it) to disk.
    public static func sync(folder path: String) throws {
        let descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw PackError.cannotWrite(path, errno: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw PackError.cannotWrite(path, errno: errno) }
    }

    /// Renames `source` to `destination`, replacing a file there in one step.
    public static func rename(_ source: String, to destination: String) throws {
        guard Glibc.rename(source, destination) == 0 else { throw PackError.cannotWrite(destination, errno: errno) }
    }

    /// Removes a file or a whole folder, as far as it can: used only on leftovers, whose
    /// removal failing must not fail a build (the next build tries again).
    static func remove(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    public static func exists(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0
    }
}
