/// The look of every chart: palette, ink, type sizes and line widths, in one value.
///
/// The series palette is Okabe–Ito, chosen to stay distinguishable under the common
/// colour-vision deficiencies; status colours are always paired with a shape or word.
public struct Theme: Sendable {
    public var palette: [Color] = [0x0072B2, 0xE69F00, 0x009E73, 0xCC79A7, 0x56B4E9, 0xD55E00, 0x7F7F7F, 0xF0E442].map { Color(hex: $0) }
    public var ink = Color(hex: 0x1F2933)
    public var muted = Color(hex: 0x616E7C)
    public var grid = Color(hex: 0xE4E7EB)
    public var axis = Color(hex: 0x9AA5B1)
    public var target = Color(hex: 0x3E4C59)
    public var met = Color(hex: 0x009E73)
    public var near = Color(hex: 0xE69F00)
    public var missed = Color(hex: 0xD55E00)
    public var increase = Color(hex: 0x009E73)
    public var decrease = Color(hex: 0xD55E00)
    public var total = Color(hex: 0x0072B2)

    public var titleSize = 12.5
    public var labelSize = 9.5
    public var smallSize = 8.5
    public var valueSize = 10.5
    public var lineWidth = 2.0
    public var gridWidth = 0.6

    public init() {}

    /// Pages and desktop screens, where a chart is shown at its size or larger.
    public static let standard = Theme()

    /// Phones: charts drawn at about the width they are shown, so that no text is smaller
    /// than 11 CSS pixels.
    public static let narrow: Theme = {
        var t = Theme()
        (t.titleSize, t.labelSize, t.smallSize, t.valueSize) = (13, 11.5, 11, 12)
        return t
    }()

    /// The smallest text any chart of this theme draws.
    public var smallestText: Double { min(smallSize, labelSize, valueSize, titleSize) }

    func style(_ size: Double, bold: Bool = false, _ color: Color? = nil) -> TextStyle {
        TextStyle(size: size, bold: bold, color: color ?? ink)
    }

    var label: TextStyle { style(labelSize, muted) }
    var small: TextStyle { style(smallSize, muted) }
    var value: TextStyle { style(valueSize, bold: true) }
    var title: TextStyle { style(titleSize, bold: true) }
}
