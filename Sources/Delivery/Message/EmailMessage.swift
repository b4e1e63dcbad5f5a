import Pack

/// The month's e-mail, rendered from the same document as the site and the PDF:
///
///     multipart/mixed
///       multipart/related
///         multipart/alternative
///           text/plain   — the headline figures, exceptions and commentary
///           text/html    — tables and inline styles that Outlook, Gmail and phones draw
///         image/png …    — the key charts, referenced from the HTML as cid:
///       application/pdf  — the pack
///
/// Its Date and Message-ID follow from its content, so the same pack gives the same bytes.
public struct EmailMessage: Sendable {
    /// The message as written to the outbox and handed to SMTP or sendmail (CRLF line ends).
    public let bytes: [UInt8]
    public let messageID: String
    /// Each leaf part: its type, file name or content id, and size before encoding.
    public let parts: [(type: String, name: String, size: Int)]

    /// Mail servers commonly refuse messages past this size.
    public static let warningSize = 10_000_000

    /// What of a message needs no PDF: its text, its HTML and its charts, drawn. A build
    /// drafts it while the PDF is drawn.
    public struct Draft: Sendable {
        let month: String
        let subject: String
        let text: String
        let html: String
        let charts: [(id: String, cid: String, png: [UInt8])]

        public init(_ document: PackDocument, templates: TemplateSet, pageURL: String?) throws {
            let body = EmailBody(document: document, pageURL: pageURL)
            let charts = body.charts
            let context = body.context(charts: charts)
            month = document.month
            subject = body.subject
            text = try templates.render(context, "email")
            html = try templates.render(context, "email-html")
            self.charts = charts.map { ($0.block.id, $0.cid, $0.png) }
        }
    }

    /// The message of a draft with its PDF attached.
    public static func compose(_ draft: Draft, pdf: [UInt8], addressing: Addressing, date: MessageDate) -> EmailMessage {
        let (text, html, charts) = (draft.text, draft.html, draft.charts)
        let pdfName = "pack-\(draft.month).pdf"
        let images = charts.map { chart in
            MIMEPart.leaf("image/png", chart.png, headers: [("Content-ID", "<\(chart.cid)>"),
                                                             ("Content-Disposition", "inline; filename=\"\(chart.id).png\"")])
        }
        let tree = MIMEPart.multipart("mixed", [
            .multipart("related", [
                .multipart("alternative", [.leaf("text/plain; charset=utf-8", Array(text.utf8)), .leaf("text/html; charset=utf-8", Array(html.utf8))]),
            ] + images, parameters: "; type=\"multipart/alternative\""),
            .leaf("application/pdf; name=\"\(pdfName)\"", pdf, headers: [("Content-Disposition", "attachment; filename=\"\(pdfName)\"")]),
        ])
        var encoded: [UInt8] = []
        tree.write(into: &encoded)

        var headers: [(String, String)] = []
        if let from = addressing.from { headers.append(("From", from.header)) }
        for (name, list) in [("To", addressing.to), ("Cc", addressing.cc), ("Reply-To", addressing.replyTo)] where !list.isEmpty {
            headers.append((name, list.map(\.header).joined(separator: ", ")))
        }
        headers.append(("Date", date.header))
        headers.append(("Subject", HeaderText.unstructured(draft.subject)))
        // The id covers everything but itself: another month, audience or recipient list gives another id.
        var fingerprint: [UInt8] = []
        for (name, value) in headers { fingerprint += Array("\(name): \(value)\n".utf8) }
        let messageID = "<reviewpack.\(draft.month).\(ContentHash.hex(fingerprint, encoded))@\(addressing.from?.domain ?? "reviewpack.invalid")>"
        headers.insert(("Message-ID", messageID), at: headers.firstIndex { $0.0 == "Subject" }!)
        headers.append(("MIME-Version", "1.0"))

        var bytes: [UInt8] = []
        for (name, value) in headers { bytes += Array((HeaderText.field(name, value) + "\r\n").utf8) }
        bytes += encoded
        let parts = [("text/plain", "text", text.utf8.count), ("text/html", "html", html.utf8.count)]
            + charts.map { ("image/png", $0.cid, $0.png.count) } + [("application/pdf", pdfName, pdf.count)]
        return EmailMessage(bytes: bytes, messageID: messageID, parts: parts)
    }
}
