import Foundation
import Testing

/// Sends the sample month through a real SMTP server on loopback (plain, then STARTTLS
/// with AUTH) and through a sendmail command, and reads back what arrived.
@Suite(.serialized) struct DeliveryEndToEndTests {
    static let recipients: Set<String> = ["ceo@example.com", "cfo@example.com", "audit@example.com"]

    /// Every recipient got exactly one message: From, To (no Bcc), Date, Message-ID;
    /// HTML whose cid: references all exist; text with the headline figures; the PDF as built.
    func checkArrivals(_ server: MailServer, site: String, tls: Bool, file: String = #filePath, line: Int = #line) throws {
        let arrived = server.received()
        let envelopes = arrived.flatMap { $0.envelope["to"] as? [String] ?? [] }
        #expect(envelopes.count == 3 && Set(envelopes) == Self.recipients, "\(envelopes)")
        let pdfHash = try #require(DeliveryFixture.sha256(site + "/2026-10/pack.pdf"))
        let metrics = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: site + "/2026-10/metrics.json"))) as? [String: Any]
        let values = metrics?["metrics"] as? [String: [String: Any]] ?? [:]
        for (envelope, path) in arrived {
            #expect(envelope["tls"] as? Bool == tls)
            let mail = try MailParts(path: path)
            #expect(mail.headers["From"] == "示例科技经营分析 <reports@example.com>")
            #expect(mail.headers["To"] == "ceo@example.com, 王总 <cfo@example.com>")
            #expect(mail.headers["Reply-To"] == "analyst@example.com")
            #expect(mail.headers["Bcc"] == nil)
            #expect(mail.headers["Subject"] == "示例科技 · 客户增长月度报告 · 2026年10月")
            #expect(mail.headers["Message-ID"]?.hasSuffix("@example.com>") == true)
            #expect(mail.headers["Date"] != nil)
            #expect(mail.tree == ["multipart/mixed", "  multipart/related", "    multipart/alternative", "      text/plain", "      text/html",
                                  "    image/png", "    image/png", "    image/png", "    image/png", "  application/pdf"])
            let references = mail.cidReferences
            #expect(references.count == 4 && references.allSatisfy { mail.images[$0] != nil }, "\(references) vs \(mail.images.keys)")
            for id in ["new_customers", "live_customers"] {
                let value = try #require(values[id]?["value"] as? Int)
                #expect(mail.text.contains(value.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))), "\(id) \(value) not in the text part")
            }
            #expect(mail.text.contains("https://review.example.com/packs/2026-10/"))
            #expect(mail.text.contains("十月要点"), "the commentary is missing from the text part")
            let pdf = try #require(mail.attachments.first { $0["type"] as? String == "application/pdf" })
            #expect(pdf["sha256"] as? String == pdfHash)
            #expect(pdf["filename"] as? String == "pack-2026-10.pdf")
        }
    }

    @Test func sendsTheSampleMonthOverPlainSMTPOncePerRecipient() throws {
        let (site, outbox) = try DeliveryFixture.outboxCopy()
        let server = try MailServer()
        defer { server.stop() }
        let config = try DeliveryFixture.config(DeliveryFixture.settings(transport: "smtp: {url: \"smtp://127.0.0.1:\(server.port)\", tls: none}"),
                                                in: CommandRunner.temporaryFolder())
        let dry = try CommandRunner.run(["send", "--data", CommandRunner.sampleData, "--config", config, "--outbox", outbox, "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("would go to ceo@example.com, cfo@example.com, audit@example.com"), "\(dry.stdout)")
        #expect(server.received().isEmpty)

        let sent = try CommandRunner.run(["send", "--data", CommandRunner.sampleData, "--config", config, "--outbox", outbox])
        #expect(sent.status == 0, "\(sent.stderr)")
        try checkArrivals(server, site: site, tls: false)

        // A month is not sent twice unless asked.
        let again = try CommandRunner.run(["send", "--data", CommandRunner.sampleData, "--config", config, "--outbox", outbox])
        #expect(again.status == 0)
        #expect(again.stderr.contains("already sent to all 3 recipients"), "\(again.stderr)")
        #expect(server.received().count == 3)
        let resent = try CommandRunner.run(["send", "--data", CommandRunner.sampleData, "--config", config, "--outbox", outbox, "--resend"])
        #expect(resent.status == 0)
        #expect(server.received().count == 6)
    }

    /// A throwaway certificate for 127.0.0.1 in `folder`; the tests trust it explicitly (ca_file), and curl still checks it.
    func certificate(in folder: String) throws {
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", folder + "/key.pem", "-out", folder + "/cert.pem",
                             "-days", "2", "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        #expect(openssl.terminationStatus == 0)
    }

    @Test func sendsOverSTARTTLSWithAuthAndATrustedTestCertificate() throws {
        let (site, outbox) = try DeliveryFixture.outboxCopy()
        let folder = CommandRunner.temporaryFolder()
        try certificate(in: folder)
        let server = try MailServer(tls: (folder + "/cert.pem", folder + "/key.pem"), auth: ("reviewpack", "s3cret-Ω"))
        defer { server.stop() }
        let smtp = "smtp: {url: \"smtp://127.0.0.1:\(server.port)\", user: reviewpack, password_env: RP_TEST_SMTP_PASSWORD, ca_file: \"\(folder)/cert.pem\"}"
        let config = try DeliveryFixture.config(DeliveryFixture.settings(transport: smtp), in: folder)
        let noPassword = try CommandRunner.run(["send", "--data", CommandRunner.sampleData, "--config", config, "--outbox", outbox])
        #expect(noPassword.status == 78)
        #expect(noPassword.stderr.contains("RP_TEST_SMTP_PASSWORD"))
        // A wrong password is refused by the server (535): for good (69), nothing sent, the password never shown.
        let refused = try CommandRunner.run(["send", "--data", CommandRunner.sampleData, "--config", config, "--outbox", outbox],
                                            environment: ["RP_TEST_SMTP_PASSWORD": "wrong-Ω-guess"])
        #expect(refused.status == 69, "\(refused.stderr)")
        #expect(!refused.stderr.contains("wrong-Ω-guess") && !refused.stdout.contains("wrong-Ω-guess"))
        #expect(server.received().isEmpty)
        let sent = try CommandRunner.run(["send", "--data", CommandRunner.sampleData, "--config", config, "--outbox", outbox],
                                         environment: ["RP_TEST_SMTP_PASSWORD": "s3cret-Ω"])
        #expect(sent.status == 0, "\(sent.stderr)")
        try checkArrivals(server, site: site, tls: true)
        #expect(server.received().allSatisfy { $0.envelope["authenticated"] as? Bool == true })
    }

    @Test func sendsOverImplicitTLS() throws {
        let (site, outbox) = try DeliveryFixture.outboxCopy()
        let folder = CommandRunner.temporaryFolder()
        try certificate(in: folder)
        let server = try MailServer(tls: (folder + "/cert.pem", folder + "/key.pem"), implicitTLS: true)
        defer { server.stop() }
        let smtp = "smtp: {url: \"smtps://127.0.0.1:\(server.port)\", ca_file: \"\(folder)/cert.pem\"}"
        let config = try DeliveryFixture.config(DeliveryFixture.settings(transport: smtp), in: folder)
        let sent = try CommandRunner.run(["send", "--data", CommandRunner.sampleData, "--config", config, "--outbox", outbox])
        #expect(sent.status == 0, "\(sent.stderr)")
        try checkArrivals(server, site: site, tls: true)
        // Without trusting the test's certificate the server is refused, for good (69).
        let untrusted = try DeliveryFixture.config(DeliveryFixture.settings(transport: "smtp: {url: \"smtps://127.0.0.1:\(server.port)\"}"),
                                                   in: CommandRunner.temporaryFolder())
        let refused = try CommandRunner.run(["send", "--data", CommandRunner.sampleData, "--config", untrusted, "--outbox", outbox, "--resend"])
        #expect(refused.status == 69, "\(refused.stderr)")
        #expect(server.received().count == 3)
    }

    @Test func eachFailedRecipientIsReportedAndRetriedAlone() throws {
        let (_, outbox) = try DeliveryFixture.outboxCopy()
        let server = try MailServer()
        defer { server.stop() }
        let folder = CommandRunner.temporaryFolder()
        let smtp = "smtp: {url: \"smtp://127.0.0.1:\(server.port)\", tls: none}"
        // Bcc comes from the configuration at send time: a 451 recipient is temporary (75) ...
        let later = try DeliveryFixture.config(DeliveryFixture.settings(bcc: "later@example.com", transport: smtp), in: folder)
        let first = try CommandRunner.run(["send", "--data", CommandRunner.sampleData, "--config", later, "--outbox", outbox])
        #expect(first.status == 75, "\(first.stderr)")
        #expect(first.stderr.contains("not delivered to later@example.com"))
        #expect(server.received().count == 2)
        // ... a 550 one is not (69), and the recipients already reached are not sent to again.
        let refused = try DeliveryFixture.config(DeliveryFixture.settings(bcc: "later@example.com, refused@example.com", transport: smtp),
                                                 in: CommandRunner.temporaryFolder())
        let second = try CommandRunner.run(["send", "--data", CommandRunner.sampleData, "--config", refused, "--outbox", outbox])
        #expect(second.status == 69, "\(second.stderr)")
        #expect(second.stderr.contains("not delivered to refused@example.com"))
        #expect(server.received().count == 2)
    }

    @Test func aSendmailCommandGetsOneRunPerRecipient() throws {
        let (site, outbox) = try DeliveryFixture.outboxCopy()
        let folder = CommandRunner.temporaryFolder()
        let fake = folder + "/sendmail"
        try """
            #!/bin/sh
            # Records its arguments and the message, as a sendmail would accept them.
            n=$(ls "\(folder)" | grep -c '^run-')
            printf '%s\\n' "$@" > "\(folder)/run-$n.args"
            cat > "\(folder)/run-$n.eml"
            """.write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        let config = try DeliveryFixture.config(DeliveryFixture.settings(transport: "sendmail: \(fake) -oi"), in: folder)
        let sent = try CommandRunner.run(["send", "--data", CommandRunner.sampleData, "--config", config, "--outbox", outbox])
        #expect(sent.status == 0, "\(sent.stderr)")
        let runs = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".args") }.sorted()
        #expect(runs.count == 3)
        let recipients = try runs.map { try String(contentsOfFile: folder + "/" + $0, encoding: .utf8).split(separator: "\n").last.map(String.init) ?? "" }
        #expect(Set(recipients) == Self.recipients)
        let args = try String(contentsOfFile: folder + "/" + runs[0], encoding: .utf8).split(separator: "\n")
        #expect(Array(args.prefix(5)) == ["-oi", "-i", "-f", "reports@example.com", "--"])
        let mail = try MailParts(path: folder + "/run-0.eml")
        #expect(mail.attachments.first?["sha256"] as? String == DeliveryFixture.sha256(site + "/2026-10/pack.pdf"))
    }

    @Test func buildSendBuildsThenSends() throws {
        let server = try MailServer()
        defer { server.stop() }
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let config = try DeliveryFixture.config(DeliveryFixture.settings(transport: "smtp: {url: \"smtp://127.0.0.1:\(server.port)\", tls: none}"), in: folder)
        let result = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--config", config, "--out", folder + "/site", "--send"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.received().count == 3)
        #expect(FileManager.default.fileExists(atPath: folder + "/site.outbox/2026-10/pack.sent"))
    }
}
