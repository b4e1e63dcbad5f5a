import Charts

extension PageComposer {
    /// A line of figures: on this page if it fits, slightly smaller if that makes it fit,
    /// else on the next page. A figure taller than a whole page splits at its row breaks
    /// or, having none, is scaled down to the page.
    func place(_ figures: [Figure], on pages: inout PageSequence) {
        let height = figures.map(\.scene.height).max() ?? 0
        if figures.count == 1, height > pages.frameHeight {
            if figures[0].scene.rowBreaks.isEmpty {
                pages.ensure(pages.frameHeight + 1)
                put(figures, scale: pages.frameHeight / height, on: &pages)
            } else {
                split(figures[0], on: &pages)
            }
            return
        }
        var scale = 1.0
        if height > pages.room, !pages.isPageEmpty {
            if let fill = fillScale(height, on: pages) { scale = fill } else { pages.newPage() }
        }
        put(figures, scale: scale, on: &pages)
    }

    /// Whether the figures go on this page, at full size or a little smaller.
    func fits(_ figures: [Figure], on pages: PageSequence) -> Bool {
        let height = figures.map(\.scene.height).max() ?? 0
        return pages.isPageEmpty || height <= pages.room || fillScale(height, on: pages) != nil
            || (figures.count == 1 && height > pages.frameHeight)
    }

    /// The scale that fits a figure of `height` into the rest of the page, if it is not too small.
    private func fillScale(_ height: Double, on pages: PageSequence) -> Double? {
        let smallest = pages.room > pages.frameHeight / 3 ? Self.smallestFillOfEmptyPage : Self.smallestFill
        return pages.room >= height * smallest ? min(pages.room / height, 1) : nil
    }

    /// Places the figures side by side from the left and right edges (one figure: at the left).
    private func put(_ figures: [Figure], scale: Double, on pages: inout PageSequence) {
        let widths = figures.map { $0.scene.width * scale }
        let gap = figures.count > 1 ? (geometry.contentWidth - widths.reduce(0, +)) / Double(figures.count - 1) : 0
        var x = geometry.margin
        for (figure, width) in zip(figures, widths) {
            if let title = figure.outline { pages.bookmark(title, level: 2) }
            pages.page.add(figure.scene.marks.map { $0.transformed(scale: scale, dx: x, dy: pages.y) }, tagged: figure.tag)
            x += width + gap
        }
        pages.y += (figures.map(\.scene.height).max() ?? 0) * scale + 10
    }

    /// A figure taller than a page, cut between rows: as many rows on each page as fit.
    private func split(_ figure: Figure, on pages: inout PageSequence) {
        let scene = figure.scene
        let cuts = scene.rowBreaks.filter { $0 > 0 && $0 < scene.height } + [scene.height]
        var start = 0.0
        while start < scene.height {
            // The furthest cut that fits; at least one band, even on a fresh page.
            let fitting = cuts.filter { $0 > start && $0 - start <= pages.room }
            guard let end = fitting.last ?? (pages.isPageEmpty ? cuts.first { $0 > start } : nil) else {
                pages.newPage()
                continue
            }
            if start == 0, let title = figure.outline { pages.bookmark(title, level: 2) }
            let last = end >= scene.height
            let band = scene.marks.filter { $0.top >= start - 0.5 && (last || $0.top < end - 0.5) }
            pages.page.add(band.map { $0.offset(geometry.margin, pages.y - start) }, tagged: figure.tag)
            pages.y += end - start + (last ? 10 : 0)
            start = end
            if !last { pages.newPage() }
        }
    }
}
