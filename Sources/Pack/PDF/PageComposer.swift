import Charts

/// Lays flow items onto pages: typst-style, layout produces frames of positioned marks
/// and an exporter paints them. Knows boxes and pages, never what a number means.
public struct PageComposer {
    public struct Page: Sendable {
        public var marks: [Mark] = []
        /// Bookmarks that point at this page.
        public var outline: [String] = []
    }

    let geometry: PageGeometry
    let theme: Theme
    let placer = TextPlacer()

    public init(geometry: PageGeometry = PageGeometry(), theme: Theme = .standard) {
        self.geometry = geometry
        self.theme = theme
    }

    /// Pages of the flow; `cover` is a full page drawn first without header or footer.
    public func compose(cover: Scene?, flow: [FlowItem]) -> [Page] {
        var pages: [Page] = []
        if let cover { pages.append(Page(marks: cover.marks, outline: [])) }
        var page = Page()
        var y = geometry.contentTop
        let x = geometry.margin
        let width = geometry.contentWidth
        let bottom = geometry.contentBottom
        func newPage() {
            pages.append(page)
            page = Page()
            y = geometry.contentTop
        }
        func ensure(_ height: Double) { if y + height > bottom, y > geometry.contentTop { newPage() } }

        for (i, item) in flow.enumerated() {
            switch item {
            case .pageBreak:
                if y > geometry.contentTop || !page.marks.isEmpty { newPage() }
            case .space(let h):
                y += h
            case .heading(let title, let outline):
                let style = TextStyle(size: 15, bold: true, color: theme.ink)
                let h = placer.size(title, style).height
                // Keep a heading with at least the start of what follows.
                ensure(h + 8 + min(nextHeight(flow, after: i, width: width), 120))
                page.marks.append(placer.mark(title, at: Point(x, y), .start, .top, style: style, maxWidth: width))
                page.marks.append(.rect(Rect(x: x, y: y + h + 3, width: 28, height: 2.5), fill: theme.palette[0]))
                if outline { page.outline.append(title) }
                y += h + 12
            case .paragraph(let text, let style):
                let h = placer.size(text, style, maxWidth: width, maxLines: 12).height
                ensure(h)
                page.marks.append(placer.mark(text, at: Point(x, y), .start, .top, style: style, maxWidth: width, maxLines: 12))
                y += h + 8
            case .richText(let rich):
                let lines = 60
                let h = placer.size(rich.markup, rich.style, maxWidth: width - rich.indent, maxLines: lines, markup: true).height
                ensure(h)
                if let marker = rich.marker {
                    page.marks.append(placer.mark(marker, at: Point(x + rich.indent - 4, y), .end, .top, style: rich.style))
                }
                page.marks.append(placer.mark(rich.markup, at: Point(x + rich.indent, y), .start, .top, style: rich.style,
                                              maxWidth: width - rich.indent, maxLines: lines, markup: true, links: rich.links))
                y += h + 5
            case .figure(let scene):
                ensure(scene.height)
                page.marks += scene.marks(at: x, y)
                y += scene.height + 10
            case .table(let spec):
                let table = TableLayout(spec, width: width, placer: placer, theme: theme)
                let captionStyle = TextStyle(size: 10, bold: true, color: theme.ink)
                let captionHeight = spec.caption.map { placer.size($0, captionStyle, maxWidth: width).height + 6 } ?? 0
                ensure(captionHeight + table.headerHeight + (table.rowHeights.first ?? 0) * Double(min(spec.rows.count, 3)))
                if let caption = spec.caption {
                    page.marks.append(placer.mark(caption, at: Point(x, y), .start, .top, style: captionStyle, maxWidth: width))
                    y += captionHeight
                }
                page.marks += table.headerMarks(x: x, y: y, theme: theme)
                y += table.headerHeight
                for r in spec.rows.indices {
                    if y + table.rowHeights[r] > bottom {
                        newPage()
                        page.marks += table.headerMarks(x: x, y: y, theme: theme)
                        y += table.headerHeight
                    }
                    page.marks += table.rowMarks(r, x: x, y: y, theme: theme)
                    y += table.rowHeights[r]
                }
                y += 12
            }
        }
        if !page.marks.isEmpty { pages.append(page) }
        return pages
    }

    /// Rough height of the item after `index`, to keep headings with their content.
    private func nextHeight(_ flow: [FlowItem], after index: Int, width: Double) -> Double {
        guard index + 1 < flow.count else { return 0 }
        switch flow[index + 1] {
        case .figure(let s): return s.height
        case .paragraph(let t, let style): return placer.size(t, style, maxWidth: width, maxLines: 12).height
        case .table: return 60
        default: return 0
        }
    }

    /// Adds the running header (left and right text) and the page numbers to every page but the cover.
    public func decorate(_ pages: [Page], left: String, right: String, footer: String, hasCover: Bool) -> [Page] {
        let total = pages.count
        let small = TextStyle(size: 8, color: theme.muted)
        return pages.enumerated().map { i, page in
            guard !(hasCover && i == 0) else { return page }
            var p = page
            let g = geometry
            p.marks.append(placer.mark(left, at: Point(g.margin, g.margin), .start, .top, style: small, maxWidth: g.contentWidth * 0.6))
            p.marks.append(placer.mark(right, at: Point(g.width - g.margin, g.margin), .end, .top, style: small))
            p.marks.append(.line([Point(g.margin, g.margin + 14), Point(g.width - g.margin, g.margin + 14)], Stroke(color: theme.grid, width: 0.8)))
            p.marks.append(placer.mark(footer, at: Point(g.margin, g.height - g.margin), .start, .bottom, style: small, maxWidth: g.contentWidth - 60))
            p.marks.append(placer.mark("\(i + 1) / \(total)", at: Point(g.width - g.margin, g.height - g.margin), .end, .bottom, style: small))
            return p
        }
    }
}
