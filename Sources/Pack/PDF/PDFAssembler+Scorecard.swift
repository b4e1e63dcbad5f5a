import Charts

extension PDFAssembler {
    static let tileValueSize = 16.0
    /// Below this a value would no longer read as the headline of its tile.
    static let smallestTileValue = 11.0
    /// The widest a value may be set before it is set smaller.
    static let tileValueRoom = 170.0

    /// KPI tiles as a scorecard: one strip per KPI across the page, its label, value,
    /// sparkline, change and target on one line. A value is never cut short: a long one
    /// is set smaller. One line per KPI is also what makes extracted text read KPI by KPI;
    /// a grid of tiles comes out of `pdftotext` as a row of labels, then a row of values.
    func scorecard(_ tiles: [KPITile]) -> Figure {
        let stripHeight = 26.0, gap = 3.0, padding = 12.0, spacing = 18.0
        let labelStyle = TextStyle(size: 10, color: theme.ink)
        let detailSize = 9.0
        let sizes = tiles.map { Self.valueSize($0.value, room: Self.tileValueRoom, placer: placer) }
        let valueStyles = sizes.map { TextStyle(size: $0, bold: true, color: theme.ink) }
        let changes = tiles.map { "\($0.change) \($0.changeCaption)" }
        let labelWidth = min(tiles.map { placer.width($0.label, labelStyle) }.max() ?? 0, geometry.contentWidth * 0.25)
        let valueWidth = zip(tiles, valueStyles).map { placer.width($0.value, $1) }.max() ?? 0
        // The sparkline a little smaller than the strip, clear of its edges.
        let sparkScale = min(1, (stripHeight - 8) / max(tiles.map(\.sparkline.height).max() ?? 1, 1))
        let sparkWidth = (tiles.map(\.sparkline.width).max() ?? 0) * sparkScale
        let changeWidth = changes.map { placer.width($0, TextStyle(size: detailSize, bold: true, color: theme.ink)) }.max() ?? 0
        let valueX = padding + labelWidth + spacing
        let sparkX = valueX + valueWidth + spacing
        // The change and the target take the right half, so a strip reads across the page.
        let changeX = max(sparkX + sparkWidth + spacing * 2, geometry.contentWidth * 0.4)
        let targetX = max(changeX + changeWidth + spacing * 2, geometry.contentWidth * 0.62)
        var marks: [Mark] = []
        for (i, tile) in tiles.enumerated() {
            let y = Double(i) * (stripHeight + gap), middle = y + stripHeight / 2
            marks.append(.rect(Rect(x: 0, y: y, width: geometry.contentWidth, height: stripHeight), fill: Color(hex: 0xF5F7FA),
                               stroke: Stroke(color: theme.grid, width: 0.8), radius: 3))
            marks.append(placer.mark(tile.label, at: Point(padding, middle), .start, .middle, style: labelStyle, maxWidth: labelWidth + 1))
            marks.append(placer.mark(tile.value, at: Point(valueX, middle), .start, .middle, style: valueStyles[i]))
            marks += tile.sparkline.marks.map { $0.transformed(scale: sparkScale, dx: sparkX, dy: middle - tile.sparkline.height * sparkScale / 2) }
            let toneColor = color(of: tile.changeTone) ?? theme.muted
            marks.append(placer.mark(changes[i], at: Point(changeX, middle), .start, .middle, style: TextStyle(size: detailSize, bold: true, color: toneColor)))
            // A KPI without a target says so, which also keeps every strip's line whole for text extraction.
            let target = tile.target.map { "\($0)  \(tile.status ?? "")" } ?? (document.language.isChinese ? "未设目标" : "no target")
            let statusColor = tile.target == nil ? theme.muted : color(of: tile.statusTone) ?? theme.muted
            marks.append(placer.mark(target, at: Point(targetX, middle), .start, .middle,
                                     style: TextStyle(size: detailSize, color: statusColor), maxWidth: geometry.contentWidth - targetX - padding))
        }
        let zh = document.language.isChinese
        let alt = zip(tiles, changes).map { t, change in
            [t.label, t.value, change, t.target.map { "\($0) \(t.status ?? "")" }].compactMap { $0 }.joined(separator: zh ? "，" : ", ")
        }.joined(separator: zh ? "；" : "; ")
        let height = Double(tiles.count) * (stripHeight + gap) - gap
        return Figure(Scene(width: geometry.contentWidth, height: height, title: "", summary: alt, marks: marks), tag: .figure(alt: alt))
    }

    /// The largest size up to the tile's own at which `value` fits in `room`.
    static func valueSize(_ value: String, room: Double, placer: TextPlacer) -> Double {
        func width(_ size: Double) -> Double { placer.size(value, TextStyle(size: size, bold: true, color: Theme.standard.ink)).width }
        let natural = width(tileValueSize)
        guard natural > room else { return tileValueSize }
        // Widths are nearly proportional to the size; step down from the estimate until it fits.
        var size = (tileValueSize * room / natural * 4).rounded(.down) / 4
        while size > smallestTileValue, width(size) > room { size -= 0.25 }
        return max(size, smallestTileValue)
    }
}
