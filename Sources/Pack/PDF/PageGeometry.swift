/// The page: A4 landscape in points, with margins and the bands for running header and footer.
public struct PageGeometry: Sendable {
    public var width = 842.0
    public var height = 595.0
    public var margin = 36.0
    public var headerBand = 22.0
    public var footerBand = 20.0

    public init() {}

    public var contentTop: Double { margin + headerBand }
    public var contentBottom: Double { height - margin - footerBand }
    public var contentWidth: Double { width - 2 * margin }
}
