import Foundation

/// An outline to fill or stroke, in chart units: what a ``Canvas`` draws.
public struct Path: Sendable, Equatable {
    public enum Element: Sendable, Equatable {
        case move(Point)
        case line(Point)
        /// A circular arc from angle `from` to `to` (radians, clockwise on screen).
        case arc(center: Point, radius: Double, from: Double, to: Double)
        case close
    }

    public private(set) var elements: [Element] = []

    public init(_ elements: [Element] = []) { self.elements = elements }

    /// Connected straight segments through `points`, open.
    public static func polyline(_ points: [Point]) -> Path {
        guard let first = points.first else { return Path() }
        return Path([.move(first)] + points.dropFirst().map { .line($0) })
    }

    /// A closed shape through `points`.
    public static func polygon(_ points: [Point]) -> Path {
        var path = polyline(points)
        if !points.isEmpty { path.elements.append(.close) }
        return path
    }

    public static func circle(center: Point, radius: Double) -> Path {
        Path([.arc(center: center, radius: radius, from: 0, to: 2 * Double.pi), .close])
    }

    /// A rectangle whose corners are rounded by `radius` (at most half its shorter side).
    public static func rect(_ r: Rect, radius: Double = 0) -> Path {
        let radius = min(radius, r.width / 2, r.height / 2)
        guard radius > 0 else {
            return Path([.move(Point(r.x, r.y)), .line(Point(r.maxX, r.y)), .line(Point(r.maxX, r.maxY)), .line(Point(r.x, r.maxY)), .close])
        }
        let half = Double.pi / 2
        return Path([
            .arc(center: Point(r.maxX - radius, r.y + radius), radius: radius, from: -half, to: 0),
            .arc(center: Point(r.maxX - radius, r.maxY - radius), radius: radius, from: 0, to: half),
            .arc(center: Point(r.x + radius, r.maxY - radius), radius: radius, from: half, to: 2 * half),
            .arc(center: Point(r.x + radius, r.y + radius), radius: radius, from: 2 * half, to: 3 * half),
            .close,
        ])
    }
}
