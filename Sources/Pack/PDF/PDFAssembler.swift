import Charts

/// Turns the pack document into a cover and a flow of boxes for the page composer:
/// the PDF's reading order and how blocks become figures and tables.
struct PDFAssembler {
    let document: PackDocument
    let geometry: PageGeometry
    let theme: Theme
    let placer = TextPlacer()

    func cover() -> Scene {
        let g = geometry
        var marks: [Mark] = [.rect(Rect(x: 0, y: 0, width: g.width, height: g.height * 0.62), fill: Color(hex: 0x0B3C5D))]
        marks.append(.rect(Rect(x: g.margin + 8, y: g.height * 0.62 - 6, width: 64, height: 6), fill: theme.palette[1]))
        let white = Color(hex: 0xFFFFFF)
        marks.append(placer.mark(document.company, at: Point(g.margin + 8, 80), .start, .top, style: TextStyle(size: 16, color: white.opacity(0.85))))
        marks.append(placer.mark(document.title, at: Point(g.margin + 8, 150), .start, .top, style: TextStyle(size: 34, bold: true, color: white), maxWidth: g.contentWidth))
        marks.append(placer.mark(document.monthLabel, at: Point(g.margin + 8, 205), .start, .top, style: TextStyle(size: 24, color: white)))
        marks.append(placer.mark(document.headline, at: Point(g.margin + 8, g.height * 0.62 + 30), .start, .top,
                                 style: TextStyle(size: 13, color: theme.ink), maxWidth: g.contentWidth - 16, maxLines: 4))
        marks.append(placer.mark(document.colophon, at: Point(g.margin + 8, g.height - g.margin), .start, .bottom,
                                 style: TextStyle(size: 8.5, color: theme.muted), maxWidth: g.contentWidth - 16, maxLines: 3))
        return Scene(width: g.width, height: g.height, title: document.title, summary: document.headline, marks: marks)
    }

    func flow() -> [FlowItem] {
        var flow: [FlowItem] = []
        let body = TextStyle(size: 10, color: theme.ink)
        for (s, section) in document.sections.enumerated() {
            // The summary follows the commentary, and the exceptions the summary, on their page; every other section opens a page.
            let follows = section.id == "exceptions" || (section.id == "summary" && s > 0 && document.sections[s - 1].id == "commentary")
            if s > 0, !follows { flow.append(.pageBreak) }
            flow.append(.heading(section.title, outline: true))
            var pendingHalf: ChartBlock?
            for block in section.blocks {
                if case .chart(let chart) = block, !chart.wide {
                    if let left = pendingHalf {
                        flow.append(.figure(pair(left, chart)))
                        pendingHalf = nil
                    } else {
                        pendingHalf = chart
                    }
                    continue
                }
                if let left = pendingHalf { flow.append(.figure(pair(left, nil))); pendingHalf = nil }
                switch block {
                case .note(let text): flow.append(.paragraph(text, body))
                case .commentary(let commentary): flow += CommentaryPDF(theme: theme).flow(commentary)
                case .tiles(let tiles): flow.append(.figure(tileGrid(tiles)))
                case .exceptions(let items): flow += items.map { .figure(exception($0)) }
                case .chart(let chart):
                    flow.append(.figure(chart.scene.title == section.title ? chart.scene : titled(chart, width: geometry.contentWidth)))
                    if chart.tableInPrint { flow.append(.table(spec(chart.data))) }
                case .table(let table):
                    flow.append(.table(spec(table)))
                }
            }
            if let left = pendingHalf { flow.append(.figure(pair(left, nil))) }
        }
        return flow
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

    /// A chart with its title above it.
    func titled(_ chart: ChartBlock, width: Double) -> Scene {
        let style = TextStyle(size: 11, bold: true, color: theme.ink)
        let title = placer.mark(chart.scene.title, at: Point(0, 0), .start, .top, style: style, maxWidth: width)
        let offset = 20.0
        return Scene(width: width, height: chart.scene.height + offset, title: chart.scene.title, summary: chart.scene.summary,
                     marks: [title] + chart.scene.marks(at: 0, offset))
    }

    /// Two half-width charts side by side.
    func pair(_ left: ChartBlock, _ right: ChartBlock?) -> Scene {
        let gap = geometry.contentWidth - 2 * left.scene.width
        let l = titled(left, width: left.scene.width)
        var marks = l.marks
        var height = l.height
        if let right {
            let r = titled(right, width: right.scene.width)
            marks += r.marks(at: left.scene.width + gap, 0)
            height = max(height, r.height)
        }
        return Scene(width: geometry.contentWidth, height: height + 6, title: "", summary: "", marks: marks)
    }

    /// KPI tiles, four to a row: label, value with its sparkline beside it, change, target.
    func tileGrid(_ tiles: [KPITile]) -> Scene {
        let columns = 4, gap = 10.0, tileHeight = 94.0
        let tileWidth = (geometry.contentWidth - gap * Double(columns - 1)) / Double(columns)
        var marks: [Mark] = []
        for (i, tile) in tiles.enumerated() {
            let x = Double(i % columns) * (tileWidth + gap), y = Double(i / columns) * (tileHeight + gap)
            marks.append(.rect(Rect(x: x, y: y, width: tileWidth, height: tileHeight), fill: Color(hex: 0xF5F7FA), stroke: Stroke(color: theme.grid, width: 0.8), radius: 4))
            marks.append(placer.mark(tile.label, at: Point(x + 10, y + 8), .start, .top, style: TextStyle(size: 9.5, color: theme.muted), maxWidth: tileWidth - 20))
            let sparkWidth = tile.sparkline.width
            marks.append(placer.mark(tile.value, at: Point(x + 10, y + 24), .start, .top, style: TextStyle(size: 21, bold: true, color: theme.ink),
                                     maxWidth: tileWidth - 28 - sparkWidth))
            marks += tile.sparkline.marks(at: x + tileWidth - 10 - sparkWidth, y + 28)
            let toneColor = color(of: tile.changeTone) ?? theme.muted
            marks.append(placer.mark("\(tile.change) \(tile.changeCaption)", at: Point(x + 10, y + 60), .start, .top,
                                     style: TextStyle(size: 8.5, bold: true, color: toneColor), maxWidth: tileWidth - 20))
            if let target = tile.target {
                let statusColor = color(of: tile.statusTone) ?? theme.muted
                marks.append(placer.mark("\(target)  \(tile.status ?? "")", at: Point(x + 10, y + 75), .start, .top,
                                         style: TextStyle(size: 8.5, color: statusColor), maxWidth: tileWidth - 20))
            }
        }
        let rows = (tiles.count + columns - 1) / columns
        return Scene(width: geometry.contentWidth, height: Double(rows) * (tileHeight + gap), title: "", summary: "", marks: marks)
    }

    func exception(_ item: ExceptionItem) -> Scene {
        let zh = document.language.isChinese
        let (word, color): (String, Color) = switch item.severity {
        case .high: (zh ? "高" : "high", theme.missed)
        case .medium: (zh ? "中" : "medium", theme.near)
        case .low: (zh ? "低" : "low", theme.muted)
        }
        let badge = placer.mark("● \(word)", at: Point(0, 0), .start, .top, style: TextStyle(size: 9.5, bold: true, color: color))
        let text = placer.mark(item.text, at: Point(56, 0), .start, .top, style: TextStyle(size: 9.5, color: theme.ink),
                               maxWidth: geometry.contentWidth - 56, maxLines: 2)
        var height = 14.0
        if case .text(let t) = text { height = t.bounds.height }
        return Scene(width: geometry.contentWidth, height: height - 4, title: "", summary: "", marks: [badge, text])
    }
}
