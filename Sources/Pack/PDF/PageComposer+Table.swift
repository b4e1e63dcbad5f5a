import Charts

extension PageComposer {
    /// A table, split between rows with its header repeated on every page it reaches.
    /// Every row lands on exactly one page: none is lost, none is doubled.
    func place(_ spec: TableSpec, on pages: inout PageSequence) {
        let x = geometry.margin
        let width = geometry.contentWidth
        let table = TableGeometry(spec, width: width, placer: placer, theme: theme)
        let captionStyle = TextStyle(size: 10, bold: true, color: theme.ink)
        let captionHeight = spec.caption.map { placer.size($0, captionStyle, maxWidth: width).height + 6 } ?? 0
        // The caption, the header and the first rows (up to three) start together.
        let opening = table.rowHeights.prefix(3).reduce(0, +)
        pages.ensure(captionHeight + table.headerHeight + opening)
        pages.begin(.table)
        if let caption = spec.caption {
            pages.bookmark(caption, level: 2)
            pages.page.add([placer.mark(caption, at: Point(x, pages.y), .start, .top, style: captionStyle, maxWidth: width)], tagged: .caption)
            pages.y += captionHeight
        }
        header(table, x: x, on: &pages)
        var rowsOnPage = 0
        for r in spec.rows.indices {
            // Never leave the last row alone at the top of a page: take the one before it along.
            let lastTwo = r == spec.rows.count - 2 && rowsOnPage >= 3
                && pages.y + table.rowHeights[r] + table.rowHeights[r + 1] > geometry.contentBottom
            if pages.y + table.rowHeights[r] > geometry.contentBottom || lastTwo {
                rowsOnPage = 0
                pages.newPage()
                header(table, x: x, on: &pages)
            }
            pages.page.add(table.rowBackground(r, x: x, y: pages.y).map { [$0] } ?? [])
            pages.page.open(.tableRow)
            for cell in table.rowCells(r, x: x, y: pages.y) { pages.page.add([cell], tagged: .cell) }
            pages.page.close(.tableRow)
            pages.y += table.rowHeights[r]
            rowsOnPage += 1
        }
        pages.end(.table)
        pages.y += 12
    }

    private func header(_ table: TableGeometry, x: Double, on pages: inout PageSequence) {
        let (cells, rule) = table.headerCells(x: x, y: pages.y, theme: theme)
        pages.page.open(.tableRow)
        for cell in cells { pages.page.add([cell], tagged: .headerCell) }
        pages.page.close(.tableRow)
        pages.page.add([rule])
        pages.y += table.headerHeight
    }
}
