/// The commentary as plain text, for the e-mail's text part: lists with dashes or
/// numbers, links with their address in angle brackets.
public enum CommentaryText {
    public static func render(_ commentary: Commentary) -> String {
        var paragraphs: [String] = []
        for block in commentary.blocks {
            switch block {
            case .heading(_, let spans): paragraphs.append(inline(spans))
            case .paragraph(let spans): paragraphs.append(inline(spans))
            case .quote(let spans): paragraphs.append("> " + inline(spans))
            case .code(let text): paragraphs.append(text.split(separator: "\n", omittingEmptySubsequences: false).map { "    \($0)" }.joined(separator: "\n"))
            case .rule: paragraphs.append("----")
            case .list(let ordered, let items):
                var numbers: [Int: Int] = [:]
                paragraphs.append(items.map { item in
                    numbers[item.depth, default: 0] += 1
                    numbers = numbers.filter { $0.key <= item.depth }
                    let marker = ordered ? "\(numbers[item.depth]!)." : "-"
                    return String(repeating: "  ", count: item.depth) + "\(marker) " + inline(item.spans)
                }.joined(separator: "\n"))
            }
        }
        return paragraphs.joined(separator: "\n\n")
    }

    static func inline(_ spans: [Commentary.Span]) -> String {
        spans.map { span in
            guard let link = span.link, link != span.text, "mailto:" + span.text != link else { return span.text }
            return "\(span.text) <\(link)>"
        }.joined()
    }
}
