/// A legend of swatches and names that flows into as many lines as the width needs.
struct Legend {
    enum Swatch { case line(Color, dashed: Bool), box(Color) }

    var entries: [(name: String, swatch: Swatch)]

    /// The legend's marks from `top` down, and the y below its last line the x after its last entry and the middle of its last line.
    func layout(width: Double, top: Double, theme: Theme, placer: TextPlacer) -> (marks: [Mark], bottom: Double, right: Double, lastMiddle: Double) {
        var marks: [Mark] = []
        let lineHeight = max(placer.size("Ag", theme.label).height, 12) + 4
        var x = 0.0, y = top
        for (name, swatch) in entries {
            let labelWidth = placer.size(name, theme.label, maxWidth: min(150, width - 20)).width
            let itemWidth = (swatch.isBox ? 14 : 20) + labelWidth
            if x > 0, x + itemWidth > width { (x, y) = (0, y + lineHeight) }
            let mid = y + lineHeight / 2
            switch swatch {
            case let .line(color, dashed):
                marks.append(.line([Point(x, mid), Point(x + 16, mid)], Stroke(color: color, width: dashed ? 1.5 : theme.lineWidth, dash: dashed ? [4, 3] : [])))
            case .box(let color):
                marks.append(.rect(Rect(x: x, y: mid - 5, width: 10, height: 10), fill: color, radius: 1.5))
            }
            marks.append(.text(placer.text(name, at: Point(x + (swatch.isBox ? 14 : 20), mid), .start, .middle, style: theme.label, maxWidth: min(150, width - 20))))
            x += itemWidth + 14
        }
        return (marks, entries.isEmpty ? top : y + lineHeight, x, y + lineHeight / 2)
    }
}

extension Legend.Swatch {
    var isBox: Bool { if case .box = self { return true } else { return false } }
}
