import Charts

/// Lays flow items onto pages: typst-style, layout produces frames of positioned marks
/// and an exporter paints them. Knows boxes and pages, never what a number means.
public struct PageComposer {
    let geometry: PageGeometry
    let theme: Theme
    let placer: TextPlacer

    /// A figure that misses the end of a page by a little is drawn smaller, down to this
    /// scale, rather than leaving the rest of the page empty…
    static let smallestFill = 0.88
    /// …and down to this one when more than a third of the page would stay empty.
    static let smallestFillOfEmptyPage = 0.75
    static let headingStyle = TextStyle(size: 15, bold: true, color: Theme.standard.ink)
    /// Room for a table's caption, header and first rows: what a heading or a note before it keeps with it.
    static let tableStart = 80.0

    public init(geometry: PageGeometry = PageGeometry(), theme: Theme = .standard, placer: TextPlacer = TextPlacer()) {
        self.geometry = geometry
        self.theme = theme
        self.placer = placer
    }

    /// Pages of the flow; `cover` is a full page placed first, without header or footer.
    public func compose(cover: PDFPage?, flow items: [FlowItem]) -> [PDFPage] {
        var pages = PageSequence(geometry: geometry, cover: cover)
        let x = geometry.margin
        let width = geometry.contentWidth
        var flow = items
        var i = 0
        while i < flow.count {
            let item = flow[i]
            defer { i += 1 }
            switch item {
            case .begin(let tag):
                pages.begin(tag)
            case .end(let tag):
                pages.end(tag)
            case let .heading(title, level, outline):
                let h = placer.size(title, Self.headingStyle, maxWidth: width).height
                // Keep a heading with the start of what follows.
                pages.ensure(h + 12 + min(nextHeight(flow, after: i, width: width), pages.frameHeight - h - 12))
                if outline { pages.bookmark(title, level: level) }
                pages.page.add([placer.mark(title, at: Point(x, pages.y), .start, .top, style: Self.headingStyle, maxWidth: width)], tagged: .heading(level: level + 1))
                pages.page.add([.rect(Rect(x: x, y: pages.y + h + 3, width: 28, height: 2.5), fill: theme.palette[0])])
                pages.y += h + 12
            case .paragraph(let text, let style):
                let h = placer.size(text, style, maxWidth: width, maxLines: 12).height
                // A note keeps the start of the table or figure it leads into on its page.
                let next = nextHeight(flow, after: i, width: width)
                pages.ensure(h + (next > 0 ? 8 + min(next, pages.frameHeight - h - 8) : 0))
                pages.page.add([placer.mark(text, at: Point(x, pages.y), .start, .top, style: style, maxWidth: width, maxLines: 12)], tagged: .paragraph)
                pages.y += h + 8
            case .richText(let rich):
                let lines = 60
                let textWidth = width - rich.indent
                let h = placer.size(rich.markup, rich.style, maxWidth: textWidth, maxLines: lines, markup: true).height
                if !pages.isPageEmpty { pages.y += rich.spaceBefore }
                pages.ensure(h)
                var marks: [Mark] = []
                if let marker = rich.marker {
                    marks.append(placer.mark(marker, at: Point(x + rich.indent - 4, pages.y), .end, .top, style: rich.style))
                }
                marks.append(placer.mark(rich.markup, at: Point(x + rich.indent, pages.y), .start, .top, style: rich.style,
                                         maxWidth: textWidth, maxLines: lines, markup: true, links: rich.links))
                pages.page.add(marks, tagged: rich.tag)
                pages.y += h + 5
            case .figures(let figures):
                // A figure that must wait for the next page lets the tables and notes after
                // it in its section fill this one first (a float, as in print).
                if !fits(figures, on: pages), pages.room > pages.frameHeight / 4 {
                    let run = flow[(i + 1)...].prefix(while: isFloatable)
                    if !run.isEmpty {
                        flow.insert(item, at: i + 1 + run.count)
                        flow.remove(at: i)
                        i -= 1
                        continue
                    }
                }
                place(figures, on: &pages)
            case .table(let spec):
                place(spec, on: &pages)
            }
        }
        return pages.finish()
    }

    /// The least room what follows a heading or a note needs on its page: its notes and
    /// the start of its first figure (drawn as small as a figure may be) or table.
    private func nextHeight(_ flow: [FlowItem], after index: Int, width: Double) -> Double {
        guard index + 1 < flow.count else { return 0 }
        switch flow[index + 1] {
        case .figures(let f):
            // A figure followed by a table or a note may float past them; else it must fit, as small as it may be drawn.
            if index + 2 < flow.count, isFloatable(flow[index + 2]) { return 80 }
            return (f.map(\.scene.height).max() ?? 0) * Self.smallestFillOfEmptyPage
        case .paragraph(let t, let style):
            return placer.size(t, style, maxWidth: width, maxLines: 12).height + 8 + nextHeight(flow, after: index + 1, width: width)
        case .table: return Self.tableStart
        case .richText(let rich):
            return placer.size(rich.markup, rich.style, maxWidth: width - rich.indent, maxLines: 60, markup: true).height + 5
        case .begin, .end: return nextHeight(flow, after: index + 1, width: width)
        default: return 0
        }
    }

    /// Items a figure waiting for the next page may let go first: they fill the rest of a page.
    private func isFloatable(_ item: FlowItem) -> Bool {
        switch item {
        case .table, .paragraph: return true
        default: return false
        }
    }

    /// Adds the running header and the footer with the page number to every page but the cover.
    /// Each is one line of text: the header at the top left, the footer ending at the right
    /// margin with the page number, so that text extraction puts them before and after
    /// whatever sits between them, one column or two.
    public func decorate(_ pages: [PDFPage], header: String, footer: String, hasCover: Bool) -> [PDFPage] {
        let total = pages.count
        let small = TextStyle(size: 8, color: theme.muted)
        return pages.enumerated().map { i, page in
            guard !(hasCover && i == 0) else { return page }
            var p = page
            let g = geometry
            let footerLine = [footer, "\(i + 1) / \(total)"].filter { !$0.isEmpty }.joined(separator: "  ·  ")
            p.add([placer.mark(header, at: Point(g.margin, g.margin), .start, .top, style: small, maxWidth: g.contentWidth),
                   .line([Point(g.margin, g.margin + 14), Point(g.width - g.margin, g.margin + 14)], Stroke(color: theme.grid, width: 0.8)),
                   // Two lines at most, so a long colophon wraps rather than cutting off the page number.
                   placer.mark(footerLine, at: Point(g.width - g.margin, g.height - g.margin), .end, .bottom, style: small, maxWidth: g.contentWidth, maxLines: 2)])
            return p
        }
    }
}
