import Foundation

/// `OUT/.reviewpack.lock`, held with `flock(LOCK_EX)` for a whole build, so two builds
/// into one site take turns instead of racing over its folders, and a build may remove
/// the leftovers of dead builds knowing no live one is publishing. The kernel releases
/// the lock when the process ends, however it ends; the file stays (empty), since
/// removing a lock file lets a third build lock a new file while a second waits on the old.
public final class SiteLock {
    static let fileName = ".reviewpack.lock"

    /// Another build held the lock for longer than the caller would wait.
    public struct Busy: Error, CustomStringConvertible {
        public let path: String
        public let seconds: Double

        public var description: String {
            "\(path): another build into this folder still holds the lock after \(Self.format(seconds)) s; try again when it has finished"
        }

        public static func format(_ seconds: Double) -> String {
            seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
        }
    }

    let path: String
    private let descriptor: Int32

    /// Creates `root` if needed and takes its lock, waiting up to `timeout` seconds for a
    /// build that holds it; `waiting` is called once, when the wait begins.
    public init(root: String, timeout: Double, waiting: () -> Void) throws {
        try DurableFiles.makeFolders(root)
        path = (root as NSString).appendingPathComponent(Self.fileName)
        descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw PackError.cannotWrite(path, errno: errno) }
        let deadline = Date().addingTimeInterval(timeout)
        var announced = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            // A throw from here on closes the descriptor in deinit.
            guard code == EWOULDBLOCK || code == EINTR else { throw PackError.cannotWrite(path, errno: code) }
            guard Date() < deadline else { throw Busy(path: path, seconds: timeout) }
            if !announced {
                waiting()
                announced = true
            }
            usleep(50_000)
        }
    }

    deinit { if descriptor >= 0 { close(descriptor) } }
}
