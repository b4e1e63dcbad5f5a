import Metrics

/// Distinct (customer, local day) pairs of activities that a database reduced itself: the
/// rows that were clean (known customer, readable, not in the future) need nothing more
/// than their day, so only the pairs travel. Rows with a finding come as an ``ActivityTable``.
///
/// The database sends a customer's pairs together, so the customer is kept once per run of
/// pairs, not once per pair: at a million customers 92 MB of days instead of 184 MB of pairs.
public struct ActivityDays: Sendable {
    /// Customer rows, as in the other tables, one per run of consecutive pairs.
    public private(set) var runCustomer: [Int32] = []
    /// Where each run ends in `day`; a run starts where the one before it ends.
    public private(set) var runEnd: [Int] = []
    public private(set) var day: [Int32] = []

    public init() {}

    /// Room for `days` days in runs of about `customers` customers, reserved at once: growing
    /// by doubling would hold both copies while it moves. Reserving room for the usage days
    /// too lets them be laid out where these lie. Pages never written cost nothing.
    public mutating func reserveCapacity(days: Int, customers: Int) {
        day.reserveCapacity(days)
        runCustomer.reserveCapacity(customers)
        runEnd.reserveCapacity(customers)
    }

    public var count: Int { day.count }

    public mutating func append(customer row: Int32, day: Int32) {
        if runCustomer.last != row {
            runCustomer.append(row)
            runEnd.append(self.day.count)
        }
        self.day.append(day)
        runEnd[runEnd.count - 1] = self.day.count
    }

    /// Each run's customer and its range in `day`, in order.
    public func forEachRun(_ body: (_ customer: Int, _ days: Range<Int>) -> Void) {
        var start = 0
        for (customer, end) in zip(runCustomer, runEnd) {
            body(Int(customer), start..<end)
            start = end
        }
    }

    /// Whether each customer has one run, customers in row order: then `day` is already
    /// grouped the way ``CustomerFacts`` stores usage days.
    public var isInCustomerOrder: Bool { zip(runCustomer, runCustomer.dropFirst()).allSatisfy { $0 < $1 } }

    /// The days, taken out (the runs stay).
    mutating func takeDays() -> [Int32] {
        defer { day = [] }
        return day
    }

    /// The earliest and latest day, nil when empty.
    public var span: ClosedRange<Int32>? {
        guard let low = day.min(), let high = day.max() else { return nil }
        return low...high
    }
}
