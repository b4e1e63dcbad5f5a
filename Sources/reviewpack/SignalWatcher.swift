import ArgumentParser
import Foundation
import Pack

/// Turns SIGINT, SIGTERM and SIGHUP into a clean stop: one line on stderr, exit code
/// 128 + the signal's number, and no staging folder left in the site.
///
/// The three signals are blocked in every thread (the mask is set before any other
/// thread exists, and threads inherit it) and taken by one thread with `sigwait`, so
/// what a signal does is ordinary code rather than an async handler: it asks the build's
/// `Interruption`, which exits at once when nothing is staged, and otherwise lets the
/// publisher remove the staging folders and stop: after the file it is writing, or, for a
/// page staged while its PDF is drawn, when that pack is published.
enum SignalWatcher {
    static let names: [Int32: String] = [SIGHUP: "SIGHUP", SIGINT: "SIGINT", SIGTERM: "SIGTERM"]

    /// Starts watching; call it first, before anything starts a thread.
    static func start(_ interruption: Interruption, out: String) {
        var signals = sigset_t()
        sigemptyset(&signals)
        for signal in names.keys { sigaddset(&signals, signal) }
        pthread_sigmask(SIG_BLOCK, &signals, nil)
        let watched = signals
        Thread.detachNewThread {
            var signals = watched
            while true {
                var signal: Int32 = 0
                guard sigwait(&signals, &signal) == 0 else { continue }
                interruption.deliver(signal) {
                    Console.error(message(signal, out: out))
                    _exit(ExitCode.stopped(by: signal).rawValue)
                }
            }
        }
    }

    /// The line a stopped build ends with, whether it stopped at once or after unstaging.
    static func message(_ signal: Int32, out: String) -> String {
        "stopped by \(names[signal] ?? "signal \(signal)"); \(out) holds no half-published pack"
    }
}
