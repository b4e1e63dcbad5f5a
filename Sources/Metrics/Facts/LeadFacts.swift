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
    /// First contact, from `createdAt` (``firstContactAt(_:)``).
    public let firstContact: InstantOffsets
    public let amount: [Int64]
    /// channel, campaign, owner: the lead metrics' slices.
    public let dimensions: [DimensionColumn]
    /// The customer dimensions a leads export may carry for the lead itself (`region`,
    /// `industry`, `tier`, configured extras), present only when it does: they place a lead
    /// in an audience's pack (`filter: {region: 华东}`), never in a slice.
    public let audienceDimensions: [DimensionColumn]

    public var count: Int { createdDay.count }

    /// The local day of a stage's instant, ``none`` for ``Missing/instant`` (not reached).
    public static func day(of instant: Int64, in zone: Zone) -> Int32 {
        instant == Missing.instant ? none : zone.day(of: instant)
    }

    public init(createdDay: [Int32], qualifiedDay: [Int32], opportunityDay: [Int32], wonDay: [Int32], lostDay: [Int32],
                createdAt: [Int64], firstContact: InstantOffsets, amount: [Int64], dimensions: [DimensionColumn],
                audienceDimensions: [DimensionColumn] = []) {
        self.createdDay = createdDay
        self.qualifiedDay = qualifiedDay
        self.opportunityDay = opportunityDay
        self.wonDay = wonDay
        self.lostDay = lostDay
        self.createdAt = createdAt
        self.firstContact = firstContact
        self.amount = amount
        self.dimensions = dimensions
        self.audienceDimensions = audienceDimensions
    }

    /// The instant of lead `i`'s first contact, ``Missing/instant`` when none.
    @inline(__always) public func firstContactAt(_ i: Int) -> Int64 { firstContact.instant(i, from: createdAt[i]) }

    /// The column holding the leads' own values of a dimension an audience may filter on, nil when they have none.
    public func audienceColumn(_ name: String) -> DimensionColumn? {
        FactsScope.leadDimensions.contains(name) ? dimensions.first { $0.name == name } : audienceDimensions.first { $0.name == name }
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
