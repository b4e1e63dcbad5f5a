import Charts

/// The commentary as HTML, every text and link escaped here. The site gives it classes
/// from its stylesheet; the e-mail passes inline styles, which Outlook and Gmail keep.
public struct CommentaryHTML: Sendable {
    /// Inline `style` attributes per element, empty for none.
    public var paragraph = "", heading = [Int: String](), list = "", item = "", quote = "", code = "", link = "", rule = ""
    /// `h3` for a level-1 heading on the site (it sits under the section's `h2`); nil writes headings as bold paragraphs.
    public var firstHeadingLevel: Int?

    public init() {}

    /// The site's form: plain elements that `assets/style.css` styles.
    public static let site: CommentaryHTML = {
        var html = CommentaryHTML()
        html.firstHeadingLevel = 3
        return html
    }()

    public func render(_ commentary: Commentary) -> String {
        var out = ""
        for block in commentary.blocks {
            switch block {
            case .heading(let level, let spans):
                if let first = firstHeadingLevel {
                    let h = min(first + level - 1, 6)
                    out += "<h\(h)\(style(heading[level] ?? ""))>\(inline(spans))</h\(h)>\n"
                } else {
                    out += "<p\(style(heading[min(level, 3)] ?? ""))>\(inline(spans))</p>\n"
                }
            case .paragraph(let spans): out += "<p\(style(paragraph))>\(inline(spans))</p>\n"
            case .quote(let spans): out += "<blockquote\(style(quote))>\(inline(spans))</blockquote>\n"
            case .code(let text): out += "<pre\(style(code))>\(XMLText.escape(text))</pre>\n"
            case .rule: out += "<hr\(style(rule))>\n"
            case .list(let ordered, let items):
                out += listHTML(ordered: ordered, items: items[...], depth: 0)
            }
        }
        return out
    }

    /// Nested lists from items with depths, each depth its own `ul`/`ol` inside the item before it.
    private func listHTML(ordered: Bool, items: ArraySlice<Commentary.ListItem>, depth: Int) -> String {
        let tag = ordered ? "ol" : "ul"
        var out = "<\(tag)\(style(list))>"
        var i = items.startIndex
        while i < items.endIndex {
            out += "<li\(style(item))>\(inline(items[i].spans))"
            var j = i + 1
            while j < items.endIndex, items[j].depth > depth { j += 1 }
            if j > i + 1 { out += listHTML(ordered: ordered, items: items[(i + 1)..<j], depth: depth + 1) }
            out += "</li>"
            i = j
        }
        return out + "</\(tag)>" + (depth == 0 ? "\n" : "")
    }

    private func inline(_ spans: [Commentary.Span]) -> String {
        spans.map { span in
            var text = XMLText.escape(span.text).replacingOccurrences(of: "\n", with: "<br>")
            if span.code { text = "<code>\(text)</code>" }
            if span.italic { text = "<em>\(text)</em>" }
            if span.bold { text = "<strong>\(text)</strong>" }
            if let link = span.link { text = "<a href=\"\(XMLText.escape(link))\"\(style(self.link))>\(text)</a>" }
            return text
        }.joined()
    }

    private func style(_ css: String) -> String { css.isEmpty ? "" : " style=\"\(XMLText.escape(css))\"" }
}
