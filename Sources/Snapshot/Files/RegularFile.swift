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
            case .system(let reason): return "cannot read the file: \(reason.prefix(1).lowercased() + reason.dropFirst())"
            case .notRegular(let kind): return "is \(kind), not a regular file"
            case .tooLarge(let limit): return "is larger than \(limit >> 20) MiB"
            }
        }
    }

    /// Maps the file (see ``MappedFile``): the way data files are read.
    public static func map(_ path: String) -> Result<MappedFile, Problem> {
        open(path, limit: Int.max).flatMap { fd, size in
            defer { close(fd) }
            guard let file = MappedFile(descriptor: fd, size: size) else { return .failure(.system(String(cString: strerror(errno)))) }
            return .success(file)
        }
    }

    /// Opens a regular file without blocking and returns it with its size.
    private static func open(_ path: String, limit: Int) -> Result<(Int32, Int), Problem> {
        // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
        let fd = Glibc.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.system(String(cString: strerror(errno)))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            close(fd)
            return .failure(.system(String(cString: strerror(errno))))
        }
        let problem: Problem?
        switch info.st_mode & S_IFMT {
        case S_IFREG: problem = Int(info.st_size) > limit ? .tooLarge(limit: limit) : nil
        case S_IFDIR: problem = .notRegular("a folder")
        case S_IFIFO: problem = .notRegular("a FIFO (named pipe)")
        case S_IFSOCK: problem = .notRegular("a socket")
        default: problem = .notRegular("a device")
        }
        if let problem {
            close(fd)
            return .failure(problem)
        }
        return .success((fd, Int(info.st_size)))
    }

    /// Reads the whole file into memory (small files such as `pack.yaml`).
    public static func read(_ path: String, limit: Int = Int.max) -> Result<[UInt8], Problem> {
        open(path, limit: limit).flatMap { fd, size in
            defer { close(fd) }
            return read(fd, size: size)
        }
    }

    private static func read(_ fd: Int32, size: Int) -> Result<[UInt8], Problem> {
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
