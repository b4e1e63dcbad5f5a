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

    /// Where a heat map's parts go, resolved before any mark is made.
    public struct Geometry: Sendable {
        public struct Cell: Sendable {
            public var rect: Rect
            public var value: Double
            /// Where the value sits on the ramp, 0 (lowest shown) to 1 (highest).
            public var shade: Double
        }

        /// Each row's label with its note ("2026-03  120 位"), and the width they are set in.
        public var rowLabels: [String]
        public var labelWidth: Double
        public var cellWidth: Double
        /// The column labels' row.
        public var header: Double
        public var columnCenters: [Double]
        /// The vertical middle of each row.
        public var rowMiddles: [Double]
        /// Per row, per column: the cell, or nil where the value is missing or the triangle ends.
        public var cells: [[Cell?]]
        public var rowBreaks: [Double]
    }

    public func layout(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Geometry {
        let labels = zip(rowLabels, rowNotes.isEmpty ? rowLabels.map { _ in "" } : rowNotes).map { $1.isEmpty ? $0 : "\($0)  \($1)" }
        let labelWidth = min((labels.map { text.width($0, theme.small) }.max() ?? 0) + 10, width * 0.3)
        let header = 20.0
        let cellWidth = (width - labelWidth) / Double(max(columnLabels.count, 1))
        let cellHeight = (height - header) / Double(max(rowLabels.count, 1))
        let present = values.flatMap { $0.compactMap { $0 } }
        let (lo, hi) = (present.min() ?? 0, present.max() ?? 1)
        let cells = rowLabels.indices.map { i -> [Geometry.Cell?] in
            let y = header + Double(i) * cellHeight
            return columnLabels.indices.map { j -> Geometry.Cell? in
                guard i < values.count, j < values[i].count, let v = values[i][j] else { return nil }
                return .init(rect: Rect(x: labelWidth + Double(j) * cellWidth + 1, y: y + 1, width: cellWidth - 2, height: cellHeight - 2),
                             value: v, shade: hi > lo ? (v - lo) / (hi - lo) : 0.5)
            }
        }
        return Geometry(rowLabels: labels, labelWidth: labelWidth, cellWidth: cellWidth, header: header,
                        columnCenters: columnLabels.indices.map { labelWidth + (Double($0) + 0.5) * cellWidth },
                        rowMiddles: rowLabels.indices.map { header + (Double($0) + 0.5) * cellHeight }, cells: cells,
                        rowBreaks: rowLabels.indices.dropFirst().map { header + Double($0) * cellHeight })
    }

    public func build(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Scene {
        let g = layout(width: width, height: height, theme: theme, placer: text)
        var marks: [Mark] = []
        for (label, x) in zip(columnLabels, g.columnCenters) {
            marks.append(text.mark(label, at: Point(x, g.header / 2), .middle, .middle, style: theme.small, maxWidth: g.cellWidth - 2))
        }
        for (label, (y, row)) in zip(g.rowLabels, zip(g.rowMiddles, g.cells)) {
            marks.append(text.mark(label, at: Point(0, y), .start, .middle, style: theme.small, maxWidth: g.labelWidth - 6))
            for cell in row.compactMap({ $0 }) {
                let fill = Self.ramp(cell.shade)
                marks.append(.rect(cell.rect, fill: fill))
                let ink = fill.luminance < 0.35 ? Color(hex: 0xFFFFFF) : theme.ink
                let label = kind == .ratio ? format.fixed(cell.value * 100, 0) + "%" : format.format(cell.value, kind)
                marks.append(text.mark(label, at: Point(cell.rect.x + cell.rect.width / 2, cell.rect.y + cell.rect.height / 2), .middle, .middle,
                                       style: TextStyle(size: theme.smallSize, color: ink), maxWidth: cell.rect.width - 2))
            }
        }
        let zh = format.language.isChinese
        let summary = rowLabels.enumerated().compactMap { i, label -> String? in
            guard i < values.count, let last = values[i].last(where: { $0 != nil }) ?? nil, values[i].count > 1 else { return nil }
            return "\(label) \(format.format(last, kind))"
        }.joined(separator: zh ? "；" : "; ")
        return Scene(width: width, height: height, title: title,
                     summary: (zh ? "各批次最近一月的数值：" : "Latest value of each cohort: ") + summary, marks: marks, rowBreaks: g.rowBreaks)
    }
}
