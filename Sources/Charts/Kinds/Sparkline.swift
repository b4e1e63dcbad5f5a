/// A word-sized trend for a KPI tile: the line alone, the last point marked.
public struct Sparkline: Sendable {
    public var title: String
    public var values: [Double?]

    public init(title: String, values: [Double?]) { (self.title, self.values) = (title, values) }

    public func build(width: Double, height: Double, theme: Theme = .standard) -> Scene {
        var marks: [Mark] = []
        let present = values.compactMap { $0 }
        guard let lo = present.min(), let hi = present.max() else {
            return Scene(width: width, height: height, title: title, summary: "no data", marks: [])
        }
        let pad = 3.5
        let n = max(values.count - 1, 1)
        func x(_ i: Int) -> Double { pad + Double(i) / Double(n) * (width - 2 * pad) }
        func y(_ v: Double) -> Double { hi == lo ? height / 2 : height - pad - (v - lo) / (hi - lo) * (height - 2 * pad) }
        for run in TrendChart.runs(values) {
            let points = run.map { Point(x($0.0), y($0.1)) }
            if points.count > 1 { marks.append(.line(points, Stroke(color: theme.palette[0], width: 1.4))) }
        }
        if let last = values.indices.last(where: { values[$0] != nil }), let v = values[last] {
            marks.append(.circle(center: Point(x(last), y(v)), radius: 2.4, fill: theme.palette[0]))
        }
        return Scene(width: width, height: height, title: title, summary: "\(present.count) months, from \(lo) to \(hi)", marks: marks)
    }
}
