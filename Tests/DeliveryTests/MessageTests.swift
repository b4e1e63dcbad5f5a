import Charts
import Foundation
import Testing
@testable import Delivery
@testable import Pack

/// The message's structure and headers, without sending anything.
@Suite struct MessageTests {
    static let templates = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Templates").path

    func document(company: String = "示例科技") -> PackDocument {
        let revenue = TrendChart(title: "收入", monthLabels: ["8月", "9月", "10月"], series: [.init(name: "收入", values: [2.1e6, 2.9e6, 2.46e6])],
                                 kind: .money, format: NumberFormat(language: .zh, currency: "CNY"), zeroBased: false)
        let trend = ChartBlock(id: "trend-revenue", chart: .trend(revenue), width: 372, height: 172,
                               data: DataTable(id: "trend-revenue", header: ["m"], rows: []), wide: false)
        let tile = KPITile(id: "revenue", label: "收入", value: "¥246万", change: "−16.5%", changeTone: .bad, changeCaption: "较上月",
                           target: "目标 ¥276万", status: "✕ 未达", statusTone: .bad, sparkline: Scene(width: 84, height: 26, title: "", summary: ""))
        return PackDocument(language: .zh, company: company, title: "客户增长月度报告", month: "2026-10", monthLabel: "2026年10月",
                            headline: "收入 ¥246万。", sections: [
                                PackSection(id: "summary", title: "本月概览", blocks: [.tiles([tile])]),
                                PackSection(id: "exceptions", title: "需要关注", blocks: [.exceptions([ExceptionItem(severity: .high, text: "<b>流失率</b> 6.1%")])]),
                                PackSection(id: "growth", title: "增长", blocks: [.chart(trend)]),
                            ], colophon: "口径")
    }

    func compose(_ addressing: Addressing, document: PackDocument? = nil) throws -> (EmailMessage, String) {
        let draft = try EmailMessage.Draft(document ?? self.document(), templates: TemplateSet(folder: Self.templates), pageURL: "https://r.example.com/2026-10/")
        let message = EmailMessage.compose(draft, pdf: Array("%PDF-1.4 test".utf8), addressing: addressing, date: MessageDate(instant: 1_793_462_400, offset: 8 * 3600))
        return (message, String(decoding: message.bytes, as: UTF8.self))
    }

    @Test func headersAreEncodedFoldedAndHoldNoBcc() throws {
        let addressing = Addressing(from: Mailbox(name: "经营分析", address: "reports@example.com"),
                                    to: [Mailbox(address: "a@example.com"), Mailbox(name: "Doe, John", address: "john@example.com")],
                                    cc: [Mailbox(name: "王总", address: "cfo@example.com")], bcc: [Mailbox(address: "secret@example.com")],
                                    replyTo: [Mailbox(address: "analyst@example.com")])
        let (message, text) = try compose(addressing)
        let head = text.components(separatedBy: "\r\n\r\n")[0]
        #expect(head.hasPrefix("From: =?UTF-8?B?\(Data("经营分析".utf8).base64EncodedString())?= <reports@example.com>\r\n"))
        #expect(head.contains("To: a@example.com, \"Doe, John\" <john@example.com>\r\n"))
        #expect(head.contains("Cc: =?UTF-8?B?\(Data("王总".utf8).base64EncodedString())?= <cfo@example.com>\r\n"))
        #expect(head.contains("Reply-To: analyst@example.com\r\n"))
        #expect(head.contains("Date: Sun, 01 Nov 2026 00:00:00 +0800\r\n"))
        #expect(head.contains("Message-ID: \(message.messageID)\r\n"))
        #expect(message.messageID.hasPrefix("<reviewpack.2026-10.") && message.messageID.hasSuffix("@example.com>"))
        #expect(!text.contains("secret@example.com"))
        #expect(!head.contains("Bcc"))
        // Lines fold before 78 characters wherever a space allows (a Message-ID has none).
        #expect(head.split(separator: "\r\n").filter { !$0.hasPrefix("Message-ID") }.allSatisfy { $0.count <= 78 }, "\(head)")
        #expect(addressing.envelope == ["a@example.com", "john@example.com", "cfo@example.com", "secret@example.com"])
    }

    @Test func aLongSubjectBecomesEncodedWordsOfAtMost75Characters() {
        let words = HeaderText.encodedWords(String(repeating: "客户增长月度报告", count: 8))
        let parts = words.split(separator: " ")
        #expect(parts.count > 1)
        #expect(parts.allSatisfy { $0.count <= 75 && $0.hasPrefix("=?UTF-8?B?") && $0.hasSuffix("?=") })
        let decoded = parts.map { String(decoding: Data(base64Encoded: String($0.dropFirst(10).dropLast(2)))!, as: UTF8.self) }.joined()
        #expect(decoded == String(repeating: "客户增长月度报告", count: 8))
    }

    @Test func aLineBreakInANameCannotAddAHeader() throws {
        let (_, text) = try compose(Addressing(from: Mailbox(name: "X\r\nBcc: evil@example.com", address: "r@example.com"), to: [Mailbox(address: "a@example.com")]))
        #expect(!text.contains("\r\nBcc:"))
        #expect(text.contains("From: \"X  Bcc: evil@example.com\" <r@example.com>\r\n"))
    }

    @Test func theSameInputGivesTheSameBytesAndAnotherRecipientAnotherID() throws {
        let one = Addressing(from: Mailbox(address: "r@example.com"), to: [Mailbox(address: "a@example.com")])
        let two = Addressing(from: Mailbox(address: "r@example.com"), to: [Mailbox(address: "b@example.com")])
        let (a, _) = try compose(one), (b, _) = try compose(one), (c, _) = try compose(two)
        #expect(a.bytes == b.bytes)
        #expect(a.messageID != c.messageID)
    }

    @Test func partsNestMixedRelatedAlternativeWithCidImagesAndThePDF() throws {
        let (message, text) = try compose(Addressing(from: Mailbox(address: "r@example.com"), to: [Mailbox(address: "a@example.com")]))
        #expect(message.parts.map(\.type) == ["text/plain", "text/html", "image/png", "application/pdf"])
        let mixed = try #require(text.range(of: "Content-Type: multipart/mixed"))
        let related = try #require(text.range(of: "Content-Type: multipart/related"))
        let alternative = try #require(text.range(of: "Content-Type: multipart/alternative"))
        let pdf = try #require(text.range(of: "Content-Type: application/pdf"))
        #expect(mixed.lowerBound < related.lowerBound && related.lowerBound < alternative.lowerBound && alternative.lowerBound < pdf.lowerBound)
        #expect(text.contains("Content-ID: <trend-revenue@reviewpack>"))
        #expect(text.hasSuffix("--=_reviewpack_mixed--\r\n"))
        // The exception's markup from the data arrives as text in the HTML part.
        let context = EmailBody(document: document(), pageURL: nil).context(charts: [])
        let html = try TemplateSet(folder: Self.templates).render(context, "email-html")
        #expect(html.contains("&lt;b&gt;流失率&lt;/b&gt;"))
        #expect(!html.contains("<style"))
    }

    @Test func theTextPartIsPunctuatedInThePacksLanguage() throws {
        let templates = try TemplateSet(folder: Self.templates)
        let chinese = try templates.render(EmailBody(document: document(), pageURL: "https://r.example.com/2026-10/").context(charts: []), "email")
        #expect(chinese.contains("\n- 收入：¥246万（较上月 −16.5%）；目标 ¥276万 ✕ 未达\n"), "\(chinese)")
        #expect(chinese.contains("\n- 【高】<b>流失率</b> 6.1%\n"))
        #expect(chinese.contains("在网页上查看本月报告：https://r.example.com/2026-10/"))
        #expect(!chinese.contains("\n\n\n"), "one blank line between parts")

        var english = document()
        english.language = .en
        english.sections[0].blocks = [.tiles([KPITile(id: "revenue", label: "Revenue", value: "¥2.46M", change: "−16.5%", changeTone: .bad,
                                                       changeCaption: "vs last month", target: "target ¥2.76M", status: "✕ missed", statusTone: .bad,
                                                       sparkline: Scene(width: 84, height: 26, title: "", summary: ""))])]
        let text = try templates.render(EmailBody(document: english, pageURL: nil).context(charts: []), "email")
        #expect(text.contains("\n- Revenue: ¥2.46M (−16.5% vs last month); target ¥2.76M ✕ missed\n"), "\(text)")
        #expect(text.contains("\n- [high] <b>流失率</b> 6.1%\n"))
    }

    @Test func theDateIsRFC5322InTheConfiguredZone() {
        #expect(MessageDate(instant: 0, offset: 0).header == "Thu, 01 Jan 1970 00:00:00 +0000")
        #expect(MessageDate(instant: 1_793_462_400, offset: 8 * 3600).header == "Sun, 01 Nov 2026 00:00:00 +0800")
        #expect(MessageDate(instant: 1_793_462_400, offset: -(5 * 3600 + 1800)).header == "Sat, 31 Oct 2026 10:30:00 -0530")
    }

    @Test func sendingRestampsTheDateOnly() throws {
        let (message, _) = try compose(Addressing(from: Mailbox(address: "r@example.com"), to: [Mailbox(address: "a@example.com")]))
        let sent = MessageRestamp.redated(message.bytes, MessageDate(instant: 1_793_500_000, offset: 0))
        let text = String(decoding: sent, as: UTF8.self)
        #expect(text.contains("\r\nDate: Sun, 01 Nov 2026 02:26:40 +0000\r\n"))
        #expect(sent.count == message.bytes.count)
        #expect(text.replacingOccurrences(of: "Sun, 01 Nov 2026 02:26:40 +0000", with: "Sun, 01 Nov 2026 00:00:00 +0800").utf8.elementsEqual(message.bytes))
    }
}
