/// A logical element of a tagged PDF, so that screen readers and copy-paste follow the
/// reading order: headings, paragraphs, tables with their cells, and figures with their
/// alternative text.
public enum StructureTag: Sendable, Equatable {
    case document
    case section
    case heading(level: Int)
    case paragraph
    case caption
    case list
    case listItem
    case table
    case tableRow
    case headerCell
    case cell
    /// A chart or drawing; `alt` is what a screen reader says instead of the picture.
    case figure(alt: String)

    /// The PDF standard structure type.
    public var name: String {
        switch self {
        case .document: return "Document"
        case .section: return "Sect"
        case .heading(let level): return "H\(min(max(level, 1), 6))"
        case .paragraph: return "P"
        case .caption: return "Caption"
        case .list: return "L"
        case .listItem: return "LI"
        case .table: return "Table"
        case .tableRow: return "TR"
        case .headerCell: return "TH"
        case .cell: return "TD"
        case .figure: return "Figure"
        }
    }
}
