/// Target versus actual: one row per target, attainment (or, for a period still open,
/// pace) on a shared 0–150 % axis with bands for missed, near and met, the target as a
/// tick, and the status as a shape plus a word (never colour alone).
public struct BulletChart: Sendable {
    public enum Status: Sendable { case met, near, missed, onTrack, behind }

    public struct Row: Sendable {
        public var label: String
        /// "actual / target" as the reader should see it.
        public var detail: String
        /// Attainment of a closed period, pace of an open one.
        public var attainment: Double?
        public var status: Status?
        public init(label: String, detail: String, attainment: Double?, status: Status?) {
            (self.label, self.detail, self.attainment, self.status) = (label, detail, attainment, status)
        }
    }

    public var title: String
    public var rows: [Row]
    public var nearThreshold: Double
    public var format: NumberFormat

    public init(title: String, rows: [Row], nearThreshold: Double = 0.9, format: NumberFormat) {
        (self.title, self.rows, self.nearThreshold, self.format) = (title, rows, nearThreshold, format)
    }

    static let axisMaximum = 1.5

    /// Below this width a row puts its label above its bar rather than beside it.
    static let stackedBelow = 480.0

    /// The height the chart needs for its rows at `width`.
    public static func height(rows: Int, width: Double = 770, theme: Theme = .standard) -> Double {
        width < stackedBelow ? Double(rows) * (theme.labelSize * 1.45 + 24) + theme.smallSize * 1.5 + 8 : Double(rows) * 30 + 22
    }

    /// Where a bullet chart's parts go, resolved before any mark is made.
    public struct Geometry: Sendable {
        public struct Row: Sendable {
            /// The missed, near and met bands, left to right.
            public var bands: [Rect]
            /// Attainment from zero, cut at the axis's end; nil when unknown.
            public var bar: Rect?
            /// Attainment beyond the axis's end, marked with an arrow.
            public var overflows: Bool
            /// Where the target's tick stands (it crosses the bands, a little taller than they are).
            public var targetX: Double
            /// The vertical middle of the bar; and of the label's and status's line, which on a
            /// phone sits above the bar and beside it otherwise.
            public var middle: Double
            public var textMiddle: Double
        }

        public var stacked: Bool
        /// The 0–150 % axis's box, all rows.
        public var area: Rect
        public var labelWidth: Double
        public var detailWidth: Double
        public var statusWidth: Double
        public var rows: [Row]
        /// The axis's ticks: attainment and x.
        public var ticks: [(value: Double, x: Double)]
        /// Where the chart may split between rows.
        public var rowBreaks: [Double]
    }

    public func layout(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Geometry {
        let zh = format.language.isChinese
        let badgeStyle = theme.style(theme.labelSize, bold: true)
        let statusWidth = (rows.map { text.width(Self.badge($0.status, zh: zh).text, badgeStyle) }.max() ?? 0) + 10
        let stacked = width < Self.stackedBelow
        // On a phone the bar gives up more of its line, so the figures beside it stay whole.
        let detailWidth = min((rows.map { text.width($0.detail, theme.small) }.max() ?? 0) + 12, width * (stacked ? 0.5 : 0.3))
        let axisHeight = text.size("0%", theme.small).height + 8
        // Beside: label | bar | detail | status on one line. Stacked: label and status above, bar and detail below.
        let labelWidth = stacked ? width - statusWidth : min((rows.map { text.width($0.label, theme.label) }.max() ?? 0) + 10, width * 0.26)
        let area = stacked ? Rect(x: 0, y: 0, width: width - detailWidth, height: height - axisHeight)
                           : Rect(x: labelWidth, y: 0, width: width - labelWidth - detailWidth - statusWidth, height: height - axisHeight)
        let rowHeight = area.height / Double(max(rows.count, 1))
        func x(_ a: Double) -> Double { area.x + min(max(a, 0), Self.axisMaximum) / Self.axisMaximum * area.width }
        let geometryRows = rows.enumerated().map { i, row -> Geometry.Row in
            let rowTop = area.y + Double(i) * rowHeight
            let middle = stacked ? rowTop + rowHeight - 10 : rowTop + rowHeight / 2
            let bandHeight = stacked ? 14 : min(rowHeight * 0.7, 18)
            func band(_ from: Double, _ to: Double) -> Rect { Rect(x: x(from), y: middle - bandHeight / 2, width: x(to) - x(from), height: bandHeight) }
            let bar = row.attainment.map { Rect(x: x(0), y: middle - bandHeight / 4, width: x($0) - x(0), height: bandHeight / 2) }
            return Geometry.Row(bands: [band(0, nearThreshold), band(nearThreshold, 1), band(1, Self.axisMaximum)], bar: bar,
                                overflows: (row.attainment ?? 0) > Self.axisMaximum, targetX: x(1), middle: middle,
                                textMiddle: stacked ? rowTop + theme.labelSize * 0.75 : middle)
        }
        return Geometry(stacked: stacked, area: area, labelWidth: labelWidth, detailWidth: detailWidth, statusWidth: statusWidth,
                        rows: geometryRows, ticks: [0, 0.5, 1, 1.5].map { ($0, x($0)) },
                        rowBreaks: rows.indices.dropFirst().map { area.y + Double($0) * rowHeight })
    }

    public func build(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Scene {
        let g = layout(width: width, height: height, theme: theme, placer: text)
        let zh = format.language.isChinese
        var marks: [Mark] = []
        for (row, place) in zip(rows, g.rows) {
            for (band, color) in zip(place.bands, [Color(hex: 0xE9ECEF), Color(hex: 0xD5DADF), Color(hex: 0xF4F5F7)]) {
                marks.append(.rect(band, fill: color))
            }
            if let bar = place.bar {
                marks.append(.rect(bar, fill: theme.ink))
                if place.overflows {
                    marks.append(text.mark("▶", at: Point(bar.maxX - 1, place.middle), .end, .middle, style: theme.style(theme.smallSize, Color(hex: 0xFFFFFF))))
                }
            }
            let band = place.bands[0]
            marks.append(.line([Point(place.targetX, band.y - 2), Point(place.targetX, band.maxY + 2)], Stroke(color: theme.target, width: 2)))
            marks.append(text.mark(row.label, at: Point(0, place.textMiddle), .start, .middle, style: theme.style(theme.labelSize), maxWidth: g.labelWidth - 8))
            marks.append(text.mark(row.detail, at: Point(g.area.maxX + 8, place.middle), .start, .middle, style: theme.small, maxWidth: g.detailWidth - 8))
            let color: Color
            switch row.status {
            case .met, .onTrack: color = theme.met
            case .near: color = theme.near
            case .missed, .behind: color = theme.missed
            case nil: color = theme.muted
            }
            marks.append(text.mark(Self.badge(row.status, zh: zh).text, at: Point(width - g.statusWidth + 6, place.textMiddle), .start, .middle,
                                   style: theme.style(theme.labelSize, bold: true, color), maxWidth: g.statusWidth - 6))
        }
        let labels = format.axisLabels(g.ticks.map(\.value), .ratio, step: 0.5)
        for (tick, label) in zip(g.ticks, labels) {
            marks.append(text.mark(label, at: Point(tick.x, g.area.maxY + 6), tick.value == 0 && g.stacked ? .start : .middle, .top, style: theme.small))
        }
        return Scene(width: width, height: height, title: title, summary: summary(), marks: marks, rowBreaks: g.rowBreaks)
    }

    /// The status as a shape and a word.
    static func badge(_ status: Status?, zh: Bool) -> (text: String, word: String) {
        let (symbol, word): (String, String)
        switch status {
        case .met: (symbol, word) = ("●", zh ? "达成" : "met")
        case .onTrack: (symbol, word) = ("●", zh ? "进度正常" : "on track")
        case .near: (symbol, word) = ("▲", zh ? "接近" : "near")
        case .missed: (symbol, word) = ("✕", zh ? "未达" : "missed")
        case .behind: (symbol, word) = ("✕", zh ? "进度落后" : "behind")
        case nil: return (NumberFormat.missing, NumberFormat.missing)
        }
        return ("\(symbol) \(word)", word)
    }

    func summary() -> String {
        let zh = format.language.isChinese
        func count(_ s: Status) -> Int { rows.filter { $0.status == s }.count }
        let parts: [(Status, String)] = [(.met, zh ? "达成" : "met"), (.onTrack, zh ? "进度正常" : "on track"), (.near, zh ? "接近" : "near"),
                                         (.behind, zh ? "进度落后" : "behind"), (.missed, zh ? "未达" : "missed")]
        let tally = parts.filter { $0.0 == .met || $0.0 == .near || $0.0 == .missed || count($0.0) > 0 }
            .map { zh ? "\($0.1) \(count($0.0))" : "\(count($0.0)) \($0.1)" }
        let head = zh ? "\(rows.count) 项目标：\(tally.joined(separator: "，"))。" : "\(rows.count) target\(rows.count == 1 ? "" : "s"): \(tally.joined(separator: ", "))."
        let detail = rows.map { "\($0.label) \($0.detail)" }.joined(separator: zh ? "；" : "; ")
        return head + " " + detail
    }
}
