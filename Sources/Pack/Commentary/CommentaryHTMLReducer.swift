/// Turns the small HTML vocabulary Ink writes (headings, paragraphs, lists, quotes,
/// code, emphasis, links, tables) into ``Commentary`` blocks. Tags it does not know are
/// dropped and their text kept.
struct CommentaryHTMLReducer {
    private var blocks: [Commentary.Block] = []
    private var spans: [Commentary.Span] = []
    private var bold = 0, italic = 0, code = 0
    private var links: [String?] = []
    /// Open lists: ordered or not, and the items gathered so far.
    private var lists: [(ordered: Bool, items: [Commentary.ListItem])] = []
    private var heading: Int?
    private var inQuote = false
    private var inPre = false
    private var preText = ""

    mutating func reduce(_ html: String) -> Commentary {
        var rest = Substring(html)
        while !rest.isEmpty {
            if rest.first == "<", let close = rest.firstIndex(of: ">") {
                tag(rest[rest.index(after: rest.startIndex)..<close])
                rest = rest[rest.index(after: close)...]
            } else {
                let end = rest.dropFirst().firstIndex(of: "<") ?? rest.endIndex
                text(Self.decode(rest[..<end]))
                rest = rest[end...]
            }
        }
        flush()
        return Commentary(blocks: blocks)
    }

    private mutating func text(_ s: String) {
        if inPre { preText += s; return }
        guard !s.isEmpty else { return }
        let link = links.last ?? nil
        spans.append(Commentary.Span(text: s, bold: bold > 0, italic: italic > 0, code: code > 0, link: link))
    }

    private mutating func tag(_ raw: Substring) {
        let closing = raw.hasPrefix("/")
        let body = closing ? raw.dropFirst() : raw
        let name = String(body.prefix { $0.isLetter || $0.isNumber }).lowercased()
        switch (name, closing) {
        case ("pre", false): flush(); inPre = true; preText = ""
        case ("pre", true):
            inPre = false
            blocks.append(.code(preText.hasSuffix("\n") ? String(preText.dropLast()) : preText))
        case (_, _) where inPre: break
        case ("h1", false), ("h2", false), ("h3", false), ("h4", false), ("h5", false), ("h6", false):
            flush(); heading = Int(name.dropFirst())
        case ("h1", true), ("h2", true), ("h3", true), ("h4", true), ("h5", true), ("h6", true): flush()
        case ("p", false): if lists.isEmpty, !inQuote { flush() }
        case ("p", true): if lists.isEmpty, !inQuote { flush() } else if inQuote, !spans.isEmpty { text(" ") }
        case ("blockquote", false): flush(); inQuote = true
        case ("blockquote", true): flush(); inQuote = false
        case ("ul", false), ("ol", false):
            if !lists.isEmpty { endItem() } else { flush() }
            lists.append((name == "ol", []))
        case ("ul", true), ("ol", true):
            endItem()
            guard let list = lists.popLast() else { break }
            if var outer = lists.popLast() {
                outer.items += list.items
                lists.append(outer)
            } else {
                blocks.append(.list(ordered: list.ordered, items: list.items))
            }
        case ("li", true): endItem()
        case ("strong", false), ("b", false): bold += 1
        case ("strong", true), ("b", true): bold = max(0, bold - 1)
        case ("em", false), ("i", false): italic += 1
        case ("em", true), ("i", true): italic = max(0, italic - 1)
        case ("code", false): code += 1
        case ("code", true): code = max(0, code - 1)
        case ("a", false): links.append(Self.attribute("href", in: body))
        case ("a", true): _ = links.popLast()
        case ("br", _): text("\n")
        case ("hr", _): flush(); blocks.append(.rule)
        case ("td", false), ("th", false): if !spans.isEmpty { text(" · ") }
        case ("tr", true): flush()
        default: break
        }
    }

    /// Ends the list item being gathered, at the depth of the innermost open list.
    private mutating func endItem() {
        guard !lists.isEmpty, !spans.isEmpty else { return }
        lists[lists.count - 1].items.append(Commentary.ListItem(depth: lists.count - 1, spans: trimmed(spans)))
        spans = []
    }

    /// Ends the paragraph, heading or quote being gathered.
    private mutating func flush() {
        defer { heading = nil }
        guard !spans.isEmpty else { return }
        let gathered = trimmed(spans)
        spans = []
        guard !Commentary.plain(gathered).isEmpty else { return }
        if let heading { blocks.append(.heading(level: heading, gathered)) } else if inQuote { blocks.append(.quote(gathered)) } else { blocks.append(.paragraph(gathered)) }
    }

    /// Spans without the whitespace Ink leaves at their ends.
    private func trimmed(_ spans: [Commentary.Span]) -> [Commentary.Span] {
        var out = spans
        while let first = out.first, first.text.allSatisfy(\.isWhitespace) { out.removeFirst() }
        while let last = out.last, last.text.allSatisfy(\.isWhitespace) { out.removeLast() }
        if !out.isEmpty {
            out[0].text = String(out[0].text.drop { $0.isWhitespace })
            out[out.count - 1].text = String(out[out.count - 1].text.reversed().drop { $0.isWhitespace }.reversed())
        }
        return out
    }

    /// The value of `name="…"` in a tag, entities decoded.
    static func attribute(_ name: String, in tag: Substring) -> String? {
        guard let start = tag.range(of: "\(name)=\"") else { return nil }
        let value = tag[start.upperBound...].prefix { $0 != "\"" }
        return decode(value)
    }

    /// The entities Ink writes (`&lt;` `&gt;` `&amp;` `&quot;`) and numeric ones; others stay as written.
    static func decode(_ s: Substring) -> String {
        guard s.contains("&") else { return String(s) }
        var out = ""
        var rest = s
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[amp...]
            guard let semi = after.prefix(12).firstIndex(of: ";") else { out += "&"; rest = after.dropFirst(); continue }
            let entity = after[after.index(after: amp)..<semi]
            var scalar: Unicode.Scalar?
            switch entity {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "#39", "apos": scalar = "'"
            case "nbsp": scalar = "\u{A0}"
            default:
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") { scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init) }
                else if entity.hasPrefix("#") { scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init) }
            }
            if let scalar, scalar.properties.generalCategory != .control || scalar == "\n" {
                out.unicodeScalars.append(scalar)
            } else {
                out += after[...semi]
            }
            rest = after[after.index(after: semi)...]
        }
        return out + rest
    }
}
