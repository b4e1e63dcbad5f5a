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
    public let service: ServiceFacts
    /// Customer ids and display names, for the lists that name customers (at-risk).
    public let customerIds: TextColumn
    public let customerNames: TextColumn
    /// The local days from the earliest to the latest with any data.
    public let dataDays: ClosedRange<Int32>?
    /// The configured zone: SLA windows compare instants with local month boundaries.
    public let zone: Zone

    public init(customers: CustomerFacts, leads: LeadFacts?, spend: ChannelMonthFacts?, visits: ChannelMonthFacts?,
                service: ServiceFacts, customerIds: TextColumn, customerNames: TextColumn, dataDays: ClosedRange<Int32>?, zone: Zone) {
        self.customerIds = customerIds
        self.customerNames = customerNames
        self.customers = customers
        self.leads = leads
        self.spend = spend
        self.visits = visits
        self.service = service
        self.dataDays = dataDays
        self.zone = zone
    }

    /// The instant local midnight starts the month.
    public func start(of month: Month) -> Int64 { zone.startOf(day: month.firstDay) }
}
