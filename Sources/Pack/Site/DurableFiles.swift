import Foundation

/// The file operations publishing is made of, as POSIX calls: every file and folder is
/// flushed with fsync, so a pack reported as built survives a crash or power loss, and
/// every failure is a `PackError.cannotWrite` naming the path and strerror's reason
/// (a Foundation error would print as an unreadable NSCocoaErrorDomain dump).
public enum DurableFiles {
    /// Creates (or truncates) `path`, writes `bytes` and flushes them to disk.
    public static func write(_ bytes: [UInt8], to path: String) throws {
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
        guard fsync(descriptor) == 0 else { throw PackError.cannotWrite(path, errno: errno) }
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
