import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Headless Chromium driven over the DevTools protocol through a pipe
/// (`--remote-debugging-pipe`: JSON messages ending in NUL, read from its fd 3 and written
/// to its fd 4), so a test needs no WebDriver, no port and no network.
final class DevToolsSession {
    struct Failure: Error, CustomStringConvertible { let description: String }

    private var pid: pid_t = 0
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private var buffer: [UInt8] = []
    private var lastId = 0
    private var session: String?
    private let profile: String
    /// Events received since they were last taken, for console errors and page loads.
    private var events: [[String: Any]] = []

    /// The chromium of the machine (Debian's `chromium`), or nil when it is not installed.
    static var chromium: String? {
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    init(chromium: String) throws {
        profile = NSTemporaryDirectory() + "reviewpack-chromium-\(UUID().uuidString)"
        var down: [Int32] = [0, 0], up: [Int32] = [0, 0]
        guard pipe(&down) == 0, pipe(&up) == 0 else { throw Failure(description: "pipe: \(errno)") }
        // Moved above fd 9 and closed on exec, so that placing them at 3 and 4 in the child clobbers nothing.
        let childRead = fcntl(down[0], F_DUPFD_CLOEXEC, 10), childWrite = fcntl(up[1], F_DUPFD_CLOEXEC, 10)
        toBrowser = fcntl(down[1], F_DUPFD_CLOEXEC, 10)
        fromBrowser = fcntl(up[0], F_DUPFD_CLOEXEC, 10)
        for fd in down + up { close(fd) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, childRead, 3)
        posix_spawn_file_actions_adddup2(&actions, childWrite, 4)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        // CI runs as root on a fresh machine: Chromium's sandbox cannot start there.
        let arguments = [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                         "--hide-scrollbars", "--mute-audio", "--remote-debugging-pipe", "--user-data-dir=\(profile)", "about:blank"]
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let status = posix_spawn(&pid, chromium, &actions, nil, argv, environ)
        close(childRead)
        close(childWrite)
        guard status == 0 else { throw Failure(description: "cannot start \(chromium): \(String(cString: strerror(status)))") }
        let target = try call("Target.createTarget", ["url": "about:blank"], inSession: false)
        let attached = try call("Target.attachToTarget", ["targetId": target["targetId"] as? String ?? "", "flatten": true], inSession: false)
        session = attached["sessionId"] as? String
        for domain in ["Page", "Runtime", "Log"] { _ = try call("\(domain).enable") }
    }

    deinit {
        close(toBrowser)
        close(fromBrowser)
        if pid > 0 {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        try? FileManager.default.removeItem(atPath: profile)
    }

    /// Sends a command and waits for its answer (`result`), keeping the events that arrive meanwhile.
    @discardableResult
    func call(_ method: String, _ params: [String: Any] = [:], inSession: Bool = true, timeout: Double = 30) throws -> [String: Any] {
        lastId += 1
        var message: [String: Any] = ["id": lastId, "method": method, "params": params]
        if inSession, let session { message["sessionId"] = session }
        var bytes = [UInt8](try JSONSerialization.data(withJSONObject: message))
        bytes.append(0)
        var sent = 0
        while sent < bytes.count {
            let n = bytes[sent...].withUnsafeBytes { write(toBrowser, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "\(method): chromium closed its pipe") }
            sent += n
        }
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let reply = try receive(until: deadline, waitingFor: method)
            if reply["id"] as? Int == lastId {
                if let error = reply["error"] { throw Failure(description: "\(method): \(error)") }
                return reply["result"] as? [String: Any] ?? [:]
            }
            events.append(reply)
        }
    }

    /// Waits for an event of this session named `method`.
    func wait(for method: String, timeout: Double = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        if let i = events.firstIndex(where: { $0["method"] as? String == method }) { events.remove(at: i); return }
        while true {
            let event = try receive(until: deadline, waitingFor: method)
            if event["method"] as? String == method { return }
            events.append(event)
        }
    }

    /// Opens `url` at a viewport `width` CSS pixels wide (a phone below 600) and waits until it has loaded.
    func open(_ url: URL, width: Int) throws {
        try call("Emulation.setDeviceMetricsOverride", ["width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600])
        events.removeAll()
        try call("Page.navigate", ["url": url.absoluteString])
        try wait(for: "Page.loadEventFired")
    }

    /// Light or dark `prefers-color-scheme`, applied to the open page at once.
    func colorScheme(_ scheme: String) throws {
        try call("Emulation.setEmulatedMedia", ["features": [["name": "prefers-color-scheme", "value": scheme]]])
    }

    /// The value of a JavaScript expression, as JSON-compatible data.
    func evaluate(_ expression: String) throws -> Any? {
        let result = try call("Runtime.evaluate", ["expression": expression, "returnByValue": true, "awaitPromise": true])
        if let exception = result["exceptionDetails"] { throw Failure(description: "script failed: \(exception)") }
        return (result["result"] as? [String: Any])?["value"]
    }

    /// Console errors, uncaught exceptions and failed loads reported since the page was opened.
    func consoleErrors() -> [String] {
        events.compactMap { event -> String? in
            let params = event["params"] as? [String: Any] ?? [:]
            switch event["method"] as? String {
            case "Runtime.consoleAPICalled" where ["error", "assert"].contains(params["type"] as? String ?? ""):
                return "console.\(params["type"]!): \((params["args"] as? [[String: Any]])?.compactMap { $0["value"] ?? $0["description"] } ?? [])"
            case "Runtime.exceptionThrown":
                return "exception: \((params["exceptionDetails"] as? [String: Any])?["text"] ?? params)"
            case "Log.entryAdded":
                let entry = params["entry"] as? [String: Any] ?? [:]
                return entry["level"] as? String == "error" ? "\(entry["source"] ?? "log"): \(entry["text"] ?? "") \(entry["url"] ?? "")" : nil
            default:
                return nil
            }
        }
    }

    private func receive(until deadline: Date, waitingFor method: String) throws -> [String: Any] {
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = Array(buffer[..<end])
                buffer.removeSubrange(...end)
                guard let object = try JSONSerialization.jsonObject(with: Data(message)) as? [String: Any] else { continue }
                return object
            }
            let left = deadline.timeIntervalSinceNow
            guard left > 0 else { throw Failure(description: "\(method): no answer from chromium in time") }
            var poller = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, Int32(min(left, 5) * 1000)) >= 0 else { throw Failure(description: "poll: \(errno)") }
            guard poller.revents != 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let n = chunk.withUnsafeMutableBytes { read(fromBrowser, $0.baseAddress, $0.count) }
            guard n > 0 else { throw Failure(description: "\(method): chromium closed its pipe") }
            buffer += chunk[..<n]
        }
    }
}
