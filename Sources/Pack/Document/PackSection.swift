/// A titled part of the pack (growth, retention, the appendix…): its blocks in reading order.
public struct PackSection: Sendable {
    public var id: String
    public var title: String
    public var blocks: [PackBlock]
}
