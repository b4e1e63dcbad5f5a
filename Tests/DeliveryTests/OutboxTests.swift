import Foundation
import Testing
@testable import Delivery

@Suite struct OutboxTests {
    @Test func messagesIndexAndSentRecordsRoundTrip() throws {
        let root = NSTemporaryDirectory() + "reviewpack-outbox-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let outbox = Outbox(root: root)
        #expect(outbox.latestMonth() == nil)
        let entries = [Outbox.Entry(name: "leadership", audience: "leadership", recipients: ["a@example.com", "b@example.com"]),
                       Outbox.Entry(name: "rep-张伟", audience: "rep", recipients: [])]
        try outbox.write(month: "2026-09", messages: entries.map { ($0, [1]) })
        try outbox.write(month: "2026-10", messages: entries.map { ($0, Array("m".utf8)) })
        #expect(outbox.latestMonth() == "2026-10")
        #expect(outbox.entries(month: "2026-10") == entries)
        #expect(FileManager.default.contents(atPath: outbox.messagePath("2026-10", "rep-张伟")) == Data("m".utf8))
        try outbox.recordSent(month: "2026-10", name: "leadership", recipient: "A@example.com", date: "d", messageID: "<id>")
        #expect(outbox.sent(month: "2026-10", name: "leadership") == ["a@example.com"])
        // Rebuilding keeps what was sent.
        try outbox.write(month: "2026-10", messages: entries.map { ($0, Array("n".utf8)) })
        #expect(outbox.sent(month: "2026-10", name: "leadership") == ["a@example.com"])
    }

    @Test func anUnreachableServerIsATemporaryFailure() throws {
        // Port 9 on loopback: nothing listens, the connection is refused at once.
        let session = try Transport.smtp(SMTPSettings(url: "smtp://127.0.0.1:9", security: .none, timeoutSeconds: 5)).session()
        let outcome = session.deliver(Array("Subject: x\r\n\r\nx\r\n".utf8), from: "r@example.com", to: "a@example.com")
        guard case .failed(let reason, let temporary) = outcome else { Issue.record("delivered to nothing"); return }
        #expect(temporary)
        #expect(!reason.isEmpty)
    }
}
