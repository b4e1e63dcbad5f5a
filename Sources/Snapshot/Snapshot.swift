import Metrics
/// One company's CRM data at one moment, as typed columnar tables, plus what reading found.
///
/// `customers` and `orders` are required; a nil table was absent from the snapshot.
public struct Snapshot: Sendable {
    public var customers: CustomerTable
    public var orders: OrderTable
    public var leads: LeadTable?
    public var traffic: TrafficTable?
    public var activities: ActivityTable?
    /// Activity days a database reduced itself; ``activities`` then holds only the rows with a finding.
    public var activityDays: ActivityDays?
    public var spend: SpendTable?
    public var surveys: SurveyTable?
    public var tickets: TicketTable?
    public var targets: TargetTable?
    public var quality: QualityLog
    public let zone: Zone
    /// When the snapshot was taken: later timestamps are findings, and never pick the default month.
    public var asOf: Int64?

    /// The tables of the contract, in the order they are documented.
    public static let tableNames = ["customers", "orders", "leads", "traffic", "activities", "spend", "surveys", "tickets", "targets"]
    public static let requiredTables: Set<String> = ["customers", "orders"]

    /// No money or count column may add up past this (10^17 minor units: a quadrillion
    /// yuan). Every value is ≥ 0, so every sum any metric takes of a subset of a column
    /// then fits in 64 bits, with room to spare for differences and conversions.
    public static let columnTotalLimit: Int64 = 100_000_000_000_000_000

    /// The local days from the earliest to the latest order, activity, lead or signup: the
    /// data's start and end. Timestamps after ``asOf`` are future-timestamp findings and are
    /// passed over, so a stray 9999-12-31 does not make the default month 9999-12.
    public var dataDays: ClosedRange<Int32>? {
        let limit = asOf ?? Int64.max
        var earliest = Int64.max, latest = Missing.instant
        func see(_ values: [Int64]) {
            for v in values where v != Missing.instant && v <= limit {
                earliest = min(earliest, v)
                latest = max(latest, v)
            }
        }
        see(customers.signupAt)
        if let leads { see(leads.createdAt) }
        var days = latest == Missing.instant ? nil : zone.day(of: earliest)...zone.day(of: latest)
        // Orders and activities are kept as local days; a day's order is its instants' order.
        for span in [orders.days, activities?.span, activityDays?.span].compactMap({ $0 }) {
            days = days.map { min($0.lowerBound, span.lowerBound)...max($0.upperBound, span.upperBound) } ?? span
        }
        return days
    }

    /// The latest local day with data: the end of ``dataDays``.
    public var lastDataDay: Int32? { dataDays?.upperBound }
}
