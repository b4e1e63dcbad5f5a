import Foundation

/// A stop asked for by a signal (SIGINT, SIGTERM, SIGHUP), shared by the thread that
/// receives signals and the publisher, so that a signal never ends the process while a
/// staging folder exists.
///
/// While nothing is staged the receiving thread may exit at once: nothing half-written is
/// on disk. While a folder is being staged, the signal is only recorded; the publisher sees it
/// after the file it is writing, removes its staging folder and throws `Stopped`. A pack's
/// page is staged while its PDF is still being drawn: then the stop comes when the pack is
/// published, one drawing later at most. Both decisions are taken under one lock, so
/// publishing cannot begin after the receiving thread has decided to exit. (An async
/// signal handler could not do this: it may not take locks, and cannot remove a folder
/// tree while the main thread still writes into it.)
public final class Interruption: @unchecked Sendable {
    /// Thrown by the publisher when a signal stopped it; nothing it staged is left on disk.
    public struct Stopped: Error {
        public let signal: Int32
    }

    private let lock = NSLock()
    private var publishers = 0
    private var pending: Int32?

    public init() {}

    /// Called by the thread that received `signal`: runs `exit` (which ends the process)
    /// under the lock when nothing is being staged, else leaves the stop to the publisher.
    public func deliver(_ signal: Int32, exit: () -> Void) {
        lock.lock()
        defer { lock.unlock() }
        if publishers == 0 { exit() } else if pending == nil { pending = signal }
    }

    /// Runs `body`, which stages and publishes something, unless a signal came first; a
    /// signal that comes during `body` is thrown when `body` has finished (whole or undone).
    func publishing(_ body: () throws -> Void) throws {
        try begin()
        do {
            try body()
        } catch {
            leave()
            throw error
        }
        try end()
    }

    /// Throws `Stopped` when a signal has come: the publisher calls it after each file.
    func check() throws {
        lock.lock()
        defer { lock.unlock() }
        if let pending { throw Stopped(signal: pending) }
    }

    /// Something is being staged from now on, unless a signal came first (thrown then): a
    /// signal only waits until ``end()`` or ``leave()``.
    func begin() throws {
        lock.lock()
        defer { lock.unlock() }
        if let pending { throw Stopped(signal: pending) }
        publishers += 1
    }

    /// What was staged is published: a signal that came meanwhile is thrown now.
    func end() throws {
        leave()
        try check()
    }

    /// What was staged is published or removed.
    func leave() {
        lock.lock()
        publishers -= 1
        lock.unlock()
    }
}
