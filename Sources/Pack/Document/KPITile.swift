import Charts

/// A headline number with its change, target status and 13-month sparkline.
public struct KPITile: Sendable {
    public enum Tone: String, Sendable { case good, warning, bad, neutral }
    public var id: String
    public var label: String
    public var value: String
    public var change: String
    public var changeTone: Tone
    public var changeCaption: String
    public var target: String?
    public var status: String?
    public var statusTone: Tone
    public var sparkline: Scene
}
