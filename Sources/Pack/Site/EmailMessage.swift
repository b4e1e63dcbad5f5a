import Foundation

/// The month's e-mail, ready to hand to `sendmail -t` or any mail client: a plain-text
/// summary from the `email` template and the PDF attached (RFC 5322 / MIME).
public enum EmailMessage {
    public struct Addressing: Sendable {
        public var from: String?
        public var to: [String]
        public init(from: String? = nil, to: [String] = []) { (self.from, self.to) = (from, to) }
    }

    public static func render(_ document: PackDocument, pdf: [UInt8], templates: TemplateSet, addressing: Addressing) throws -> String {
        let zh = document.language.isChinese
        var tiles: [[String: Any]] = []
        var exceptions: [[String: Any]] = []
        for section in document.sections {
            for block in section.blocks {
                if case .tiles(let ts) = block {
                    tiles += ts.map { t in
                        var d: [String: Any] = ["label": t.label, "value": t.value, "change": t.change, "changeCaption": t.changeCaption]
                        if let target = t.target { d["target"] = target; d["status"] = t.status ?? "" }
                        return d
                    }
                }
                if case .exceptions(let items) = block {
                    exceptions += items.map { ["severity": $0.severityLabel(chinese: zh), "text": $0.text] }
                }
            }
        }
        let context: [String: Any] = [
            "greeting": zh ? "各位好：" : "Hello,",
            "intro": zh ? "附件是\(document.company) \(document.monthLabel)的客户增长月度报告。要点：" : "Attached is \(document.company)'s customer growth review for \(document.monthLabel). The headlines:",
            "tiles": tiles, "hasExceptions": !exceptions.isEmpty, "exceptions": exceptions,
            "exceptionsTitle": zh ? "需要关注：" : "Needs attention:",
            "closing": zh ? "完整报告与历史月份见附件 PDF 与报告网站。" : "The full pack and earlier months are in the attached PDF and on the pack's site.",
            "colophon": document.colophon,
        ]
        let body = try templates.render(context, "email")
        let boundary = "reviewpack-\(document.month)-boundary"
        var lines: [String] = []
        if let from = addressing.from { lines.append("From: \(headerSafe(from))") }
        if !addressing.to.isEmpty { lines.append("To: \(addressing.to.map(headerSafe).joined(separator: ", "))") }
        lines += [
            "Subject: \(encodedWord("\(document.company) · \(document.title) · \(document.monthLabel)"))",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"\(boundary)\"",
            "",
            "--\(boundary)",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "",
            wrapped(Data(body.utf8).base64EncodedString()),
            "--\(boundary)",
            "Content-Type: application/pdf; name=\"pack-\(document.month).pdf\"",
            "Content-Disposition: attachment; filename=\"pack-\(document.month).pdf\"",
            "Content-Transfer-Encoding: base64",
            "",
            wrapped(Data(pdf).base64EncodedString()),
            "--\(boundary)--",
            "",
        ]
        return lines.joined(separator: "\r\n")
    }

    /// RFC 2047 encoded-word, so a Chinese subject survives every mail server.
    static func encodedWord(_ s: String) -> String {
        s.allSatisfy { $0.isASCII && !$0.isNewline } ? s : "=?UTF-8?B?\(Data(s.utf8).base64EncodedString())?="
    }

    /// Header values from configuration lose line breaks, so they cannot add headers.
    static func headerSafe(_ s: String) -> String { s.filter { !$0.isNewline } }

    static func wrapped(_ base64: String) -> String {
        var out: [Substring] = []
        var rest = Substring(base64)
        while !rest.isEmpty {
            out.append(rest.prefix(76))
            rest = rest.dropFirst(76)
        }
        return out.joined(separator: "\r\n")
    }
}
