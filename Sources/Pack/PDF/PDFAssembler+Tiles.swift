import Charts

extension PDFAssembler {
    static let tileValueSize = 21.0
    /// Below this a value would no longer read as the headline of its tile.
    static let smallestTileValue = 12.0

    /// KPI tiles, four to a row: label, value with its sparkline beside it, change, target.
    /// A value is never cut short: a long one is set smaller until it fits beside the line.
    func tileGrid(_ tiles: [KPITile]) -> Figure {
        let columns = 4, gap = 10.0, tileHeight = 94.0
        let tileWidth = (geometry.contentWidth - gap * Double(columns - 1)) / Double(columns)
        var marks: [Mark] = []
        for (i, tile) in tiles.enumerated() {
            let x = Double(i % columns) * (tileWidth + gap), y = Double(i / columns) * (tileHeight + gap)
            marks.append(.rect(Rect(x: x, y: y, width: tileWidth, height: tileHeight), fill: Color(hex: 0xF5F7FA), stroke: Stroke(color: theme.grid, width: 0.8), radius: 4))
            marks.append(placer.mark(tile.label, at: Point(x + 10, y + 8), .start, .top, style: TextStyle(size: 9.5, color: theme.muted), maxWidth: tileWidth - 20))
            let sparkWidth = tile.sparkline.width
            let room = tileWidth - 28 - sparkWidth
            let size = Self.valueSize(tile.value, room: room, placer: placer)
            let valueStyle = TextStyle(size: size, bold: true, color: theme.ink)
            // Vertically centred on the line the full-size value would take.
            let full = placer.size(tile.value, TextStyle(size: Self.tileValueSize, bold: true, color: theme.ink)).height
            let own = placer.size(tile.value, valueStyle).height
            marks.append(placer.mark(tile.value, at: Point(x + 10, y + 24 + (full - own) / 2), .start, .top, style: valueStyle))
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
        let zh = document.language.isChinese
        let alt = tiles.map { t in
            [t.label, t.value, "\(t.change) \(t.changeCaption)", t.target.map { "\($0) \(t.status ?? "")" }].compactMap { $0 }.joined(separator: zh ? "，" : ", ")
        }.joined(separator: zh ? "；" : "; ")
        return Figure(Scene(width: geometry.contentWidth, height: Double(rows) * (tileHeight + gap), title: "", summary: alt, marks: marks), tag: .figure(alt: alt))
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
