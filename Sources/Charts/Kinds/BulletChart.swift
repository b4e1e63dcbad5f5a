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

    public func build(width: Double, height: Double, theme: Theme = .standard, placer text: TextPlacer = TextPlacer()) -> Scene {
        var marks: [Mark] = []
        let zh = format.language.isChinese
        let badgeStyle = theme.style(theme.labelSize, bold: true)
        let statusWidth = (rows.map { text.width(Self.badge($0.status, zh: zh).text, badgeStyle) }.max() ?? 0) + 10
        let detailWidth = min((rows.map { text.width($0.detail, theme.small) }.max() ?? 0) + 12, width * 0.3)
        let axisHeight = text.size("0%", theme.small).height + 8
        let stacked = width < Self.stackedBelow
        // Beside: label | bar | detail | status on one line. Stacked: label and status above, bar and detail below.
        let labelWidth = stacked ? width - statusWidth : min((rows.map { text.width($0.label, theme.label) }.max() ?? 0) + 10, width * 0.26)
        let area = stacked ? Rect(x: 0, y: 0, width: width - detailWidth, height: height - axisHeight)
                           : Rect(x: labelWidth, y: 0, width: width - labelWidth - detailWidth - statusWidth, height: height - axisHeight)
        let rowHeight = area.height / Double(max(rows.count, 1))
        func x(_ a: Double) -> Double { area.x + min(max(a, 0), Self.axisMaximum) / Self.axisMaximum * area.width }

        for (i, row) in rows.enumerated() {
            let rowTop = area.y + Double(i) * rowHeight
            let lineMiddle = rowTop + theme.labelSize * 0.75
            let mid = stacked ? rowTop + rowHeight - 10 : rowTop + rowHeight / 2
            let bandHeight = stacked ? 14 : min(rowHeight * 0.7, 18)
            let band = { (from: Double, to: Double, c: Color) in
                Mark.rect(Rect(x: x(from), y: mid - bandHeight / 2, width: x(to) - x(from), height: bandHeight), fill: c)
            }
            marks.append(band(0, nearThreshold, Color(hex: 0xE9ECEF)))
            marks.append(band(nearThreshold, 1, Color(hex: 0xD5DADF)))
            marks.append(band(1, Self.axisMaximum, Color(hex: 0xF4F5F7)))
            if let a = row.attainment {
                marks.append(.rect(Rect(x: x(0), y: mid - bandHeight / 4, width: x(a) - x(0), height: bandHeight / 2), fill: theme.ink))
                if a > Self.axisMaximum {
                    marks.append(text.mark("▶", at: Point(x(Self.axisMaximum) - 1, mid), .end, .middle, style: theme.style(theme.smallSize, Color(hex: 0xFFFFFF))))
                }
            }
            marks.append(.line([Point(x(1), mid - bandHeight / 2 - 2), Point(x(1), mid + bandHeight / 2 + 2)], Stroke(color: theme.target, width: 2)))
            marks.append(text.mark(row.label, at: Point(0, stacked ? lineMiddle : mid), .start, .middle, style: theme.style(theme.labelSize), maxWidth: labelWidth - 8))
            marks.append(text.mark(row.detail, at: Point(area.maxX + 8, mid), .start, .middle, style: theme.small, maxWidth: detailWidth - 8))
            let badge = Self.badge(row.status, zh: zh)
            let color: Color
            switch row.status {
            case .met, .onTrack: color = theme.met
            case .near: color = theme.near
            case .missed, .behind: color = theme.missed
            case nil: color = theme.muted
            }
            marks.append(text.mark(badge.text, at: Point(width - statusWidth + 6, stacked ? lineMiddle : mid), .start, .middle,
                                   style: theme.style(theme.labelSize, bold: true, color), maxWidth: statusWidth - 6))
        }
        let ticks = [0, 0.5, 1, 1.5]
        for (a, label) in zip(ticks, format.axisLabels(ticks, .ratio, step: 0.5)) {
            marks.append(text.mark(label, at: Point(x(a), area.maxY + 6), a == 0 && stacked ? .start : .middle, .top, style: theme.small))
        }
        return Scene(width: width, height: height, title: title, summary: summary(), marks: marks,
                     rowBreaks: rows.indices.dropFirst().map { area.y + Double($0) * rowHeight })
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
        let head = zh ? "\(rows.count) 项目标：\(tally.joined(separator: "，"))。" : "\(rows.count) targets: \(tally.joined(separator: ", "))."
        let detail = rows.map { "\($0.label) \($0.detail)" }.joined(separator: zh ? "；" : "; ")
        return head + " " + detail
    }
}
