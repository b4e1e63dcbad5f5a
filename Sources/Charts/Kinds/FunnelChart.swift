/// A funnel: one centred bar per stage, width proportional to its count, the step
/// conversion between stages and, when spend is known, the cost per stage.
public struct FunnelChart: Sendable {
    public struct Stage: Sendable {
        public var label: String
        public var count: Int
        /// This stage over the one before.
        public var conversion: Double?
        public var cost: Double?
        public init(label: String, count: Int, conversion: Double?, cost: Double?) {
            (self.label, self.count, self.conversion, self.cost) = (label, count, conversion, cost)
        }
    }

    public var title: String
    public var stages: [Stage]
    public var format: NumberFormat
    public var costHeading: String

    public init(title: String, stages: [Stage], format: NumberFormat, costHeading: String) {
        (self.title, self.stages, self.format, self.costHeading) = (title, stages, format, costHeading)
    }

    static let brokenScale = 0.8

    /// The height the stages need at `width`: on a narrow screen, room for a bar and the
    /// conversion line between bars in its larger type.
    public static func height(stages: Int, width: Double) -> Double { width < 480 ? 16 + Double(stages) * 52 : 230 }

    /// Where a funnel's parts go, resolved before any mark is made.
    public struct Geometry: Sendable {
        /// Room for the stage names at the left and the cost column at the right (0 without costs).
        public var labelWidth: Double
        public var costWidth: Double
        /// The cost column's heading row (0 without costs).
        public var header: Double
        /// The stage bars, centred; width in proportion to the count.
        public var bars: [Rect]
        /// Whether the first stage dwarfs the rest and is drawn full width with a break.
        public var broken: Bool
        /// The middle of the gap above each stage after the first, where its conversion goes.
        public var conversionY: [Double]
        /// The middle of the bars' area, where conversions are centred.
        public var centerX: Double
    }

    public func layout(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Geometry {
        let showCost = stages.contains { $0.cost != nil }
        let labelWidth = min(max(stages.map { text.width($0.label, theme.label) }.max() ?? 0, 40) + 10, width * 0.25)
        let costWidth = showCost ? max(text.width(costHeading, theme.small), 64) + 8 : 0
        let header = showCost ? max(text.size(costHeading, theme.small).height + 2, 16) : 0
        let area = Rect(x: labelWidth, y: header, width: width - labelWidth - costWidth, height: height - header)
        let rowHeight = area.height / Double(max(stages.count, 1))
        let barHeight = rowHeight * 0.62
        // A first stage (visits) that dwarfs the rest is drawn full width with an axis
        // break, so the lead stages keep a readable scale of their own.
        let rest = stages.dropFirst().map(\.count).max() ?? 0
        let broken = stages.count > 2 && Double(stages[0].count) > 5 * Double(max(rest, 1))
        let maxCount = Double(broken ? rest : stages.map(\.count).max() ?? 0)
        let bars = stages.enumerated().map { i, stage -> Rect in
            // Behind a break the lead stages take at most `brokenScale` of the width, so the
            // visits bar still reads as the longest.
            let scale = broken ? Self.brokenScale : 1
            let share = broken && i == 0 ? 1 : maxCount > 0 ? min(Double(stage.count) / maxCount, 1) * scale : 0
            let barWidth = max(area.width * share, 2)
            return Rect(x: area.x + (area.width - barWidth) / 2, y: area.y + Double(i) * rowHeight, width: barWidth, height: barHeight)
        }
        return Geometry(labelWidth: labelWidth, costWidth: costWidth, header: header, bars: bars, broken: broken,
                        conversionY: bars.dropFirst().map { $0.y - (rowHeight - barHeight) / 2 }, centerX: area.x + area.width / 2)
    }

    public func build(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Scene {
        let g = layout(width: width, height: height, theme: theme, placer: text)
        var marks: [Mark] = []
        let zh = format.language.isChinese
        if g.costWidth > 0 {
            marks.append(text.mark(costHeading, at: Point(width, g.header / 2 - 2), .end, .middle, style: theme.small))
        }
        for (i, (stage, bar)) in zip(stages, g.bars).enumerated() {
            let color = theme.palette[0].tint(Double(i) / Double(max(stages.count, 2)) * 0.55)
            marks.append(.rect(bar, fill: color, radius: 2))
            if g.broken && i == 0 {
                for dx in [0.0, 7.0] {
                    let bx = bar.x + bar.width * 0.78 + dx
                    marks.append(.line([Point(bx - 4, bar.maxY + 1), Point(bx + 4, bar.y - 1)], Stroke(color: Color(hex: 0xFFFFFF), width: 2.5)))
                }
            }
            let middle = bar.y + bar.height / 2
            marks.append(text.mark(stage.label, at: Point(0, middle), .start, .middle, style: theme.style(theme.labelSize), maxWidth: g.labelWidth - 8))
            let count = format.format(Double(stage.count), .count)
            if text.width(count, theme.value) + 8 < bar.width {
                let ink = color.luminance > 0.45 ? theme.ink : Color(hex: 0xFFFFFF)
                marks.append(text.mark(count, at: Point(bar.x + bar.width / 2, middle), .middle, .middle, style: theme.style(theme.valueSize, bold: true, ink)))
            } else {
                marks.append(text.mark(count, at: Point(bar.maxX + 4, middle), .start, .middle, style: theme.value))
            }
            if g.costWidth > 0 {
                marks.append(text.mark(format.format(stage.cost, .money), at: Point(width, middle), .end, .middle, style: theme.label))
            }
            if i > 0 {
                let conversion = (zh ? "转化 " : "↓ ") + format.format(stage.conversion, .ratio)
                marks.append(text.mark(conversion, at: Point(g.centerX, g.conversionY[i - 1]), .middle, .middle, style: theme.small))
            }
        }
        return Scene(width: width, height: height, title: title, summary: summary(), marks: marks)
    }

    func summary() -> String {
        let zh = format.language.isChinese
        let parts = stages.map { s -> String in
            var p = "\(s.label) \(format.format(Double(s.count), .count))"
            if let c = s.conversion { p += zh ? "（转化 \(format.format(c, .ratio))）" : " (\(format.format(c, .ratio)) of the previous stage)" }
            if let cost = s.cost { p += zh ? "，单位成本 \(format.format(cost, .money))" : ", \(format.format(cost, .money)) each" }
            return p
        }
        return parts.joined(separator: zh ? "；" : "; ") + (zh ? "。" : ".")
    }
}
