extension Mark {
    /// The same mark moved by (dx, dy): how a chart is placed on a page.
    public func offset(_ dx: Double, _ dy: Double) -> Mark { transformed(scale: 1, dx: dx, dy: dy) }

    /// The mark scaled by `scale` about the origin, then moved by (dx, dy): how a figure
    /// taller than a page is fitted into it. Text, strokes and corners scale with it.
    public func transformed(scale s: Double, dx: Double, dy: Double) -> Mark {
        func move(_ p: Point) -> Point { Point(p.x * s + dx, p.y * s + dy) }
        func move(_ r: Rect) -> Rect { Rect(x: r.x * s + dx, y: r.y * s + dy, width: r.width * s, height: r.height * s) }
        func move(_ k: Stroke) -> Stroke { Stroke(color: k.color, width: k.width * s, dash: k.dash.map { $0 * s }) }
        switch self {
        case let .rect(r, fill, stroke, radius): return .rect(move(r), fill: fill, stroke: stroke.map(move), radius: radius * s)
        case let .line(points, stroke): return .line(points.map(move), move(stroke))
        case let .area(points, fill): return .area(points.map(move), fill: fill)
        case let .circle(center, radius, fill, stroke): return .circle(center: move(center), radius: radius * s, fill: fill, stroke: stroke.map(move))
        case var .text(t):
            t.at = move(t.at)
            t.bounds = move(t.bounds)
            t.style.size *= s
            t.maxWidth = t.maxWidth.map { $0 * s }
            return .text(t)
        }
    }

    /// The same mark with its text drawn as shapes (see ``TextMark/drawnAsShapes``).
    public var asShapes: Mark {
        guard case var .text(t) = self else { return self }
        t.drawnAsShapes = true
        return .text(t)
    }

    /// The top of what the mark covers, to tell which band of a split figure it belongs to.
    public var top: Double {
        switch self {
        case let .rect(r, _, _, _): return r.y
        case let .line(points, _), let .area(points, _): return points.map(\.y).min() ?? 0
        case let .circle(center, radius, _, _): return center.y - radius
        case let .text(t): return t.bounds.y
        }
    }
}

extension Scene {
    /// The scene's marks placed with its top-left corner at (x, y).
    public func marks(at x: Double, _ y: Double) -> [Mark] { marks.map { $0.offset(x, y) } }
}
