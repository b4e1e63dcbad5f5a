import Metrics

/// Distinct (customer, local day) pairs of activities that a database reduced itself: the
/// rows that were clean (known customer, readable, not in the future) need nothing more
/// than their day, so only the pairs travel. Rows with a finding come as an ``ActivityTable``.
public struct ActivityDays: Sendable {
    /// Customer rows, as in the other tables.
    public private(set) var customer: [Int32] = []
    public private(set) var day: [Int32] = []

    public init() {}

    public var count: Int { customer.count }

    public mutating func append(customer row: Int32, day: Int32) {
        customer.append(row)
        self.day.append(day)
    }

    /// The earliest and latest day, nil when empty.
    public var span: ClosedRange<Int32>? {
        guard let low = day.min(), let high = day.max() else { return nil }
        return low...high
    }
}
