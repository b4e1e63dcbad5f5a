import Charts

/// The commentary as PDF text: headings in bold, paragraphs and list items as Pango
/// markup (every character of the notes escaped), links as clickable annotations.
struct CommentaryPDF {
    let theme: Theme

    func flow(_ commentary: Commentary) -> [FlowItem] {
        let body = TextStyle(size: 10.5, color: theme.ink)
        var flow: [FlowItem] = []
        var space = 0.0  // room a rule leaves before what follows it
        func add(_ text: RichText, spaceBefore: Double = 0) {
            var text = text
            text.spaceBefore = space + spaceBefore
            space = 0
            flow.append(.richText(text))
        }
        for block in commentary.blocks {
            switch block {
            case .heading(let level, let spans):
                var heading = rich(spans, TextStyle(size: level == 1 ? 13 : 11.5, bold: true, color: theme.ink), indent: 0)
                heading.tag = .heading(level: min(level + 2, 6))  // under the section's own heading (H2)
                add(heading, spaceBefore: 4)
            case .paragraph(let spans): add(rich(spans, body, indent: 0))
            case .quote(let spans):
                var quote = spans
                for i in quote.indices { quote[i].italic = true }
                add(rich(quote, TextStyle(size: 10.5, color: theme.muted), indent: 14))
            case .code(let text): add(rich([Commentary.Span(text: text, code: true)], body, indent: 14))
            case .rule: space += 6
            case .list(let ordered, let items):
                flow.append(.begin(.list))
                var numbers: [Int: Int] = [:]
                for item in items {
                    numbers[item.depth, default: 0] += 1
                    numbers = numbers.filter { $0.key <= item.depth }
                    var text = rich(item.spans, body, indent: 16 + Double(item.depth) * 14)
                    text.marker = ordered ? "\(numbers[item.depth]!)." : "•"
                    text.tag = .listItem
                    add(text)
                }
                flow.append(.end(.list))
            }
        }
        return flow
    }

    /// Markup for the spans, with each link's byte range in the text Pango lays out.
    func rich(_ spans: [Commentary.Span], _ style: TextStyle, indent: Double) -> RichText {
        var markup = ""
        var links: [TextLink] = []
        var offset = 0
        for span in spans {
            var piece = XMLText.escape(span.text)  // Pango markup is XML: the notes' text is never markup
            if span.code { piece = "<tt>\(piece)</tt>" }
            if span.italic { piece = "<i>\(piece)</i>" }
            if span.bold { piece = "<b>\(piece)</b>" }
            if let link = span.link {
                piece = "<span foreground=\"#0B63B6\" underline=\"single\">\(piece)</span>"
                links.append(TextLink(start: offset, end: offset + span.text.utf8.count, uri: link))
            }
            markup += piece
            offset += span.text.utf8.count
        }
        return RichText(markup: markup, links: links, style: style, indent: indent, marker: nil)
    }
}
