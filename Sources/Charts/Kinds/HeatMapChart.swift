/// A heat map of values in cells (the cohort retention triangle): a sequential one-hue
/// ramp that stays readable in greyscale, each value written in its cell, missing cells
/// left blank.
public struct HeatMapChart: Sendable {
    public var title: String
    public var rowLabels: [String]
    public var columnLabels: [String]
    /// Rows of values; a row may be shorter than the columns (a triangle).
    public var values: [[Double?]]
    /// Extra text after each row label (cohort size).
    public var rowNotes: [String]
    public var kind: ValueKind
    public var format: NumberFormat

    public init(title: String, rowLabels: [String], columnLabels: [String], values: [[Double?]], rowNotes: [String] = [],
                kind: ValueKind, format: NumberFormat) {
        self.title = title
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.values = values
        self.rowNotes = rowNotes
        self.kind = kind
        self.format = format
    }

    /// Light to dark blue; the dark end takes white text.
    static func ramp(_ t: Double) -> Color {
        let light = Color(hex: 0xEFF5FB), dark = Color(hex: 0x08306B)
        let u = min(max(t, 0), 1)
        return Color(r: light.r + (dark.r - light.r) * u, g: light.g + (dark.g - light.g) * u, b: light.b + (dark.b - light.b) * u)
    }

    public static func height(rows: Int, theme: Theme = .standard) -> Double { Double(rows) * max(20, theme.smallSize * 2.35) + 24 }

    /// The narrowest width at which every cell's value still fits in its cell.
    public func minimumWidth(theme: Theme) -> Double { Double(columnLabels.count) * theme.smallSize * 3.6 + theme.smallSize * 9 }

    public func build(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Scene {
        var marks: [Mark] = []
        let labels = zip(rowLabels, rowNotes.isEmpty ? rowLabels.map { _ in "" } : rowNotes).map { $1.isEmpty ? $0 : "\($0)  \($1)" }
        let labelWidth = min((labels.map { text.width($0, theme.small) }.max() ?? 0) + 10, width * 0.3)
        let header = 20.0
        let cellWidth = (width - labelWidth) / Double(max(columnLabels.count, 1))
        let cellHeight = (height - header) / Double(max(rowLabels.count, 1))
        let present = values.flatMap { $0.compactMap { $0 } }
        let (lo, hi) = (present.min() ?? 0, present.max() ?? 1)
        for (j, label) in columnLabels.enumerated() {
            marks.append(text.mark(label, at: Point(labelWidth + (Double(j) + 0.5) * cellWidth, header / 2), .middle, .middle,
                                   style: theme.small, maxWidth: cellWidth - 2))
        }
        for (i, label) in labels.enumerated() {
            let y = header + Double(i) * cellHeight
            marks.append(text.mark(label, at: Point(0, y + cellHeight / 2), .start, .middle, style: theme.small, maxWidth: labelWidth - 6))
            for (j, v) in (i < values.count ? values[i] : []).enumerated() where j < columnLabels.count {
                guard let v else { continue }
                let t = hi > lo ? (v - lo) / (hi - lo) : 0.5
                let fill = Self.ramp(t)
                let cell = Rect(x: labelWidth + Double(j) * cellWidth + 1, y: y + 1, width: cellWidth - 2, height: cellHeight - 2)
                marks.append(.rect(cell, fill: fill))
                let ink = fill.luminance < 0.35 ? Color(hex: 0xFFFFFF) : theme.ink
                let label = kind == .ratio ? format.fixed(v * 100, 0) + "%" : format.format(v, kind)
                marks.append(text.mark(label, at: Point(cell.x + cell.width / 2, cell.y + cell.height / 2), .middle, .middle,
                                       style: TextStyle(size: theme.smallSize, color: ink), maxWidth: cell.width - 2))
            }
        }
        let zh = format.language.isChinese
        let summary = rowLabels.enumerated().compactMap { i, label -> String? in
            guard i < values.count, let last = values[i].last(where: { $0 != nil }) ?? nil, values[i].count > 1 else { return nil }
            return "\(label) \(format.format(last, kind))"
        }.joined(separator: zh ? "；" : "; ")
        return Scene(width: width, height: height, title: title,
                     summary: (zh ? "各批次最近一月的数值：" : "Latest value of each cohort: ") + summary, marks: marks,
                     rowBreaks: rowLabels.indices.dropFirst().map { header + Double($0) * cellHeight })
    }
}
