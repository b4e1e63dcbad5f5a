import Foundation

/// The sample month built once with sender and recipients, for the delivery and
/// rendering tests: each test copies the outbox, so sent records never cross tests.
enum DeliveryFixture {
    /// The sample's pack.yaml without its e-mail and site settings, plus `email`.
    static func config(_ email: String, in folder: String) throws -> String {
        let sample = try String(contentsOfFile: CommandRunner.sampleData + "/pack.yaml", encoding: .utf8)
        let kept = sample.components(separatedBy: "\nemail:")[0]
        let path = folder + "/pack.yaml"
        try (kept + "\n" + email + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// The sender and recipients the tests expect, with the Bcc and the way of sending given.
    static func settings(bcc: String = "audit@example.com", transport: String? = nil) -> String {
        """
        site: {url: "https://review.example.com/packs/"}
        email:
          from: 示例科技经营分析 <reports@example.com>
          to: [ceo@example.com, "王总 <cfo@example.com>"]
          bcc: [\(bcc)]
          reply_to: analyst@example.com
        """ + (transport.map { "\n  " + $0 } ?? "")
    }

    /// (site, outbox) of the shared build, or a failure message.
    static let built: Result<(site: String, outbox: String), MailServer.Failure> = {
        let folder = CommandRunner.temporaryFolder()
        do {
            let config = try Self.config(settings(), in: folder)
            let result = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--config", config, "--out", folder + "/site"])
            guard result.status == 0 else { return .failure(MailServer.Failure("build failed: \(result.stderr)")) }
            return .success((folder + "/site", folder + "/site.outbox"))
        } catch {
            return .failure(MailServer.Failure("\(error)"))
        }
    }()

    /// A fresh copy of the shared outbox, so this test's sends are its own.
    static func outboxCopy() throws -> (site: String, outbox: String) {
        let (site, outbox) = try built.get()
        let copy = CommandRunner.temporaryFolder() + "/outbox"
        try FileManager.default.copyItem(atPath: outbox, toPath: copy)
        return (site, copy)
    }

    static func sha256(_ path: String) -> String? {
        CommandRunner.tool("sha256sum", [path])?.split(separator: " ").first.map(String.init)
    }
}
