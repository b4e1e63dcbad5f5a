import ArgumentParser
import Configuration
import Delivery
import Foundation
import Pack

/// Sends a month's messages from the outbox: each recipient once (the outbox records who
/// was reached), Bcc taken from the configuration at send time, the Date restamped with
/// the moment of sending. Used by `send` and `build --send`.
struct MessageSending {
    let config: PackConfig
    let outbox: Outbox
    var resend = false
    var dryRun = false
    var lockTimeout = 600.0

    /// Sends (or, dry, lists) the month's messages; the exit is 69 or 75 when a recipient failed.
    func run(month: String?) throws {
        guard let month = month ?? outbox.latestMonth() else {
            throw fail("\(outbox.root) holds no built messages; run reviewpack build first", .noInput)
        }
        guard let entries = outbox.entries(month: month) else {
            throw fail("\(outbox.folder(month)) holds no built messages; run reviewpack build --month \(month) first", .noInput)
        }
        guard let from = config.email.addressing.from else {
            throw fail("\(config.file): email.from: sending needs a sender address", .configError)
        }
        let lock: SiteLock
        do {
            lock = try SiteLock(root: outbox.root, timeout: lockTimeout) { Console.progress("waiting for another send from \(outbox.root) to finish…") }
        } catch let busy as SiteLock.Busy {
            throw fail(busy.description, .temporaryFailure)
        } catch {
            throw fail("\(error)", .cannotCreate)
        }
        let session = dryRun ? nil : try openSession()
        var failures: [DeliveryOutcome] = []
        try withExtendedLifetime(lock) {
            for entry in entries {
                let file = outbox.messagePath(month, entry.name)
                let recipients = unique(entry.recipients + bcc(for: entry.audience))
                let reached = outbox.sent(month: month, name: entry.name)
                let pending = resend ? recipients : recipients.filter { !reached.contains($0.lowercased()) }
                let shown = "\(month)/\(entry.name).eml"
                if recipients.isEmpty {
                    Console.warning("\(shown) has no recipients (give the audience's to, or email.to); not sent")
                    continue
                }
                if pending.isEmpty {
                    Console.progress("\(shown) was already sent to all \(recipients.count) recipient\(recipients.count == 1 ? "" : "s"); --resend sends it again")
                    continue
                }
                guard let bytes = FileManager.default.contents(atPath: file).map({ [UInt8]($0) }) else {
                    throw fail("\(file): the message cannot be read; run reviewpack build --month \(month) again", .noInput)
                }
                guard let session else {
                    let skipped = recipients.count - pending.count
                    print("\(shown) (\(Self.size(bytes.count))) would go to \(pending.joined(separator: ", "))" + (skipped > 0 ? "; already sent to \(skipped) other\(skipped == 1 ? "" : "s")" : ""))
                    continue
                }
                let now = Int64(Date().timeIntervalSince1970)
                let date = MessageDate(instant: now, offset: Int64(TimeZone(identifier: config.timezone)?.secondsFromGMT(for: Date()) ?? 0))
                let message = MessageRestamp.redated(bytes, date)
                for recipient in pending {
                    let outcome = session.deliver(message, from: from.address, to: recipient)
                    switch outcome {
                    case .delivered:
                        Console.progress("sent \(shown) to \(recipient)")
                        do {
                            try outbox.recordSent(month: month, name: entry.name, recipient: recipient, date: date.header, messageID: Self.messageID(bytes))
                        } catch { throw fail("\(error)", .cannotCreate) }
                    case .failed(let reason, let temporary):
                        Console.error("\(shown) was not delivered to \(recipient): \(reason)\(temporary ? " (temporary; try again later)" : "")")
                        failures.append(outcome)
                    }
                }
            }
        }
        guard failures.isEmpty else {
            let temporary = failures.allSatisfy { if case .failed(_, true) = $0 { true } else { false } }
            Console.error("\(failures.count) deliver\(failures.count == 1 ? "y" : "ies") failed; sending again retries only those")
            throw temporary ? ExitCode.temporaryFailure : ExitCode.unavailable
        }
    }

    /// The SMTP or sendmail session, with the password read from the environment now.
    private func openSession() throws -> any DeliverySession {
        guard var transport = config.email.transport else {
            throw fail("\(config.file): email: names no way to send; add email.smtp (url, …) or email.sendmail", .configError)
        }
        if case .smtp(var settings) = transport, let variable = config.email.passwordVariable {
            guard let password = ProcessInfo.processInfo.environment[variable], !password.isEmpty else {
                throw fail("the environment variable \(variable) (email.smtp.password_env) is not set; it holds the SMTP password", .configError)
            }
            settings.password = password
            transport = .smtp(settings)
        }
        do { return try transport.session() } catch { throw fail("\(error)", .unavailable) }
    }

    /// Bcc of the audience the message was built for (or of `email:` for the single pack).
    private func bcc(for audience: String) -> [String] {
        guard !audience.isEmpty else { return config.email.addressing.bcc.map(\.address) }
        return config.audiences.first { $0.id == audience }?.bcc.map(\.address) ?? []
    }

    private func unique(_ addresses: [String]) -> [String] {
        var seen = Set<String>()
        return addresses.filter { seen.insert($0.lowercased()).inserted }
    }

    /// The Message-ID header of a built message, for the record.
    static func messageID(_ bytes: [UInt8]) -> String {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        guard let line = head.components(separatedBy: "\r\n").first(where: { $0.hasPrefix("Message-ID: ") }) else { return "" }
        return String(line.dropFirst("Message-ID: ".count))
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1_000_000 ? String(format: "%.1f MB", Double(bytes) / 1e6) : "\(bytes / 1000) kB"
    }
}
