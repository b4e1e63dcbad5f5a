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

    /// The height the stages need at `width`: on a narrow screen, room for a bar and the
    /// conversion line between bars in its larger type.
    public static func height(stages: Int, width: Double) -> Double { width < 480 ? 16 + Double(stages) * 52 : 230 }

    public func build(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Scene {
        var marks: [Mark] = []
        let zh = format.language.isChinese
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
        if showCost {
            marks.append(text.mark(costHeading, at: Point(width, header / 2 - 2), .end, .middle, style: theme.small))
        }
        for (i, stage) in stages.enumerated() {
            let top = area.y + Double(i) * rowHeight
            let share = broken && i == 0 ? 1 : maxCount > 0 ? min(Double(stage.count) / maxCount, 1) : 0
            let barWidth = max(area.width * share, 2)
            let bar = Rect(x: area.x + (area.width - barWidth) / 2, y: top, width: barWidth, height: barHeight)
            let color = theme.palette[0].tint(Double(i) / Double(max(stages.count, 2)) * 0.55)
            marks.append(.rect(bar, fill: color, radius: 2))
            if broken && i == 0 {
                for dx in [0.0, 7.0] {
                    let bx = bar.x + bar.width * 0.78 + dx
                    marks.append(.line([Point(bx - 4, bar.maxY + 1), Point(bx + 4, bar.y - 1)], Stroke(color: Color(hex: 0xFFFFFF), width: 2.5)))
                }
            }
            marks.append(text.mark(stage.label, at: Point(0, bar.y + barHeight / 2), .start, .middle, style: theme.style(theme.labelSize), maxWidth: labelWidth - 8))
            let count = format.format(Double(stage.count), .count)
            let countWidth = text.width(count, theme.value)
            if countWidth + 8 < barWidth {
                let ink = color.luminance > 0.45 ? theme.ink : Color(hex: 0xFFFFFF)
                marks.append(text.mark(count, at: Point(bar.x + barWidth / 2, bar.y + barHeight / 2), .middle, .middle, style: theme.style(theme.valueSize, bold: true, ink)))
            } else {
                marks.append(text.mark(count, at: Point(bar.maxX + 4, bar.y + barHeight / 2), .start, .middle, style: theme.value))
            }
            if showCost {
                marks.append(text.mark(format.format(stage.cost, .money), at: Point(width, bar.y + barHeight / 2), .end, .middle, style: theme.label))
            }
            if i > 0 {
                let gapMiddle = top - (rowHeight - barHeight) / 2
                let conversion = (zh ? "转化 " : "↓ ") + format.format(stage.conversion, .ratio)
                marks.append(text.mark(conversion, at: Point(area.x + area.width / 2, gapMiddle), .middle, .middle, style: theme.small))
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
