import Foundation

/// A private PostgreSQL server (`scripts/test-postgres.sh`): a cluster in a temporary
/// folder on a free loopback port, run by an unprivileged user. `stop()` runs from
/// `deinit` too, so a failing test never leaves it running.
final class PostgresServer {
    let port: Int
    private let folder: String
    private var stopped = false

    static let script = CommandRunner.repository.appendingPathComponent("scripts/test-postgres.sh").path

    init() throws {
        // Short: the server's socket path must fit in 107 bytes.
        folder = "/tmp/rp-pg-" + UUID().uuidString.prefix(8)
        let result = try Self.script(["start", folder])
        guard result.status == 0, let port = Int(result.output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            _ = try? Self.script(["stop", folder])
            throw Failure("the test PostgreSQL server did not start (make test installs postgresql): \(result.output)")
        }
        self.port = port
    }

    /// A URL for the server's own superuser (local connections are trusted: no password).
    func url(database: String = "postgres", user: String = "postgres") -> String { "postgresql://\(user)@127.0.0.1:\(port)/\(database)" }

    /// Runs SQL through psql as the superuser, failing on the first error.
    @discardableResult
    func psql(_ sql: String, database: String = "postgres") throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/psql")
        process.arguments = ["-X", "-q", "-tA", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-p", "\(port)", "-U", "postgres", "-d", database, "-c", sql]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard process.terminationStatus == 0 else { throw Failure("psql: \(text)") }
        return text
    }

    func stop() {
        guard !stopped else { return }
        stopped = true
        _ = try? Self.script(["stop", folder])
    }

    deinit { stop() }

    /// Runs the script through `system(3)`, which waits for it itself: the server it starts
    /// outlives it, and Foundation's `Process` was seen to miss such a script's exit.
    private static func script(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let output = "/tmp/rp-pg-\(UUID().uuidString.prefix(8)).out"
        defer { unlink(output) }
        let command = ([script] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let status = system("/bin/bash \(command) > \(output) 2>&1 < /dev/null")
        let text = (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
        return (status == 0 ? 0 : 1, text)
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
        init(_ description: String) { self.description = description }
    }
}
