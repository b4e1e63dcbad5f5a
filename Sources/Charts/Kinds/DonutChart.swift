import Foundation

/// Shares of a whole as a ring, with a legend of names, values and percentages.
/// At most eight named slices; any beyond the eight largest are merged into "other".
public struct DonutChart: Sendable {
    public struct Slice: Sendable {
        public var name: String
        public var value: Double
        public init(name: String, value: Double) { (self.name, self.value) = (name, value) }
    }

    public var title: String
    public var slices: [Slice]
    public var otherLabel: String
    public var centerLabel: String
    public var kind: ValueKind
    public var format: NumberFormat

    public static let maximumSlices = 8

    public init(title: String, slices: [Slice], otherLabel: String, centerLabel: String, kind: ValueKind, format: NumberFormat) {
        (self.title, self.slices, self.otherLabel, self.centerLabel, self.kind, self.format) = (title, slices, otherLabel, centerLabel, kind, format)
    }

    /// The slices drawn: positive values, largest first, the tail merged into "other".
    public var shown: [Slice] {
        let positive = slices.filter { $0.value > 0 }.sorted { $0.value > $1.value }
        guard positive.count > Self.maximumSlices else { return positive }
        let head = positive.prefix(Self.maximumSlices)
        let rest = positive.dropFirst(Self.maximumSlices).reduce(0) { $0 + $1.value }
        return Array(head) + [Slice(name: otherLabel, value: rest)]
    }

    /// Below this width the legend goes under the ring rather than beside it.
    static let stackedBelow = 420.0

    /// The height the chart needs at `width`: beside, the ring's; stacked, the ring's and the legend's.
    public static func height(slices: Int, width: Double, theme: Theme = .standard) -> Double {
        width < stackedBelow ? 170 + Double(min(slices, maximumSlices + 1)) * legendRow(theme) : 200
    }

    static func legendRow(_ theme: Theme) -> Double { theme.labelSize * 1.5 + 4 }

    public func build(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Scene {
        var marks: [Mark] = []
        let parts = shown
        let total = parts.reduce(0) { $0 + $1.value }
        let stacked = width < Self.stackedBelow
        let radius = stacked ? 76 : min(height / 2 - 4, width * 0.22)
        let center = stacked ? Point(width / 2, radius + 4) : Point(radius + 4, height / 2)
        let inner = radius * 0.58
        // "Other" in a neutral grey, never a series colour used again.
        func color(_ k: Int) -> Color { k < Self.maximumSlices ? theme.palette[k % theme.palette.count] : Color(hex: 0xB8BEC6) }
        var angle = -Double.pi / 2
        for (k, part) in parts.enumerated() where total > 0 {
            let sweep = part.value / total * 2 * Double.pi
            let steps = max(Int(sweep / 0.05), 2)
            var points: [Point] = []
            for s in 0...steps {
                let a = angle + sweep * Double(s) / Double(steps)
                points.append(Point(center.x + radius * cos(a), center.y + radius * sin(a)))
            }
            for s in stride(from: steps, through: 0, by: -1) {
                let a = angle + sweep * Double(s) / Double(steps)
                points.append(Point(center.x + inner * cos(a), center.y + inner * sin(a)))
            }
            marks.append(.area(points, fill: color(k)))
            // A white edge between slices keeps them apart in greyscale too.
            marks.append(.line([Point(center.x + inner * cos(angle), center.y + inner * sin(angle)),
                                Point(center.x + radius * cos(angle), center.y + radius * sin(angle))], Stroke(color: Color(hex: 0xFFFFFF), width: 1.5)))
            angle += sweep
        }
        marks.append(text.mark(format.format(total, kind), at: Point(center.x, center.y - 1), .middle, .bottom, style: theme.value, maxWidth: inner * 1.8))
        marks.append(text.mark(centerLabel, at: Point(center.x, center.y + 1), .middle, .top, style: theme.small, maxWidth: inner * 1.8))
        let legendX = stacked ? 0 : center.x + radius + 18
        let row = stacked ? Self.legendRow(theme) : min(18.0, height / Double(max(parts.count, 1)))
        let legendTop = stacked ? 2 * radius + 14 : height / 2 - row * Double(parts.count) / 2
        for (k, part) in parts.enumerated() {
            let y = legendTop + (Double(k) + 0.5) * row
            marks.append(.rect(Rect(x: legendX, y: y - 5, width: 10, height: 10), fill: color(k), radius: 1.5))
            let share = total > 0 ? format.format(part.value / total, .ratio) : NumberFormat.missing
            let numbers = "\(format.format(part.value, kind))  \(share)"
            let numbersWidth = text.width(numbers, theme.small)
            marks.append(text.mark(numbers, at: Point(width, y), .end, .middle, style: theme.small))
            marks.append(text.mark(part.name, at: Point(legendX + 16, y), .start, .middle, style: theme.label,
                                   maxWidth: max(width - legendX - 16 - numbersWidth - 10, 20)))
        }
        let zh = format.language.isChinese
        let summary = parts.map { "\($0.name) \(total > 0 ? format.format($0.value / total, .ratio) : "—")" }.joined(separator: zh ? "，" : ", ")
        return Scene(width: width, height: height, title: title, summary: summary + (zh ? "。" : "."), marks: marks)
    }
}
