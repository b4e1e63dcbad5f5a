import Foundation

/// A real SMTP server (`scripts/test-smtp-server.py`, aiosmtpd) on a free loopback port.
/// `stop()` runs from `deinit` too, so a failing test never leaves it running.
final class MailServer {
    let port: Int
    let maildir: String
    private let process: Process

    static let script = CommandRunner.repository.appendingPathComponent("scripts/test-smtp-server.py").path

    /// `implicitTLS`: TLS from the first byte (smtps://) rather than required STARTTLS.
    init(tls: (certificate: String, key: String)? = nil, implicitTLS: Bool = false, auth: (user: String, password: String)? = nil) throws {
        let folder = CommandRunner.temporaryFolder()
        maildir = folder + "/mail"
        let portFile = folder + "/port"
        var arguments = [Self.script, portFile, maildir]
        if let tls { arguments += [implicitTLS ? "--smtps" : "--tls", tls.certificate, tls.key] }
        if let auth { arguments += ["--auth", auth.user, auth.password] }
        process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        var port: Int?
        while port == nil, Date() < deadline, process.isRunning {
            port = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0) }
            if port == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        guard let port else {
            process.terminate()
            throw Failure("the test SMTP server did not start (is python3-aiosmtpd installed? make test installs it)")
        }
        self.port = port
    }

    /// SIGTERM, then SIGKILL when it has not ended within five seconds.
    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        let deadline = Date().addingTimeInterval(5)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { stop() }

    /// Every message received, oldest first: its envelope (from, to, tls, authenticated) and file.
    func received() -> [(envelope: [String: Any], path: String)] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: maildir)) ?? []).filter { $0.hasSuffix(".eml") }.sorted()
        return names.compactMap { name in
            let stem = maildir + "/" + name.dropLast(4)
            guard let data = FileManager.default.contents(atPath: stem + ".json"),
                  let envelope = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
            return (envelope, stem + ".eml")
        }
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}

/// A message read back with `scripts/mail-parts.py` (Python's own MIME parser).
struct MailParts {
    let headers: [String: String]
    let tree: [String]
    let text: String
    let html: String
    /// Content-ID → type and size.
    let images: [String: [String: Any]]
    let attachments: [[String: Any]]

    static let script = CommandRunner.repository.appendingPathComponent("scripts/mail-parts.py").path

    init(path: String, htmlOut: String? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = [Self.script, path] + (htmlOut.map { ["--html-out", $0] } ?? [])
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard let root = try JSONSerialization.jsonObject(with: data) as? [String: Any] else { throw MailServer.Failure("\(path) cannot be read back") }
        headers = root["headers"] as? [String: String] ?? [:]
        tree = root["tree"] as? [String] ?? []
        text = root["text"] as? String ?? ""
        html = root["html"] as? String ?? ""
        images = root["images"] as? [String: [String: Any]] ?? [:]
        attachments = root["attachments"] as? [[String: Any]] ?? []
    }

    /// The `cid:` references of the HTML part.
    var cidReferences: [String] {
        html.components(separatedBy: "cid:").dropFirst().map { String($0.prefix { $0 != "\"" && $0 != "'" }) }
    }
}
