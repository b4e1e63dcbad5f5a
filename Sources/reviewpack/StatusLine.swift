import Foundation

/// What a long build is doing, on stderr: once it has run for a second, a bar redrawn in
/// place on a terminal, or one plain line per stage when stderr is a file or a pipe (cron
/// mail, logs); nothing with `--quiet`. Every other line of stderr goes through ``write(_:)``,
/// which clears the bar first, so a warning never lands in the middle of it.
final class StatusLine: @unchecked Sendable {
    enum Mode { case terminal, lines, quiet }

    private let lock = NSLock()
    private var mode: Mode = isatty(STDERR_FILENO) != 0 ? .terminal : .lines
    private let started = DispatchTime.now().uptimeNanoseconds
    private var stage = ""
    private var announced = ""
    private var fraction: Double?
    private var shown = false
    private var lastDraw: UInt64 = 0
    private var ticker: DispatchSourceTimer?

    static let delay: UInt64 = 1_000_000_000
    static let width = 24

    /// `--quiet`: only warnings and errors.
    func silence() { lock.withLock { mode = .quiet } }

    var isQuiet: Bool { lock.withLock { mode == .quiet } }

    /// A stage begins; on a terminal the bar then shows its elapsed time until it reports counts.
    func begin(_ name: String) {
        lock.withLock {
            stage = name
            fraction = nil
            if ticker == nil, mode != .quiet { startTicker() }
            show(force: true)
        }
    }

    /// `done` of `total` steps of the stage `name` are finished (from any thread).
    func advance(_ name: String, done: Int, of total: Int) {
        lock.withLock {
            if name != stage { (stage, fraction) = (name, nil); show(force: true) }
            fraction = total > 0 ? Double(done) / Double(total) : nil
            show(force: false)
        }
    }

    /// The work is over: the bar goes away.
    func end() {
        lock.withLock {
            ticker?.cancel()
            ticker = nil
            erase()
            stage = ""
        }
    }

    /// One line of stderr, below (never inside) the bar.
    func write(_ line: String) {
        lock.withLock {
            erase()
            FileHandle.standardError.write(Data((line + "\n").utf8))
            show(force: true)
        }
    }

    private func startTicker() {
        let timer = DispatchSource.makeTimerSource(queue: .global())
        timer.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250))
        timer.setEventHandler { [weak self] in self?.lock.withLock { self?.show(force: true) } }
        timer.resume()
        ticker = timer
    }

    /// Draws the stage (called with the lock held), at most ten times a second.
    private func show(force: Bool) {
        let now = DispatchTime.now().uptimeNanoseconds
        guard !stage.isEmpty, now - started >= Self.delay, force || now - lastDraw >= 100_000_000 else { return }
        lastDraw = now
        switch mode {
        case .quiet: return
        case .lines:
            guard stage != announced else { return }
            announced = stage
            FileHandle.standardError.write(Data("\(stage)…\n".utf8))
        case .terminal:
            let seconds = String(format: "%.0f s", Double(now - started) / 1e9)
            var text = "\(stage) "
            if let fraction {
                let filled = Int((fraction * Double(Self.width)).rounded(.down))
                text += "[" + String(repeating: "█", count: filled) + String(repeating: "·", count: Self.width - filled) + "] "
                    + String(format: "%3.0f %%", fraction * 100) + " · "
            }
            FileHandle.standardError.write(Data("\r\u{1B}[2K\(text)\(seconds)".utf8))
            shown = true
        }
    }

    /// Takes the bar off the terminal (called with the lock held).
    private func erase() {
        guard shown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8))
        shown = false
    }
}
