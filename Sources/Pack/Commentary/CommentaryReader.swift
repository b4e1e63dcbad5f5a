import Foundation
import Ink

/// Reads the analyst's Markdown notes with Ink, then reduces Ink's HTML to a
/// ``Commentary``. Raw HTML in the notes is kept as visible text, images become their
/// alt text (no external image reaches a page or an e-mail), and links keep only
/// http, https and mailto targets.
public enum CommentaryReader {
    /// Notes larger than this are refused: commentary is a page, not a document.
    public static let maxBytes = 64 * 1024

    public static func read(markdown: String) -> Commentary {
        // Control characters (but line ends and tabs) have no place in text any output draws.
        let markdown = String(String.UnicodeScalarView(markdown.unicodeScalars.filter {
            $0.properties.generalCategory != .control || $0 == "\n" || $0 == "\t"
        }))
        var parser = MarkdownParser()
        parser.addModifier(Modifier(target: .html) { input in escape(String(input.markdown)) })
        parser.addModifier(Modifier(target: .images) { input in escape(imageAlt(input.markdown)) })
        parser.addModifier(Modifier(target: .links) { input in safeLink(html: input.html, markdown: input.markdown) })
        var reducer = CommentaryHTMLReducer()
        return reducer.reduce(parser.html(from: markdown))
    }

    static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// `![alt](src)` → `alt`.
    static func imageAlt(_ markdown: Substring) -> String {
        guard let open = markdown.range(of: "!["), let close = markdown.range(of: "](", range: open.upperBound..<markdown.endIndex) else { return "" }
        return String(markdown[open.upperBound..<close.lowerBound])
    }

    /// Ink writes `<a href="URL">TITLE</a>` with the URL as written; the URL is taken from
    /// the Markdown when inline (so a quote in it cannot end the attribute), checked, and
    /// written escaped. A link to anything else keeps only its title.
    static func safeLink(html: String, markdown: Substring) -> String {
        let prefix = "<a href=\""
        guard html.hasPrefix(prefix), html.hasSuffix("</a>") else { return html }
        let url: String
        let title: Substring
        if markdown.hasSuffix(")"), let split = markdown.range(of: "](", options: .backwards) {
            url = String(markdown[split.upperBound..<markdown.index(before: markdown.endIndex)])
            let end = html.index(html.endIndex, offsetBy: -4)
            guard let start = html.index(html.startIndex, offsetBy: prefix.count + url.count + 2, limitedBy: end) else { return html }
            title = html[start..<end]
        } else {
            let rest = html.dropFirst(prefix.count)
            guard let end = rest.range(of: "\">") else { return html }
            url = String(rest[..<end.lowerBound])
            title = rest[end.upperBound..<rest.index(rest.endIndex, offsetBy: -4)]
        }
        guard let target = allowedTarget(url) else { return String(title) }
        return "<a href=\"\(escape(target))\">\(title)</a>"
    }

    /// The URL when its scheme is http, https or mailto and it has no spaces or quotes.
    static func allowedTarget(_ url: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        guard ["http://", "https://", "mailto:"].contains(where: lower.hasPrefix),
              !trimmed.contains(where: { $0.isWhitespace || "\"'<>`\\".contains($0) }) else { return nil }
        return trimmed
    }
}
