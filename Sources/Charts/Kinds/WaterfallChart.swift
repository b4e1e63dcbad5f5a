/// A waterfall: a starting total, steps up and down, and the resulting total; the
/// customer bridge (start − churned + won back + new = end).
public struct WaterfallChart: Sendable {
    public enum StepKind: Sendable { case total, increase, decrease }

    public struct Step: Sendable {
        public var label: String
        /// Magnitude (always ≥ 0); the kind gives the sign.
        public var value: Double
        public var kind: StepKind
        public init(label: String, value: Double, kind: StepKind) { (self.label, self.value, self.kind) = (label, value, kind) }
    }

    public var title: String
    public var steps: [Step]
    public var format: NumberFormat

    public init(title: String, steps: [Step], format: NumberFormat) { (self.title, self.steps, self.format) = (title, steps, format) }

    /// Where a waterfall's bars go, resolved before any mark is made.
    public struct Geometry: Sendable {
        public var plot: Rect
        public var scale: NiceScale
        /// One bar per step, from the level before it to the level after it.
        public var bars: [Rect]
        /// The level each step leaves (the y the dashed connector to the next bar runs at).
        public var levels: [Double]
    }

    public func layout(width: Double, height: Double) -> Geometry {
        // Running level before and after each step.
        var level = 0.0
        var spans: [(Double, Double)] = []
        for s in steps {
            switch s.kind {
            case .total: spans.append((0, s.value)); level = s.value
            case .increase: spans.append((level, level + s.value)); level += s.value
            case .decrease: spans.append((level - s.value, level)); level -= s.value
            }
        }
        let scale = NiceScale(values: spans.flatMap { [$0.0, $0.1] }, includeZero: true, integers: true)
        let plot = Rect(x: 0, y: 18, width: width, height: height - 18 - 34)
        func y(_ v: Double) -> Double { scale.map(v, from: plot.maxY, to: plot.y) }
        let slot = plot.width / Double(max(steps.count, 1))
        let bars = spans.enumerated().map { i, span in
            Rect(x: plot.x + Double(i) * slot + slot * 0.2, y: y(span.1), width: slot * 0.6, height: max(y(span.0) - y(span.1), 1))
        }
        let levels = zip(steps, spans).map { s, span in y(s.kind == .decrease ? span.0 : span.1) }
        return Geometry(plot: plot, scale: scale, bars: bars, levels: levels)
    }

    public func build(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Scene {
        let g = layout(width: width, height: height)
        var marks: [Mark] = []
        let baseline = g.scale.map(0, from: g.plot.maxY, to: g.plot.y)
        marks.append(.line([Point(0, baseline), Point(width, baseline)], Stroke(color: theme.axis, width: theme.gridWidth)))
        let slot = g.plot.width / Double(max(steps.count, 1))
        for (i, (s, bar)) in zip(steps, g.bars).enumerated() {
            let color = s.kind == .total ? theme.total : s.kind == .increase ? theme.increase : theme.decrease
            marks.append(.rect(bar, fill: color, radius: 1.5))
            if i + 1 < steps.count {
                marks.append(.line([Point(bar.maxX, g.levels[i]), Point(bar.maxX + slot * 0.4, g.levels[i])], Stroke(color: theme.axis, width: 0.8, dash: [2, 2])))
            }
            let sign = s.kind == .increase ? "+" : s.kind == .decrease ? NumberFormat.minus : ""
            marks.append(text.mark(sign + format.format(s.value, .count), at: Point(bar.x + bar.width / 2, bar.y - 3), .middle, .bottom, style: theme.value))
            marks.append(text.mark(s.label, at: Point(bar.x + bar.width / 2, g.plot.maxY + 6), .middle, .top, style: theme.label, maxWidth: slot - 4, maxLines: 2))
        }
        let zh = format.language.isChinese
        let summary = steps.map { s in
            let sign = s.kind == .increase ? "+" : s.kind == .decrease ? "−" : ""
            return "\(s.label) \(sign)\(format.format(s.value, .count))"
        }.joined(separator: zh ? "，" : ", ")
        return Scene(width: width, height: height, title: title, summary: summary + (zh ? "。" : "."), marks: marks)
    }
}
