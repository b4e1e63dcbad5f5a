import Metrics

/// Per lead, the local day it reached each stage (``LeadFacts/none`` if it did not),
/// the instants needed for response times, and the lead's own dimensions.
public struct LeadFacts: Sendable {
    public static let none = Int32.min

    public let createdDay: [Int32]
    public let qualifiedDay: [Int32]
    public let opportunityDay: [Int32]
    public let wonDay: [Int32]
    public let lostDay: [Int32]
    public let createdAt: [Int64]
    public let firstContactAt: [Int64]
    public let amount: [Int64]
    /// channel, campaign, owner.
    public let dimensions: [DimensionColumn]

    public var count: Int { createdDay.count }

    public init(createdDay: [Int32], qualifiedDay: [Int32], opportunityDay: [Int32], wonDay: [Int32], lostDay: [Int32],
                createdAt: [Int64], firstContactAt: [Int64], amount: [Int64], dimensions: [DimensionColumn]) {
        self.createdDay = createdDay
        self.qualifiedDay = qualifiedDay
        self.opportunityDay = opportunityDay
        self.wonDay = wonDay
        self.lostDay = lostDay
        self.createdAt = createdAt
        self.firstContactAt = firstContactAt
        self.amount = amount
        self.dimensions = dimensions
    }

    /// The day column of a funnel stage (visits are not a lead stage).
    public func days(of stage: FunnelStage.Kind) -> [Int32]? {
        switch stage {
        case .created: return createdDay
        case .qualified: return qualifiedDay
        case .opportunity: return opportunityDay
        case .won: return wonDay
        case .visits: return nil
        }
    }
}
