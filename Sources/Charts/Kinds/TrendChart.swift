/// A 13-month trend: one or more series as lines, an optional dashed target line and
/// benchmark band, the latest value labelled.
public struct TrendChart: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var values: [Double?]
        public init(name: String, values: [Double?]) { (self.name, self.values) = (name, values) }
    }

    public var title: String
    /// Axis labels, one per month, oldest first.
    public var monthLabels: [String]
    public var series: [Series]
    public var target: [Double?]?
    public var targetLabel: String
    /// A reference range drawn as a band (an industry benchmark); a single value is a line.
    public var benchmark: ClosedRange<Double>?
    public var benchmarkLabel: String
    /// Fill under the first series.
    public var area: Bool
    /// A note at the top right, e.g. the month-on-month and year-on-year change.
    public var annotation: String?
    public var kind: ValueKind
    public var format: NumberFormat
    /// Start the axis at zero (counts and money), or fit the data (ratios, scores).
    public var zeroBased: Bool
    /// Whether the last point is a "latest value" to call out: true for months, false for a
    /// curve over something else (months since the last purchase) whose end is no headline.
    public var labelsLatest = true

    public init(title: String, monthLabels: [String], series: [Series], target: [Double?]? = nil, targetLabel: String = "",
                benchmark: ClosedRange<Double>? = nil, benchmarkLabel: String = "", area: Bool = false, annotation: String? = nil,
                kind: ValueKind, format: NumberFormat, zeroBased: Bool) {
        self.area = area
        self.annotation = annotation
        self.title = title
        self.monthLabels = monthLabels
        self.series = series
        self.target = target
        self.targetLabel = targetLabel
        self.benchmark = benchmark
        self.benchmarkLabel = benchmarkLabel
        self.kind = kind
        self.format = format
        self.zeroBased = zeroBased
    }

    /// Where a trend's parts go, resolved before any mark is made, for tests to assert on.
    public struct Geometry: Sendable {
        public struct MonthTick: Sendable, Equatable {
            public var label: String
            public var x: Double
            /// Labels are thinned to every second or third month when they would collide; the latest is always shown.
            public var shown: Bool
        }

        /// Legend and annotation above the plot.
        public var header: [Mark]
        public var plot: Rect
        /// nil when no value is known ("no data").
        public var axis: ValueAxis?
        public var months: [MonthTick]
        /// Per series, per month: the point, or nil for a missing month.
        public var series: [[Point?]]
        public var target: [Point?]

        public func y(_ v: Double) -> Double { axis?.scale.map(v, from: plot.maxY, to: plot.y) ?? plot.maxY }
    }

    public func layout(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Geometry {
        var header: [Mark] = []
        var legend = Legend(entries: series.enumerated().map { ($1.name, .line(theme.palette[$0 % theme.palette.count], dashed: false)) })
        if target?.contains(where: { $0 != nil }) == true { legend.entries.append((targetLabel, .line(theme.target, dashed: true))) }
        var top = 4.0
        var beside: (right: Double, middle: Double)?
        if legend.entries.count > 1 {
            let placed = legend.layout(width: width, top: top, theme: theme, placer: text)
            header += placed.marks
            top = placed.bottom
            beside = (placed.right, placed.lastMiddle)
        }
        if let annotation {
            let noteWidth = text.width(annotation, theme.small)
            // Beside the legend's last line when there is room, else on a line of its own.
            if let beside, beside.right + noteWidth <= width {
                header.append(text.mark(annotation, at: Point(width, beside.middle), .end, .middle, style: theme.small))
            } else {
                let note = text.text(annotation, at: Point(width, top), .end, .top, style: theme.small, maxWidth: width)
                header.append(.text(note))
                top = note.bounds.maxY + 2
            }
        }
        top += 8

        let values = series.flatMap { $0.values.compactMap { $0 } } + (target ?? []).compactMap { $0 }
            + (benchmark.map { [$0.lowerBound, $0.upperBound] } ?? [])
        let axis = ValueAxis(values: values, kind: kind, format: format, includeZero: zeroBased)
        let labelWidth = axis?.ticks.map { text.width($0.label, theme.small) }.max() ?? 0
        // Room on the right for the latest value's label, and for half the last month's label centred under its point.
        let latest = labelsLatest ? series.first.flatMap { s in s.values.last(where: { $0 != nil }) ?? nil }.map { format.format($0, kind) } : nil
        let lastMonth = monthLabels.last.map { text.width($0, theme.small) / 2 + 2 } ?? 0
        let rightRoom = max(latest.map { text.width($0, theme.value) + 8 } ?? 0, lastMonth, 12)
        let monthHeight = text.size("0", theme.small).height
        // The first month's label is centred under the plot's left edge: room for its half too.
        let left = max(labelWidth + 8, (monthLabels.first.map { text.width($0, theme.small) } ?? 0) / 2 + 1)
        let plot = Rect(x: left, y: top, width: width - left - rightRoom, height: height - top - monthHeight - 8)
        let n = max(monthLabels.count, 1)
        func x(_ i: Int) -> Double { plot.x + (n == 1 ? plot.width / 2 : Double(i) / Double(n - 1) * plot.width) }
        func y(_ v: Double) -> Double { axis?.scale.map(v, from: plot.maxY, to: plot.y) ?? plot.maxY }

        // Month labels: every month when they fit, else every k-th one, counted back from the latest.
        let widest = monthLabels.map { text.width($0, theme.small) }.max() ?? 0
        let slot = plot.width / Double(max(n - 1, 1))
        var every = 1
        while Double(every) * slot < widest + 6, every < n { every += 1 }
        let months = monthLabels.enumerated().map { i, label in
            Geometry.MonthTick(label: label, x: x(i), shown: (n - 1 - i) % every == 0)
        }
        let points = series.map { s in s.values.enumerated().map { i, v in v.map { Point(x(i), y($0)) } } }
        let targetPoints = (target ?? []).enumerated().map { i, v in v.map { Point(x(i), y($0)) } }
        return Geometry(header: header, plot: plot, axis: axis, months: months, series: points, target: targetPoints)
    }

    public func build(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Scene {
        let g = layout(width: width, height: height, theme: theme, placer: text)
        var marks = g.header
        let plot = g.plot
        for month in g.months where month.shown {
            marks.append(text.mark(month.label, at: Point(month.x, plot.maxY + 6), .middle, .top, style: theme.small))
        }
        guard let axis = g.axis else {
            marks.append(.line([Point(plot.x, plot.maxY), Point(plot.maxX, plot.maxY)], Stroke(color: theme.axis, width: theme.gridWidth)))
            marks.append(text.mark(format.language.isChinese ? "无数据" : "No data", at: Point(plot.x + plot.width / 2, plot.y + plot.height / 2),
                                   .middle, .middle, style: theme.label))
            return Scene(width: width, height: height, title: title, summary: summary(), marks: marks)
        }
        for tick in axis.ticks {
            let y = g.y(tick.value)
            marks.append(.line([Point(plot.x, y), Point(plot.maxX, y)], Stroke(color: tick.value == 0 ? theme.axis : theme.grid, width: theme.gridWidth)))
            marks.append(text.mark(tick.label, at: Point(plot.x - 6, y), .end, .middle, style: theme.small))
        }
        if let benchmark {
            if benchmark.upperBound > benchmark.lowerBound {
                marks.append(.rect(Rect(x: plot.x, y: g.y(benchmark.upperBound), width: plot.width, height: g.y(benchmark.lowerBound) - g.y(benchmark.upperBound)),
                                   fill: theme.muted.opacity(0.12)))
            } else {
                marks.append(.line([Point(plot.x, g.y(benchmark.lowerBound)), Point(plot.maxX, g.y(benchmark.lowerBound))], Stroke(color: theme.muted.opacity(0.6), width: 1, dash: [1, 2])))
            }
            marks.append(text.mark(benchmarkLabel, at: Point(plot.x + 4, g.y(benchmark.upperBound) - 2), .start, .bottom, style: theme.small))
        }
        for run in Self.runs(g.target) {
            if run.count == 1 {
                marks.append(.line([Point(run[0].x - 6, run[0].y), Point(run[0].x + 6, run[0].y)], Stroke(color: theme.target, width: 1.5)))
            } else {
                marks.append(.line(run, Stroke(color: theme.target, width: 1.5, dash: [4, 3])))
            }
        }
        for (k, points) in g.series.enumerated() {
            let color = theme.palette[k % theme.palette.count]
            for run in Self.runs(points) {
                if area, k == 0, run.count > 1 {
                    let base = g.y(max(axis.scale.lower, min(0, axis.scale.upper)))
                    marks.append(.area([Point(run[0].x, base)] + run + [Point(run[run.count - 1].x, base)], fill: color.opacity(0.14)))
                }
                if run.count > 1 { marks.append(.line(run, Stroke(color: color, width: theme.lineWidth))) }
                for p in run { marks.append(.circle(center: p, radius: 1.8, fill: color)) }
            }
            // Label the latest value of the first series.
            if k == 0, labelsLatest, let last = points.indices.last(where: { points[$0] != nil }), let p = points[last], let v = series[0].values[last] {
                marks.append(.circle(center: p, radius: 3.5, fill: color, stroke: Stroke(color: Color(hex: 0xFFFFFF), width: 1.5)))
                let label = format.format(v, kind)
                let w = text.width(label, theme.value)
                let below = p.y - 4 < plot.y + 10
                marks.append(text.mark(label, at: Point(min(p.x + 6, width - w), below ? p.y + 6 : p.y - 4), .start, below ? .top : .bottom, style: theme.value))
            }
        }
        return Scene(width: width, height: height, title: title, summary: summary(), marks: marks)
    }

    /// Consecutive known points: a missing month breaks the line.
    static func runs(_ points: [Point?]) -> [[Point]] {
        var runs: [[Point]] = [[]]
        for p in points {
            if let p { runs[runs.count - 1].append(p) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
        }
        return runs.filter { !$0.isEmpty }
    }

    func summary() -> String {
        let zh = format.language.isChinese
        var parts: [String] = []
        for s in series {
            let present = s.values.compactMap { $0 }
            guard let last = s.values.last(where: { $0 != nil }) ?? nil, let lo = present.min(), let hi = present.max() else {
                parts.append(zh ? "\(s.name)：无数据" : "\(s.name): no data")
                continue
            }
            let first = present.first!
            guard labelsLatest else {
                // A curve over something other than months: its range and its two ends, no "latest".
                parts.append(zh
                    ? "\(s.name)：介于 \(format.format(lo, kind)) 与 \(format.format(hi, kind)) 之间，从 \(monthLabels.first ?? "") 的 \(format.format(first, kind)) 到 \(monthLabels.last ?? "") 的 \(format.format(last, kind))"
                    : "\(s.name): between \(format.format(lo, kind)) and \(format.format(hi, kind)), from \(format.format(first, kind)) at \(monthLabels.first ?? "") to \(format.format(last, kind)) at \(monthLabels.last ?? "")")
                continue
            }
            parts.append(zh
                ? "\(s.name)：最新 \(format.format(last, kind))（\(monthLabels.last ?? "")），\(monthLabels.count) 个月内介于 \(format.format(lo, kind)) 与 \(format.format(hi, kind)) 之间，期初 \(format.format(first, kind))"
                : "\(s.name): latest \(format.format(last, kind)) (\(monthLabels.last ?? "")), between \(format.format(lo, kind)) and \(format.format(hi, kind)) over \(monthLabels.count) months, starting at \(format.format(first, kind))")
        }
        if let t = target?.last ?? nil {
            parts.append(zh ? "本月目标 \(format.format(t, kind))" : "target this month \(format.format(t, kind))")
        }
        return parts.joined(separator: zh ? "；" : "; ") + (zh ? "。" : ".")
    }
}
