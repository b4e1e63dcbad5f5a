import Snapshot

/// The compact facts every metric reads; metrics never see raw rows.
///
/// For CSV and SQLite snapshots they are reduced here, in Swift; a database source can
/// produce the same values with `GROUP BY` customer and day. Rows pointing at unknown
/// customers and unpaid orders are left out here, once, for every metric.
public struct Facts: Sendable {
    public let customers: CustomerFacts
    public let leads: LeadFacts?
    /// Marketing spend per month and channel, nil when the snapshot has no spend table.
    public let spend: ChannelMonthFacts?
    /// Visits per month and channel, nil when the snapshot has no traffic table.
    public let visits: ChannelMonthFacts?
    /// The latest local day with any data.
    public let lastDataDay: Int32?

    public init(customers: CustomerFacts, leads: LeadFacts?, spend: ChannelMonthFacts?, visits: ChannelMonthFacts?, lastDataDay: Int32?) {
        self.customers = customers
        self.leads = leads
        self.spend = spend
        self.visits = visits
        self.lastDataDay = lastDataDay
    }
}
