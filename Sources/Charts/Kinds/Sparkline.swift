/// A word-sized trend for a KPI tile: the line alone, the last point marked.
public struct Sparkline: Sendable {
    public var title: String
    public var values: [Double?]
    public var kind: ValueKind
    public var format: NumberFormat

    public init(title: String, values: [Double?], kind: ValueKind, format: NumberFormat) {
        (self.title, self.values, self.kind, self.format) = (title, values, kind, format)
    }

    public func build(width: Double, height: Double, theme: Theme = .standard) -> Scene {
        var marks: [Mark] = []
        let present = values.compactMap { $0 }
        guard let lo = present.min(), let hi = present.max() else {
            return Scene(width: width, height: height, title: title, summary: summary(), marks: [])
        }
        let pad = 3.5
        let n = max(values.count - 1, 1)
        func x(_ i: Int) -> Double { pad + Double(i) / Double(n) * (width - 2 * pad) }
        func y(_ v: Double) -> Double { hi == lo ? height / 2 : height - pad - (v - lo) / (hi - lo) * (height - 2 * pad) }
        let points = values.enumerated().map { i, v in v.map { Point(x(i), y($0)) } }
        for run in TrendChart.runs(points) where run.count > 1 {
            marks.append(.line(run, Stroke(color: theme.palette[0], width: 1.4)))
        }
        if let last = points.last(where: { $0 != nil }) ?? nil {
            marks.append(.circle(center: last, radius: 2.4, fill: theme.palette[0]))
        }
        return Scene(width: width, height: height, title: title, summary: summary(), marks: marks)
    }

    /// What the line shows, in words: its range over the months and where it ends.
    func summary() -> String {
        let zh = format.language.isChinese
        let present = values.compactMap { $0 }
        guard let lo = present.min(), let hi = present.max(), let last = present.last else {
            return zh ? "\(title)：近 \(values.count) 个月无数据" : "\(title): no data in the last \(values.count) months"
        }
        let (l, h, e) = (format.format(lo, kind), format.format(hi, kind), format.format(last, kind))
        return zh ? "\(title)：近 \(values.count) 个月介于 \(l) 与 \(h) 之间，最新 \(e)"
                  : "\(title): between \(l) and \(h) over the last \(values.count) months, latest \(e)"
    }
}
