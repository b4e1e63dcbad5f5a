import Charts

/// Turns the pack document into a cover and a flow of boxes for the page composer:
/// the PDF's reading order, its structure, and how blocks become figures and tables.
struct PDFAssembler {
    let document: PackDocument
    let geometry: PageGeometry
    let theme: Theme
    let placer: TextPlacer

    func cover() -> PDFPage {
        let g = geometry
        var page = PDFPage()
        let white = Color(hex: 0xFFFFFF)
        page.add([.rect(Rect(x: 0, y: 0, width: g.width, height: g.height * 0.62), fill: Color(hex: 0x0B3C5D)),
                  .rect(Rect(x: g.margin + 8, y: g.height * 0.62 - 6, width: 64, height: 6), fill: theme.palette[1])])
        page.add([placer.mark(document.company, at: Point(g.margin + 8, 80), .start, .top, style: TextStyle(size: 16, color: white.opacity(0.85)))], tagged: .paragraph)
        page.add([placer.mark(document.title, at: Point(g.margin + 8, 150), .start, .top, style: TextStyle(size: 34, bold: true, color: white), maxWidth: g.contentWidth)],
                 tagged: .heading(level: 1))
        page.add([placer.mark(document.monthLabel, at: Point(g.margin + 8, 205), .start, .top, style: TextStyle(size: 24, color: white))], tagged: .paragraph)
        page.add([placer.mark(document.headline, at: Point(g.margin + 8, g.height * 0.62 + 30), .start, .top,
                              style: TextStyle(size: 13, color: theme.ink), maxWidth: g.contentWidth - 16, maxLines: 4)], tagged: .paragraph)
        page.add([placer.mark(document.colophon, at: Point(g.margin + 8, g.height - g.margin), .start, .bottom,
                              style: TextStyle(size: 8.5, color: theme.muted), maxWidth: g.contentWidth - 16, maxLines: 3)], tagged: .paragraph)
        return page
    }

    func flow() -> [FlowItem] {
        var flow: [FlowItem] = []
        let body = TextStyle(size: 10, color: theme.ink)
        for section in document.sections {
            flow.append(.heading(section.title, level: 1, outline: true))
            var pendingHalf: ChartBlock?
            for block in section.blocks {
                if case .chart(let chart) = block, !chart.wide {
                    if let left = pendingHalf {
                        flow.append(.figures([figure(left, in: section), figure(chart, in: section)]))
                        pendingHalf = nil
                    } else {
                        pendingHalf = chart
                    }
                    continue
                }
                if let left = pendingHalf { flow.append(.figures([figure(left, in: section)])); pendingHalf = nil }
                switch block {
                case .note(let text): flow.append(.paragraph(text, body))
                case .commentary(let commentary): flow += CommentaryPDF(theme: theme).flow(commentary)
                case .tiles(let tiles): flow.append(.figures([scorecard(tiles)]))
                case .exceptions(let items):
                    flow.append(.begin(.list))
                    flow += items.map { .figures([exception($0)]) }
                    flow.append(.end(.list))
                case .chart(let chart):
                    flow.append(.figures([figure(chart, in: section)]))
                    if chart.tableInPrint { flow.append(.table(spec(chart.data))) }
                case .table(let table):
                    flow.append(.table(spec(table)))
                }
            }
            if let left = pendingHalf { flow.append(.figures([figure(left, in: section)])) }
        }
        return flow
    }

    /// A chart with its title above it (unless the section's heading already says it),
    /// tagged with its description as the alternative text. The title is text; the chart's
    /// own labels are drawn as shapes, so extracted text reads figure by figure.
    func figure(_ chart: ChartBlock, in section: PackSection) -> Figure {
        var scene = chart.scene(theme: theme, placer: placer)
        scene.marks = scene.marks.map(\.asShapes)
        let separator = document.language.isChinese ? "：" : ": "
        guard scene.title != section.title else {
            return Figure(scene, tag: .figure(alt: scene.title + separator + scene.summary))
        }
        let style = TextStyle(size: 11, bold: true, color: theme.ink)
        let title = placer.mark(scene.title, at: Point(0, 0), .start, .top, style: style, maxWidth: scene.width)
        let offset = 20.0
        let titled = Scene(width: scene.width, height: scene.height + offset, title: scene.title, summary: scene.summary,
                           marks: [title] + scene.marks(at: 0, offset), rowBreaks: scene.rowBreaks.map { $0 + offset })
        return Figure(titled, tag: .figure(alt: scene.title + separator + scene.summary), outline: scene.title)
    }

    func spec(_ t: DataTable) -> TableSpec {
        let colors: [Color?]? = t.rowTones.map { tones in tones.map { color(of: $0) } }
        let multiline = t.rows.contains { $0.contains { $0.contains("\n") || $0.count > 60 } }
        return TableSpec(caption: t.caption, header: t.header, rows: t.rows, numericColumns: t.numericColumns, maxLines: multiline ? 4 : 1, rowColors: colors)
    }

    func color(of tone: KPITile.Tone) -> Color? {
        switch tone {
        case .good: return theme.met
        case .warning: return theme.near
        case .bad: return theme.missed
        case .neutral: return nil
        }
    }

    func exception(_ item: ExceptionItem) -> Figure {
        let word = item.severityLabel(chinese: document.language.isChinese)
        let color: Color
        switch item.severity {
        case .high: color = theme.missed
        case .medium: color = theme.near
        case .low: color = theme.muted
        }
        let badgeStyle = TextStyle(size: 9.5, bold: true, color: color)
        let badge = placer.mark("● \(word)", at: Point(0, 0), .start, .top, style: badgeStyle)
        // The text starts after the widest severity word of the pack's language.
        let indent = ExceptionItem.Severity.allCases.map { severity in
            placer.width("● " + ExceptionItem(severity: severity, text: "").severityLabel(chinese: document.language.isChinese), badgeStyle)
        }.max()! + 10
        let text = placer.mark(item.text, at: Point(indent, 0), .start, .top, style: TextStyle(size: 9.5, color: theme.ink),
                               maxWidth: geometry.contentWidth - indent, maxLines: 2)
        var height = 14.0
        if case .text(let t) = text { height = t.bounds.height }
        return Figure(Scene(width: geometry.contentWidth, height: height - 4, title: "", summary: "", marks: [badge, text]), tag: .listItem)
    }
}
