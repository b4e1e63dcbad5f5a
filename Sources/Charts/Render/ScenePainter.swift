import CCairo

/// The one drawing path: paints a scene's marks onto any cairo context (SVG, PDF or PNG
/// surface), with the scene's origin at the context's current origin.
public enum ScenePainter {
    public static func paint(_ scene: Scene, on cr: OpaquePointer) {
        let text = TextEngine(drawingOn: cr)
        for mark in scene.marks {
            switch mark {
            case let .rect(r, fill, stroke, radius):
                path(rect: r, radius: radius, cr)
                fillAndStroke(fill, stroke, cr)
            case let .line(points, stroke):
                guard let first = points.first else { continue }
                cairo_move_to(cr, first.x, first.y)
                for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
                apply(stroke, cr)
                cairo_stroke(cr)
            case let .area(points, fill):
                guard let first = points.first else { continue }
                cairo_move_to(cr, first.x, first.y)
                for p in points.dropFirst() { cairo_line_to(cr, p.x, p.y) }
                cairo_close_path(cr)
                set(fill, cr)
                cairo_fill(cr)
            case let .circle(center, radius, fill, stroke):
                cairo_new_sub_path(cr)
                cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
                fillAndStroke(fill, stroke, cr)
            case let .text(t):
                text.draw(t)
            }
        }
    }

    private static func set(_ c: Color, _ cr: OpaquePointer) { cairo_set_source_rgba(cr, c.r, c.g, c.b, c.a) }

    /// Fills the current path, then strokes its outline when asked.
    private static func fillAndStroke(_ fill: Color, _ stroke: Stroke?, _ cr: OpaquePointer) {
        set(fill, cr)
        guard let stroke else { cairo_fill(cr); return }
        cairo_fill_preserve(cr)
        apply(stroke, cr)
        cairo_stroke(cr)
    }

    private static func apply(_ s: Stroke, _ cr: OpaquePointer) {
        set(s.color, cr)
        cairo_set_line_width(cr, s.width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, s.dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        s.dash.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }

    private static func path(rect r: Rect, radius: Double, _ cr: OpaquePointer) {
        let radius = min(radius, r.width / 2, r.height / 2)
        guard radius > 0 else {
            cairo_rectangle(cr, r.x, r.y, r.width, r.height)
            return
        }
        cairo_new_sub_path(cr)
        cairo_arc(cr, r.maxX - radius, r.y + radius, radius, -Double.pi / 2, 0)
        cairo_arc(cr, r.maxX - radius, r.maxY - radius, radius, 0, Double.pi / 2)
        cairo_arc(cr, r.x + radius, r.maxY - radius, radius, Double.pi / 2, Double.pi)
        cairo_arc(cr, r.x + radius, r.y + radius, radius, Double.pi, 3 * Double.pi / 2)
        cairo_close_path(cr)
    }
}
