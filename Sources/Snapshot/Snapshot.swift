/// One company's CRM data at one moment, as typed columnar tables, plus what reading found.
///
/// `customers` and `orders` are required; a nil table was absent from the snapshot.
public struct Snapshot: Sendable {
    public var customers: CustomerTable
    public var orders: OrderTable
    public var leads: LeadTable?
    public var traffic: TrafficTable?
    public var activities: ActivityTable?
    public var spend: SpendTable?
    public var surveys: SurveyTable?
    public var tickets: TicketTable?
    public var targets: TargetTable?
    public var quality: QualityLog
    public let zone: Zone

    /// The tables of the contract, in the order they are documented.
    public static let tableNames = ["customers", "orders", "leads", "traffic", "activities", "spend", "surveys", "tickets", "targets"]
    public static let requiredTables: Set<String> = ["customers", "orders"]

    /// The latest local day of any order, activity, lead or signup: "the data's end".
    public var lastDataDay: Int32? {
        var latest = Int64.min
        for v in customers.signupAt { latest = max(latest, v) }
        for v in orders.orderedAt { latest = max(latest, v) }
        if let activities { for v in activities.at { latest = max(latest, v) } }
        if let leads { for v in leads.createdAt { latest = max(latest, v) } }
        return latest == Int64.min ? nil : zone.day(of: latest)
    }
}
