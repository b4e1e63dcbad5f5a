import Charts

/// One composed page: positioned marks, where structure elements open and close among
/// them (the tagged PDF), and the bookmarks that point into it.
public struct PDFPage: Sendable {
    public enum TagEvent: Sendable, Equatable {
        case begin(StructureTag)
        case end(StructureTag)
    }

    /// A bookmark: its title, its depth (1 = section, 2 = a figure or table in it) and where on the page it points.
    public struct Bookmark: Sendable, Equatable {
        public var title: String
        public var level: Int
        public var y: Double
    }

    public var marks: [Mark] = []
    /// Structure events, each before the mark at `index` (`marks.count` = after the last).
    public var events: [(index: Int, event: TagEvent)] = []
    public var outline: [Bookmark] = []

    public init() {}

    mutating func open(_ tag: StructureTag) { events.append((marks.count, .begin(tag))) }
    mutating func close(_ tag: StructureTag) { events.append((marks.count, .end(tag))) }

    /// Adds `marks`, inside a structure element when `tag` is given.
    mutating func add(_ marks: [Mark], tagged tag: StructureTag? = nil) {
        if let tag { open(tag) }
        self.marks += marks
        if let tag { close(tag) }
    }

    /// Paints the page, opening and closing structure elements where they were recorded.
    func paint(on canvas: any Canvas) {
        var next = 0
        func flush(upTo index: Int) {
            while next < events.count, events[next].index <= index {
                switch events[next].event {
                case .begin(let tag): canvas.begin(tag)
                case .end(let tag): canvas.end(tag)
                }
                next += 1
            }
        }
        for (i, mark) in marks.enumerated() {
            flush(upTo: i)
            ScenePainter.paint([mark], on: canvas)
        }
        flush(upTo: marks.count)
    }
}
