/// The analyst's commentary for the month: Markdown reduced to blocks of styled text.
///
/// Keeping it as data rather than HTML lets each output draw it with its own escaping
/// (site, e-mail, plain text, PDF), so nothing written in the notes file reaches a page
/// as markup.
public struct Commentary: Sendable, Equatable {
    public enum Block: Sendable, Equatable {
        /// Level 1 is the notes' own top heading (`#`).
        case heading(level: Int, [Span])
        case paragraph([Span])
        case list(ordered: Bool, items: [ListItem])
        case quote([Span])
        case code(String)
        case rule
    }

    /// One list entry; `depth` 0 is the outer list.
    public struct ListItem: Sendable, Equatable {
        public var depth: Int
        public var spans: [Span]
    }

    /// A run of text in one style, possibly a link (http, https or mailto only).
    public struct Span: Sendable, Equatable {
        public var text: String
        public var bold = false
        public var italic = false
        public var code = false
        public var link: String?
    }

    public var blocks: [Block]

    public init(blocks: [Block]) { self.blocks = blocks }

    /// The text of spans without styles, for alternatives and measuring.
    public static func plain(_ spans: [Span]) -> String { spans.map(\.text).joined() }
}
