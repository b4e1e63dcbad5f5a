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

    /// Where a donut's parts go, resolved before any mark is made.
    public struct Geometry: Sendable {
        public struct Wedge: Sendable {
            /// Radians clockwise from three o'clock; the first wedge starts at twelve.
            public var start: Double
            public var sweep: Double
        }

        public struct LegendRow: Sendable {
            public var swatch: Rect
            /// Where the name starts, and how wide it may run before the numbers.
            public var nameX: Double
            public var nameWidth: Double
            /// Where the value and share end (right-aligned): just after the longest name, not at the chart's edge.
            public var numbersRight: Double
            /// The middle of the row's line.
            public var y: Double
        }

        public var stacked: Bool
        public var center: Point
        public var radius: Double
        public var inner: Double
        /// One wedge per shown slice; none when the total is not positive.
        public var wedges: [Wedge]
        public var legend: [LegendRow]
    }

    public func layout(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Geometry {
        let parts = shown
        let total = parts.reduce(0) { $0 + $1.value }
        let stacked = width < Self.stackedBelow
        let radius = stacked ? 76 : min(height / 2 - 4, width * 0.22)
        let center = stacked ? Point(width / 2, radius + 4) : Point(radius + 4, height / 2)
        var wedges: [Geometry.Wedge] = []
        var angle = -Double.pi / 2
        for part in parts where total > 0 {
            let sweep = part.value / total * 2 * Double.pi
            wedges.append(.init(start: angle, sweep: sweep))
            angle += sweep
        }
        let legendX = stacked ? 0 : center.x + radius + 18
        let row = stacked ? Self.legendRow(theme) : min(18.0, height / Double(max(parts.count, 1)))
        let legendTop = stacked ? 2 * radius + 14 : height / 2 - row * Double(parts.count) / 2
        let numbersWidth = parts.map { text.width(numbers($0, total: total), theme.small) }.max() ?? 0
        let longestName = parts.map { text.width($0.name, theme.label) }.max() ?? 0
        let nameWidth = max(min(longestName, width - legendX - 16 - numbersWidth - 16), 20)
        let numbersRight = min(legendX + 16 + nameWidth + 16 + numbersWidth, width)
        let legend = parts.indices.map { k -> Geometry.LegendRow in
            let y = legendTop + (Double(k) + 0.5) * row
            return .init(swatch: Rect(x: legendX, y: y - 5, width: 10, height: 10), nameX: legendX + 16,
                         nameWidth: nameWidth + 1, numbersRight: numbersRight, y: y)
        }
        return Geometry(stacked: stacked, center: center, radius: radius, inner: radius * 0.58, wedges: wedges, legend: legend)
    }

    /// A legend row's value and share: "¥12.0万（35.0%）", never two numbers that run together.
    func numbers(_ part: Slice, total: Double) -> String {
        let share = total > 0 ? format.format(part.value / total, .ratio) : NumberFormat.missing
        return format.language.isChinese ? "\(format.format(part.value, kind))（\(share)）" : "\(format.format(part.value, kind)) (\(share))"
    }

    public func build(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Scene {
        let g = layout(width: width, height: height, theme: theme, placer: text)
        var marks: [Mark] = []
        let parts = shown
        let total = parts.reduce(0) { $0 + $1.value }
        let (center, radius, inner) = (g.center, g.radius, g.inner)
        // "Other" in a neutral grey, never a series colour used again.
        func color(_ k: Int) -> Color { k < Self.maximumSlices ? theme.palette[k % theme.palette.count] : Color(hex: 0xB8BEC6) }
        func point(_ r: Double, _ a: Double) -> Point { Point(center.x + r * cos(a), center.y + r * sin(a)) }
        for (k, wedge) in g.wedges.enumerated() {
            let steps = max(Int(wedge.sweep / 0.05), 2)
            let angles = (0...steps).map { wedge.start + wedge.sweep * Double($0) / Double(steps) }
            marks.append(.area(angles.map { point(radius, $0) } + angles.reversed().map { point(inner, $0) }, fill: color(k)))
            // A white edge between slices keeps them apart in greyscale too.
            marks.append(.line([point(inner, wedge.start), point(radius, wedge.start)], Stroke(color: Color(hex: 0xFFFFFF), width: 1.5)))
        }
        marks.append(text.mark(format.format(total, kind), at: Point(center.x, center.y - 1), .middle, .bottom, style: theme.value, maxWidth: inner * 1.8))
        marks.append(text.mark(centerLabel, at: Point(center.x, center.y + 1), .middle, .top, style: theme.small, maxWidth: inner * 1.8, maxLines: 2))
        for (k, (part, row)) in zip(parts, g.legend).enumerated() {
            marks.append(.rect(row.swatch, fill: color(k), radius: 1.5))
            marks.append(text.mark(numbers(part, total: total), at: Point(row.numbersRight, row.y), .end, .middle, style: theme.small))
            marks.append(text.mark(part.name, at: Point(row.nameX, row.y), .start, .middle, style: theme.label, maxWidth: row.nameWidth))
        }
        let zh = format.language.isChinese
        let summary = parts.map { "\($0.name) \(total > 0 ? format.format($0.value / total, .ratio) : "—")" }.joined(separator: zh ? "，" : ", ")
        return Scene(width: width, height: height, title: title, summary: summary + (zh ? "。" : "."), marks: marks)
    }
}
