import Foundation

/// A ``Canvas`` that remembers what it was asked to draw and measures text by a fixed
/// rule instead of fonts: tests of layout and painting run without cairo or pango.
///
/// A Latin character is 0.55 em wide, a wide (CJK) character 1 em; a line is 1.25 em high.
public final class RecordingCanvas: Canvas {
    public enum Call: Sendable, Equatable {
        case fill(Path, Color)
        case stroke(Path, Stroke)
        case text(TextMark)
        case begin(StructureTag)
        case end(StructureTag)
    }

    public private(set) var calls: [Call] = []

    public init() {}

    public func fill(_ path: Path, _ color: Color) { calls.append(.fill(path, color)) }
    public func stroke(_ path: Path, _ stroke: Stroke) { calls.append(.stroke(path, stroke)) }
    public func text(_ text: TextMark) { calls.append(.text(text)) }
    public func begin(_ tag: StructureTag) { calls.append(.begin(tag)) }
    public func end(_ tag: StructureTag) { calls.append(.end(tag)) }

    /// Markup is measured as the text it shows: tags take no room, entities one character.
    public func measure(_ string: String, _ style: TextStyle, maxWidth: Double?, maxLines: Int, markup: Bool, alignment: TextMark.Horizontal) -> Size {
        let string = markup ? Self.plainText(ofMarkup: string) : string
        let lineHeight = style.size * 1.25
        var widths: [Double] = []
        for line in string.split(separator: "\n", omittingEmptySubsequences: false) {
            let natural = line.unicodeScalars.reduce(0.0) { $0 + style.size * (Self.isWide($1) ? 1 : 0.55) }
            guard let maxWidth, maxWidth > 0, natural > maxWidth else { widths.append(natural); continue }
            // Wrapped into as many lines as it needs, up to what is left of maxLines.
            let lines = Int((natural / maxWidth).rounded(.up))
            widths += Array(repeating: maxWidth, count: lines)
        }
        let shown = widths.prefix(max(maxLines, 1))
        return Size(width: shown.max() ?? 0, height: Double(max(shown.count, 1)) * lineHeight)
    }

    /// The links of every text drawn, in order.
    public var links: [TextLink] {
        calls.flatMap { if case .text(let t) = $0 { return t.links } else { return [] } }
    }

    /// The text Pango markup shows: tags removed, the five XML entities decoded.
    static func plainText(ofMarkup markup: String) -> String {
        var out = ""
        var inTag = false
        for ch in markup {
            if ch == "<" { inTag = true } else if ch == ">" && inTag { inTag = false } else if !inTag { out.append(ch) }
        }
        for (entity, ch) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: ch)
        }
        return out
    }

    /// The strings drawn, in order.
    public var texts: [String] {
        calls.compactMap { if case .text(let t) = $0 { return t.string } else { return nil } }
    }

    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        (0x1100...0x115F).contains(scalar.value) || (0x2E80...0xA4CF).contains(scalar.value)
            || (0xAC00...0xD7A3).contains(scalar.value) || (0xF900...0xFAFF).contains(scalar.value) || (0xFF00...0xFF60).contains(scalar.value)
    }
}
