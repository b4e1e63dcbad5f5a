/// A stage of the lead funnel and the label the pack shows for it.
public struct FunnelStage: Sendable, Equatable {
    public enum Kind: String, Sendable, CaseIterable {
        case visits, created, qualified, opportunity, won
    }

    public let kind: Kind
    public let label: String

    public init(kind: Kind, label: String) {
        self.kind = kind
        self.label = label
    }

    public static let defaults: [FunnelStage] = [
        FunnelStage(kind: .created, label: "留资"), FunnelStage(kind: .qualified, label: "有效线索"),
        FunnelStage(kind: .opportunity, label: "商机"), FunnelStage(kind: .won, label: "成交"),
    ]
}
