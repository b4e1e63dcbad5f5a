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

    public func build(width: Double, height: Double, theme: Theme = .standard) -> Scene {
        let text = TextPlacer()
        var marks: [Mark] = []
        let values = series.flatMap { $0.values.compactMap { $0 } } + (target ?? []).compactMap { $0 }
            + (benchmark.map { [$0.lowerBound, $0.upperBound] } ?? [])
        let scale = NiceScale(values: values, includeZero: zeroBased || values.isEmpty)
        let tickLabels = scale.ticks.map { format.tick($0, kind, step: scale.step) }

        // Legend along the top when there is more than one thing to tell apart.
        var top = 4.0
        var legend: [(String, Color, Bool)] = series.enumerated().map { ($1.name, theme.palette[$0 % theme.palette.count], false) }
        if target?.contains(where: { $0 != nil }) == true { legend.append((targetLabel, theme.target, true)) }
        var legendRight = 0.0
        if legend.count > 1 {
            var x = 0.0
            for (name, color, dashed) in legend {
                let y = top + 7
                marks.append(.line([Point(x, y), Point(x + 16, y)], Stroke(color: color, width: dashed ? 1.5 : theme.lineWidth, dash: dashed ? [4, 3] : [])))
                let label = text.mark(name, at: Point(x + 20, y), .start, .middle, style: theme.label, maxWidth: 150)
                marks.append(label)
                if case .text(let t) = label { x = t.bounds.maxX + 14 }
            }
            legendRight = x
        }
        if let annotation {
            marks.append(text.mark(annotation, at: Point(width, top + 7), .end, .middle, style: theme.small, maxWidth: max(width - legendRight, 40)))
        }
        if legend.count > 1 || annotation != nil { top += 20 }

        let labelWidth = tickLabels.map { text.width($0, theme.small) }.max() ?? 0
        let plot = Rect(x: labelWidth + 8, y: top + 8, width: width - labelWidth - 8 - 46, height: height - top - 8 - 22)
        let n = max(monthLabels.count, 1)
        func x(_ i: Int) -> Double { plot.x + (n == 1 ? plot.width / 2 : Double(i) / Double(n - 1) * plot.width) }
        func y(_ v: Double) -> Double { scale.map(v, from: plot.maxY, to: plot.y) }

        for (t, label) in zip(scale.ticks, tickLabels) {
            marks.append(.line([Point(plot.x, y(t)), Point(plot.maxX, y(t))], Stroke(color: t == 0 ? theme.axis : theme.grid, width: theme.gridWidth)))
            marks.append(text.mark(label, at: Point(plot.x - 6, y(t)), .end, .middle, style: theme.small))
        }
        // Month labels: every month when they fit, else every other one (always the last).
        let widest = monthLabels.map { text.width($0, theme.small) }.max() ?? 0
        let every = widest + 6 > plot.width / Double(n) ? 2 : 1
        for (i, label) in monthLabels.enumerated() where (n - 1 - i) % every == 0 {
            marks.append(text.mark(label, at: Point(x(i), plot.maxY + 6), .middle, .top, style: theme.small))
        }
        if let benchmark {
            if benchmark.upperBound > benchmark.lowerBound {
                marks.append(.rect(Rect(x: plot.x, y: y(benchmark.upperBound), width: plot.width, height: y(benchmark.lowerBound) - y(benchmark.upperBound)),
                                   fill: theme.muted.opacity(0.12)))
            } else {
                marks.append(.line([Point(plot.x, y(benchmark.lowerBound)), Point(plot.maxX, y(benchmark.lowerBound))], Stroke(color: theme.muted.opacity(0.6), width: 1, dash: [1, 2])))
            }
            marks.append(text.mark(benchmarkLabel, at: Point(plot.x + 4, y(benchmark.upperBound) - 2), .start, .bottom, style: theme.small))
        }
        if let target {
            for run in Self.runs(target) where run.count > 0 {
                let points = run.map { Point(x($0.0), y($0.1)) }
                if points.count == 1 {
                    marks.append(.line([Point(points[0].x - 6, points[0].y), Point(points[0].x + 6, points[0].y)], Stroke(color: theme.target, width: 1.5)))
                } else {
                    marks.append(.line(points, Stroke(color: theme.target, width: 1.5, dash: [4, 3])))
                }
            }
        }
        for (k, s) in series.enumerated() {
            let color = theme.palette[k % theme.palette.count]
            for run in Self.runs(s.values) {
                let points = run.map { Point(x($0.0), y($0.1)) }
                if area, k == 0, points.count > 1 {
                    let base = y(max(scale.lower, min(0, scale.upper)))
                    marks.append(.area([Point(points[0].x, base)] + points + [Point(points[points.count - 1].x, base)], fill: color.opacity(0.14)))
                }
                if points.count > 1 { marks.append(.line(points, Stroke(color: color, width: theme.lineWidth))) }
                for p in points { marks.append(.circle(center: p, radius: 1.8, fill: color)) }
            }
            // Label the latest value of the first series.
            if k == 0, let last = s.values.indices.last(where: { s.values[$0] != nil }), let v = s.values[last] {
                let p = Point(x(last), y(v))
                marks.append(.circle(center: p, radius: 3.5, fill: color, stroke: Stroke(color: Color(hex: 0xFFFFFF), width: 1.5)))
                let label = format.format(v, kind)
                let w = text.width(label, theme.value)
                let anchorX = min(p.x + 6, width - w)
                let anchorY = p.y - 4 < plot.y + 10 ? p.y + 6 : p.y - 4
                marks.append(text.mark(label, at: Point(anchorX, anchorY), .start, p.y - 4 < plot.y + 10 ? .top : .bottom, style: theme.value))
            }
        }
        return Scene(width: width, height: height, title: title, summary: summary(), marks: marks)
    }

    /// Consecutive non-missing points: a missing month breaks the line.
    static func runs(_ values: [Double?]) -> [[(Int, Double)]] {
        var runs: [[(Int, Double)]] = [[]]
        for (i, v) in values.enumerated() {
            if let v { runs[runs.count - 1].append((i, v)) } else if !runs[runs.count - 1].isEmpty { runs.append([]) }
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
