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

    /// Where a bar chart's parts go, resolved before any mark is made.
    public struct Geometry: Sendable {
        public var header: [Mark]
        public var plot: Rect
        /// The width each category owns along the plot.
        public var slot: Double
        /// nil when no value is known ("no data").
        public var axis: ValueAxis?
        /// Per category, the span its group of bars takes.
        public var groups: [ClosedRange<Double>]
        /// Per category, per series: the bar, or nil for a missing value.
        public var bars: [[Rect?]]
        /// Per category, the top of its stack (stacked layout) for the total's label.
        public var totals: [Double]
    }

    public func layout(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Geometry {
        var header: [Mark] = []
        var top = 4.0
        if series.count > 1 {
            let legend = Legend(entries: series.enumerated().map { ($1.name, .box(theme.palette[$0 % theme.palette.count])) })
            let placed = legend.layout(width: width, top: top, theme: theme, placer: text)
            header = placed.marks
            top = placed.bottom
        }
        let n = categories.count
        let totals: [Double] = (0..<n).map { (i: Int) -> Double in
            let values: [Double] = series.map { (s: Series) -> Double in (s.values[safe: i] ?? nil) ?? 0 }
            return layout == .stacked ? values.filter { $0 > 0 }.reduce(0, +) : values.max() ?? 0
        }
        let known = series.flatMap { $0.values.compactMap { $0 } }
        let axis = known.isEmpty ? nil : ValueAxis(values: totals + known.filter { $0 < 0 }, kind: kind, format: format, includeZero: true)
        let labelWidth = axis?.ticks.map { text.width($0.label, theme.small) }.max() ?? 0
        // Room below the bars for the tallest category label (up to two lines).
        let slotGuess = (width - labelWidth - 8) / Double(max(n, 1))
        let labelHeight = categories.map { text.size($0, theme.label, maxWidth: slotGuess - 4, maxLines: 2).height }.max() ?? 12
        let valueHeight = text.size("0", theme.small).height
        let plot = Rect(x: labelWidth + 8, y: top + valueHeight + 4, width: width - labelWidth - 8, height: height - top - valueHeight - 4 - labelHeight - 8)
        func y(_ v: Double) -> Double { axis?.scale.map(v, from: plot.maxY, to: plot.y) ?? plot.maxY }
        let slot = plot.width / Double(max(n, 1))
        let groupWidth = slot * 0.72
        var groups: [ClosedRange<Double>] = []
        var bars: [[Rect?]] = []
        for i in 0..<n {
            let left = plot.x + Double(i) * slot + (slot - groupWidth) / 2
            groups.append(left...(left + groupWidth))
            var base = 0.0
            bars.append(series.enumerated().map { k, s in
                guard let v = s.values[safe: i] ?? nil else { return nil }
                let (x, w): (Double, Double) = layout == .grouped
                    ? (left + Double(k) * groupWidth / Double(series.count), groupWidth / Double(series.count) - 1)
                    : (left, groupWidth)
                let (from, to) = layout == .stacked ? (base, base + v) : (0, v)
                if layout == .stacked { base += v }
                return Rect(x: x, y: min(y(from), y(to)), width: w, height: max(abs(y(to) - y(from)), 0.5))
            })
        }
        return Geometry(header: header, plot: plot, slot: slot, axis: axis, groups: groups, bars: bars, totals: totals.map(y))
    }

    public func build(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Scene {
        let g = layout(width: width, height: height, theme: theme, placer: text)
        var marks = g.header
        let plot = g.plot
        if let axis = g.axis {
            for tick in axis.ticks {
                let y = axis.scale.map(tick.value, from: plot.maxY, to: plot.y)
                marks.append(.line([Point(plot.x, y), Point(plot.maxX, y)], Stroke(color: tick.value == 0 ? theme.axis : theme.grid, width: theme.gridWidth)))
                marks.append(text.mark(tick.label, at: Point(plot.x - 6, y), .end, .middle, style: theme.small))
            }
        } else {
            marks.append(.line([Point(plot.x, plot.maxY), Point(plot.maxX, plot.maxY)], Stroke(color: theme.axis, width: theme.gridWidth)))
            marks.append(text.mark(format.language.isChinese ? "无数据" : "No data", at: Point(plot.x + plot.width / 2, plot.y + plot.height / 2),
                                   .middle, .middle, style: theme.label))
        }
        let slot = g.slot
        let labels = g.groups.indices.map { i in series.map { s in (s.values[safe: i] ?? nil).map { format.format($0, kind) } } }
        let widths = labels.map { $0.map { $0.map { text.width($0, theme.small) } ?? 0 } }
        // Grouped bars' value labels sit over their bars. They are drawn only if every one
        // clears its neighbours' (centres a bar apart) and its group's share of the slot:
        // labels on some bars and not on others would single those out.
        let pitch = g.groups.first.map { ($0.upperBound - $0.lowerBound) / Double(max(series.count, 1)) } ?? 0
        let margin = g.groups.first.map { (slot - ($0.upperBound - $0.lowerBound)) / 2 } ?? 0
        func clears(_ w: [Double], _ k: Int) -> Bool {
            let half = w[k] / 2
            let left = k > 0 ? half + w[k - 1] / 2 + 2 <= pitch : half <= pitch / 2 + margin - 1
            let right = k + 1 < w.count ? half + w[k + 1] / 2 + 2 <= pitch : half <= pitch / 2 + margin - 1
            return left && right
        }
        let valueLabels = layout == .grouped && widths.allSatisfy { w in w.indices.allSatisfy { clears(w, $0) } }
        for (i, group) in g.groups.enumerated() {
            for (k, _) in series.enumerated() {
                guard let rect = g.bars[i][k], let label = labels[i][k] else { continue }
                let color = theme.palette[k % theme.palette.count]
                marks.append(.rect(rect, fill: color, stroke: layout == .stacked ? Stroke(color: Color(hex: 0xFFFFFF), width: 0.8) : nil))
                let labelWidth = widths[i][k]
                if valueLabels {
                    marks.append(text.mark(label, at: Point(rect.x + rect.width / 2, rect.y - 2), .middle, .bottom, style: theme.small))
                } else if layout == .stacked, rect.height > theme.smallSize * 1.4, labelWidth < rect.width - 2 {
                    let ink = color.luminance < 0.35 ? Color(hex: 0xFFFFFF) : theme.ink
                    marks.append(text.mark(label, at: Point(rect.x + rect.width / 2, rect.y + rect.height / 2), .middle, .middle, style: TextStyle(size: theme.smallSize, color: ink)))
                }
            }
            let middle = (group.lowerBound + group.upperBound) / 2
            if layout == .stacked, g.axis != nil {
                let total = series.map { ($0.values[safe: i] ?? nil) ?? 0 }.filter { $0 > 0 }.reduce(0, +)
                marks.append(text.mark(format.format(total, kind), at: Point(middle, g.totals[i] - 2), .middle, .bottom, style: theme.style(theme.smallSize, bold: true)))
            }
            marks.append(text.mark(categories[i], at: Point(middle, plot.maxY + 5), .middle, .top, style: theme.label, maxWidth: slot - 4, maxLines: 2))
        }
        let zh = format.language.isChinese
        let summary = categories.enumerated().map { i, c in
            c + (zh ? "：" : ": ") + series.map { "\($0.name) \(format.format($0.values[safe: i] ?? nil, kind))" }.joined(separator: zh ? "，" : ", ")
        }.joined(separator: zh ? "；" : "; ")
        return Scene(width: width, height: height, title: title, summary: summary + (zh ? "。" : "."), marks: marks)
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
