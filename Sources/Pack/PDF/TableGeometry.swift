import Charts

/// Column widths and row heights of a table on a page, and its rows as marks.
///
/// Pagination lives in ``PageComposer``; this type only measures and draws one row at a
/// time, so the composer can guarantee every row lands on exactly one page.
struct TableGeometry {
    let spec: TableSpec
    let widths: [Double]
    let rowHeights: [Double]
    let headerHeight: Double
    let style: TextStyle
    let headerStyle: TextStyle
    let placer: TextPlacer
    static let padding = 5.0
    /// The most room a column gains beyond its widest cell when the page has room to spare.
    static let spareAir = 28.0

    init(_ spec: TableSpec, width: Double, placer: TextPlacer, theme: Theme) {
        self.spec = spec
        self.placer = placer
        style = TextStyle(size: 8.5, color: theme.ink)
        headerStyle = TextStyle(size: 8.5, bold: true, color: theme.muted)
        let columns = spec.header.count
        // Natural width per column: the widest cell (first line), capped.
        var natural = [Double](repeating: 0, count: columns)
        for (c, h) in spec.header.enumerated() { natural[c] = placer.width(h, headerStyle) }
        for row in spec.rows.prefix(400) {
            for c in 0..<min(columns, row.count) {
                let line = row[c].split(separator: "\n").first.map(String.init) ?? ""
                natural[c] = max(natural[c], placer.width(line, style))
            }
        }
        let wanted = natural.map { $0 + 2 * Self.padding }
        natural = wanted.map { min($0, width * 0.45) }
        let total = natural.reduce(0, +)
        var widths = natural
        if total > width {
            // Shrink the wide columns first, keeping narrow ones readable.
            var excess = total - width
            while excess > 0.5 {
                let widest = widths.indices.max { widths[$0] < widths[$1] }!
                let second = widths.enumerated().filter { $0.offset != widest }.map(\.element).max() ?? 0
                let cut = min(excess, max(widths[widest] - second, 1), widths[widest] - 30)
                if cut <= 0 { break }
                widths[widest] -= cut
                excess -= cut
            }
        } else if total < width {
            // A column held to 45 % gets back what its widest cell wants, as far as the page allows.
            var spare = width - total
            for c in 0..<columns where wanted[c] > widths[c] && spare > 0 {
                let grant = min(wanted[c] - widths[c], spare)
                widths[c] += grant
                spare -= grant
            }
            // Then some air for every column, up to a limit: a narrow table stays narrow rather
            // than pushing its numbers to the far edge of the page, away from their labels.
            let share = min(spare / Double(max(columns, 1)), Self.spareAir)
            widths = widths.map { $0 + share }
        }
        self.widths = widths
        let lineStyle = style, headStyle = headerStyle
        // Measured aligned as drawn (numbers to the right), so that the PDF draws the very layouts.
        headerHeight = (spec.header.enumerated().map {
            placer.size($1, headStyle, maxWidth: widths[$0] - 2 * Self.padding, maxLines: 2, alignment: spec.alignment(ofColumn: $0)).height
        }.max() ?? 10) + 2 * Self.padding
        rowHeights = spec.rows.map { row in
            (row.enumerated().map { c, cell in
                placer.size(cell, lineStyle, maxWidth: widths[min(c, widths.count - 1)] - 2 * Self.padding, maxLines: spec.maxLines, alignment: spec.alignment(ofColumn: c)).height
            }.max() ?? 10) + 2 * Self.padding - 1
        }
    }

    /// One text mark per header cell, then the rule under the header.
    func headerCells(x: Double, y: Double, theme: Theme) -> (cells: [Mark], rule: Mark) {
        var cells: [Mark] = []
        var cx = x
        for (c, h) in spec.header.enumerated() {
            let alignment = spec.alignment(ofColumn: c)
            cells.append(placer.mark(h, at: Point(alignment == .end ? cx + widths[c] - Self.padding : cx + Self.padding, y + Self.padding),
                                     alignment, .top, style: headerStyle, maxWidth: widths[c] - 2 * Self.padding, maxLines: 2))
            cx += widths[c]
        }
        let rule = Mark.line([Point(x, y + headerHeight), Point(x + widths.reduce(0, +), y + headerHeight)], Stroke(color: theme.axis, width: 0.8))
        return (cells, rule)
    }

    /// The row's shading (every other row), if any.
    func rowBackground(_ r: Int, x: Double, y: Double) -> Mark? {
        r % 2 == 1 ? .rect(Rect(x: x, y: y, width: widths.reduce(0, +), height: rowHeights[r]), fill: Color(hex: 0xF5F7FA)) : nil
    }

    /// One text mark per cell of row `r`.
    func rowCells(_ r: Int, x: Double, y: Double) -> [Mark] {
        var cells: [Mark] = []
        var cx = x
        for (c, cell) in spec.rows[r].enumerated() where c < widths.count {
            let alignment = spec.alignment(ofColumn: c)
            var cellStyle = style
            if c == widths.count - 1, let color = spec.rowColors?[r] { cellStyle = TextStyle(size: style.size, bold: true, color: color) }
            cells.append(placer.mark(cell, at: Point(alignment == .end ? cx + widths[c] - Self.padding : cx + Self.padding, y + Self.padding - 0.5),
                                     alignment, .top, style: cellStyle, maxWidth: widths[c] - 2 * Self.padding, maxLines: spec.maxLines))
            cx += widths[c]
        }
        return cells
    }
}
