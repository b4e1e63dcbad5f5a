import Foundation

/// One part of a MIME message: a body with its headers, or a multipart of parts.
/// Every body is base64 (lines of 76), so no byte of data can end a part early; the
/// boundaries start with `=_`, which base64 never produces.
struct MIMEPart {
    enum Body {
        case bytes([UInt8])
        case parts(subtype: String, [MIMEPart])
    }

    var headers: [(String, String)]
    var body: Body

    static func leaf(_ contentType: String, _ bytes: [UInt8], headers: [(String, String)] = []) -> MIMEPart {
        MIMEPart(headers: [("Content-Type", contentType), ("Content-Transfer-Encoding", "base64")] + headers, body: .bytes(bytes))
    }

    static func multipart(_ subtype: String, _ parts: [MIMEPart], parameters: String = "") -> MIMEPart {
        MIMEPart(headers: [("Content-Type", "multipart/\(subtype); boundary=\"\(boundary(subtype))\"\(parameters)")], body: .parts(subtype: subtype, parts))
    }

    /// One boundary per multipart kind: a message nests each kind at most once.
    static func boundary(_ subtype: String) -> String { "=_reviewpack_\(subtype)" }

    /// The part as it goes on the wire: headers, a blank line, the body; lines end in CRLF.
    func write(into out: inout [UInt8]) {
        for (name, value) in headers { out += Array((HeaderText.field(name, value) + "\r\n").utf8) }
        out += Array("\r\n".utf8)
        switch body {
        case .bytes(let bytes):
            out += Array(Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed]).utf8)
            out += Array("\r\n".utf8)
        case .parts(let subtype, let parts):
            let boundary = Self.boundary(subtype)
            for part in parts {
                out += Array("--\(boundary)\r\n".utf8)
                part.write(into: &out)
            }
            out += Array("--\(boundary)--\r\n".utf8)
        }
    }
}
