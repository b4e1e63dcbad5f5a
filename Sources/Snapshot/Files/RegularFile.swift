import Foundation

/// Reads a whole regular file into one byte array, refusing anything else: a FIFO or a
/// device named like an input would block or never end, and a folder is a mistake.
public enum RegularFile {
    /// Why a file could not be read, as the end of a sentence that names it.
    public enum Problem: Error, CustomStringConvertible, Equatable {
        case system(String)
        case notRegular(String)
        case tooLarge(limit: Int)

        public var description: String {
            switch self {
            case .system(let reason): return "cannot read the file: \(reason)"
            case .notRegular(let kind): return "is \(kind), not a regular file"
            case .tooLarge(let limit): return "is larger than \(limit >> 20) MiB"
            }
        }
    }

    public static func read(_ path: String, limit: Int = Int.max) -> Result<[UInt8], Problem> {
        // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .failure(.notRegular("a folder"))
        case S_IFIFO: return .failure(.notRegular("a FIFO (named pipe)"))
        case S_IFSOCK: return .failure(.notRegular("a socket"))
        default: return .failure(.notRegular("a device"))
        }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(limit: limit)) }
        var failure: Problem?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            var done = 0
            while done < size {
                let n = Glibc.read(fd, buffer.baseAddress! + done, size - done)
                if n < 0, errno == EINTR { continue }
                if n < 0 { failure = .system(String(cString: strerror(errno))) }
                if n <= 0 { break }
                done += n
            }
            count = done
        }
        return failure.map { .failure($0) } ?? .success(bytes)
    }
}
