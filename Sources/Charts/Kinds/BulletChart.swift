import Foundation

/// Target versus actual: one row per target, attainment on a shared 0–150 % axis with
/// bands for missed, near and met, the target as a tick, and the status as a shape
/// plus a word (never colour alone).
public struct BulletChart: Sendable {
    public enum Status: Sendable { case met, near, missed }

    public struct Row: Sendable {
        public var label: String
        /// "actual / target" as the reader should see it.
        public var detail: String
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

    /// The height the chart needs for its rows.
    public static func height(rows: Int) -> Double { Double(rows) * 30 + 22 }

    public func build(width: Double, height: Double, theme: Theme = .standard) -> Scene {
        let text = TextPlacer()
        var marks: [Mark] = []
        let zh = format.language.isChinese
        let labelWidth = min((rows.map { text.width($0.label, theme.label) }.max() ?? 0) + 10, width * 0.26)
        let statusWidth = 54.0
        let detailWidth = min((rows.map { text.width($0.detail, theme.small) }.max() ?? 0) + 12, width * 0.3)
        let area = Rect(x: labelWidth, y: 0, width: width - labelWidth - detailWidth - statusWidth, height: height - 22)
        let rowHeight = area.height / Double(max(rows.count, 1))
        func x(_ a: Double) -> Double { area.x + min(max(a, 0), Self.axisMaximum) / Self.axisMaximum * area.width }

        for (i, row) in rows.enumerated() {
            let mid = area.y + (Double(i) + 0.5) * rowHeight
            let bandHeight = min(rowHeight * 0.7, 18)
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
            marks.append(text.mark(row.label, at: Point(0, mid), .start, .middle, style: theme.style(theme.labelSize), maxWidth: labelWidth - 8))
            marks.append(text.mark(row.detail, at: Point(area.maxX + 8, mid), .start, .middle, style: theme.small, maxWidth: detailWidth - 8))
            let (symbol, word, color): (String, String, Color)
            switch row.status {
            case .met: (symbol, word, color) = ("●", zh ? "达成" : "met", theme.met)
            case .near: (symbol, word, color) = ("▲", zh ? "接近" : "near", theme.near)
            case .missed: (symbol, word, color) = ("✕", zh ? "未达" : "missed", theme.missed)
            case nil: (symbol, word, color) = ("", NumberFormat.missing, theme.muted)
            }
            marks.append(text.mark(symbol.isEmpty ? word : "\(symbol) \(word)", at: Point(width - statusWidth + 6, mid), .start, .middle,
                                   style: theme.style(theme.labelSize, bold: true, color), maxWidth: statusWidth - 6))
        }
        for a in [0, 0.5, 1, 1.5] {
            marks.append(text.mark(format.format(a, .ratio).replacingOccurrences(of: ".0%", with: "%"), at: Point(x(a), area.maxY + 6), .middle, .top, style: theme.small))
        }
        return Scene(width: width, height: height, title: title, summary: summary(), marks: marks)
    }

    func summary() -> String {
        let zh = format.language.isChinese
        let met = rows.filter { $0.status == .met }.count, near = rows.filter { $0.status == .near }.count
        let missed = rows.filter { $0.status == .missed }.count
        let head = zh ? "\(rows.count) 项目标：达成 \(met)，接近 \(near)，未达 \(missed)。"
                      : "\(rows.count) targets: \(met) met, \(near) near, \(missed) missed."
        let detail = rows.map { "\($0.label) \($0.detail)" }.joined(separator: zh ? "；" : "; ")
        return head + " " + detail
    }
}
