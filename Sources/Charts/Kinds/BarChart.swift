/// Vertical bars per category: several series side by side (grouped) or on top of each
/// other (stacked). Bars start at zero; category labels wrap to two lines, then ellipsise.
public struct BarChart: Sendable {
    public enum Layout: Sendable { case grouped, stacked }

    public struct Series: Sendable {
        public var name: String
        public var values: [Double?]
        public init(name: String, values: [Double?]) { (self.name, self.values) = (name, values) }
    }

    public var title: String
    public var categories: [String]
    public var series: [Series]
    public var layout: Layout
    public var kind: ValueKind
    public var format: NumberFormat

    public init(title: String, categories: [String], series: [Series], layout: Layout, kind: ValueKind, format: NumberFormat) {
        (self.title, self.categories, self.series, self.layout, self.kind, self.format) = (title, categories, series, layout, kind, format)
    }

    public func build(width: Double, height: Double, theme: Theme = .standard) -> Scene {
        let text = TextPlacer()
        var marks: [Mark] = []
        var top = 4.0
        if series.count > 1 {
            var x = 0.0
            for (k, s) in series.enumerated() {
                marks.append(.rect(Rect(x: x, y: top + 2, width: 10, height: 10), fill: theme.palette[k % theme.palette.count], radius: 1.5))
                let label = text.mark(s.name, at: Point(x + 14, top + 7), .start, .middle, style: theme.label, maxWidth: 140)
                marks.append(label)
                if case .text(let t) = label { x = t.bounds.maxX + 14 }
            }
            top += 20
        }
        let n = categories.count
        let totals: [Double] = (0..<n).map { (i: Int) -> Double in
            let values: [Double] = series.map { (s: Series) -> Double in (s.values[safe: i] ?? nil) ?? 0 }
            return layout == .stacked ? values.filter { $0 > 0 }.reduce(0, +) : values.max() ?? 0
        }
        let negatives = series.flatMap { $0.values.compactMap { $0 } }.filter { $0 < 0 }
        let scale = NiceScale(values: totals + negatives, includeZero: true)
        let ticks = scale.ticks.map { format.tick($0, kind, step: scale.step) }
        let labelWidth = ticks.map { text.width($0, theme.small) }.max() ?? 0
        // Room below the bars for the tallest category label (up to two lines).
        let slotGuess = (width - labelWidth - 8) / Double(max(n, 1))
        let labelHeight = categories.map { text.size($0, theme.label, maxWidth: slotGuess - 4, maxLines: 2).height }.max() ?? 12
        let plot = Rect(x: labelWidth + 8, y: top + 14, width: width - labelWidth - 8, height: height - top - 14 - labelHeight - 8)
        func y(_ v: Double) -> Double { scale.map(v, from: plot.maxY, to: plot.y) }
        for (t, label) in zip(scale.ticks, ticks) {
            marks.append(.line([Point(plot.x, y(t)), Point(plot.maxX, y(t))], Stroke(color: t == 0 ? theme.axis : theme.grid, width: theme.gridWidth)))
            marks.append(text.mark(label, at: Point(plot.x - 6, y(t)), .end, .middle, style: theme.small))
        }
        let slot = plot.width / Double(max(n, 1))
        let groupWidth = slot * 0.72
        for i in 0..<n {
            let left = plot.x + Double(i) * slot + (slot - groupWidth) / 2
            var base = 0.0
            for (k, s) in series.enumerated() {
                guard let v = s.values[safe: i] ?? nil else { continue }
                let color = theme.palette[k % theme.palette.count]
                let (x, w): (Double, Double) = layout == .grouped
                    ? (left + Double(k) * groupWidth / Double(series.count), groupWidth / Double(series.count) - 1)
                    : (left, groupWidth)
                let (from, to) = layout == .stacked ? (base, base + v) : (0, v)
                if layout == .stacked { base += v }
                let rect = Rect(x: x, y: min(y(from), y(to)), width: w, height: max(abs(y(to) - y(from)), 0.5))
                marks.append(.rect(rect, fill: color, stroke: layout == .stacked ? Stroke(color: Color(hex: 0xFFFFFF), width: 0.8) : nil))
                let label = format.format(v, kind)
                let labelWidth = text.width(label, theme.small)
                if layout == .grouped, labelWidth <= w + 8 {
                    marks.append(text.mark(label, at: Point(x + w / 2, rect.y - 2), .middle, .bottom, style: theme.small))
                } else if layout == .stacked, rect.height > 12, labelWidth < w - 2 {
                    let ink = color.luminance < 0.35 ? Color(hex: 0xFFFFFF) : theme.ink
                    marks.append(text.mark(label, at: Point(x + w / 2, rect.y + rect.height / 2), .middle, .middle, style: TextStyle(size: theme.smallSize, color: ink)))
                }
            }
            if layout == .stacked {
                marks.append(text.mark(format.format(totals[i], kind), at: Point(left + groupWidth / 2, y(totals[i]) - 2), .middle, .bottom, style: theme.style(theme.smallSize, bold: true)))
            }
            marks.append(text.mark(categories[i], at: Point(left + groupWidth / 2, plot.maxY + 5), .middle, .top, style: theme.label,
                                   maxWidth: slot - 4, maxLines: 2))
        }
        let zh = format.language.isChinese
        let summary = categories.enumerated().map { i, c in
            "\(c): " + series.map { "\($0.name) \(format.format($0.values[safe: i] ?? nil, kind))" }.joined(separator: zh ? "，" : ", ")
        }.joined(separator: zh ? "；" : "; ")
        return Scene(width: width, height: height, title: title, summary: summary + (zh ? "。" : "."), marks: marks)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
