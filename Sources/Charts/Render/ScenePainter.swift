/// Paints a scene's marks through a ``Canvas``, with the scene's origin at the canvas's
/// origin: the one drawing path for SVG, PDF, PNG and the recording canvas of tests.
public enum ScenePainter {
    public static func paint(_ marks: [Mark], on canvas: any Canvas) {
        for mark in marks { paint(mark, on: canvas) }
    }

    public static func paint(_ scene: Scene, on canvas: any Canvas) { paint(scene.marks, on: canvas) }

    static func paint(_ mark: Mark, on canvas: any Canvas) {
        switch mark {
        case let .rect(r, fill, stroke, radius):
            let path = Path.rect(r, radius: radius)
            canvas.fill(path, fill)
            if let stroke { canvas.stroke(path, stroke) }
        case let .line(points, stroke):
            guard points.count > 1 else { return }
            canvas.stroke(.polyline(points), stroke)
        case let .area(points, fill):
            guard !points.isEmpty else { return }
            canvas.fill(.polygon(points), fill)
        case let .circle(center, radius, fill, stroke):
            let path = Path.circle(center: center, radius: radius)
            canvas.fill(path, fill)
            if let stroke { canvas.stroke(path, stroke) }
        case let .text(t):
            canvas.text(t)
        }
    }
}
