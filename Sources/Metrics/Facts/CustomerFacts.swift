/// Per customer, what every customer metric reads: signup day, dimension codes, the
/// sorted distinct days with an activity or paid order ("usage days"), and the paid
/// orders grouped by day. Variable-length lists are stored flat (CSR): customer `c`
/// owns `usageDays[usageStart[c] ..< usageStart[c + 1]]`.
///
/// An *order group* is a customer's paid orders of one day, those with a cost apart from
/// those without (costed first): no metric tells two orders of a day apart beyond their
/// number, their sums and whether their cost is known, and a database reduces them to
/// exactly these groups.
public struct CustomerFacts: Sendable {
    public let signupDay: [Int32]
    /// Customer dimensions, in configured order (only those present in the snapshot).
    public let dimensions: [DimensionColumn]
    /// Every dimension column of the customers file, configured or not (for required fields).
    public let allDimensions: [DimensionColumn]
    public let usageStart: [Int32]
    public let usageDays: [Int32]
    /// Where each customer's order groups start.
    public let orderStart: [Int32]
    /// Day of each order group, ascending per customer.
    public let orderDays: [Int32]
    /// Cost of each order group, ``Missing/money`` for the orders that carried none.
    public let orderCosts: [Int64]
    /// Running sum of the groups' amounts (one longer): revenue of groups i..<j is
    /// `cumulative[j] − cumulative[i]`. The amounts themselves are not kept beside it
    /// (``orderAmount(_:)``): at a million customers they would take another 34 MB.
    public let cumulativeAmounts: [Int64]
    /// The groups of more than one order, ascending, and the running count of their orders
    /// beyond the first (one longer): most groups are one order, so only the others are
    /// kept (``orderCount(_:of:)``).
    private let largerGroups: [Int32]
    private let extraOrders: [Int32]
    /// Where each customer's groups start among `largerGroups` (empty when there are none):
    /// a count then searches the customer's own few, not the whole list, which at a million
    /// customers missed the cache at every step.
    private let largerStart: [Int32]

    public var count: Int { signupDay.count }

    /// `orderCounts`: the orders of each group, or empty when every group is one order.
    public init(signupDay: [Int32], dimensions: [DimensionColumn], allDimensions: [DimensionColumn], usageStart: [Int32], usageDays: [Int32],
                orderStart: [Int32], orderDays: [Int32], orderAmounts: [Int64], orderCosts: [Int64], orderCounts: [Int32]) {
        self.signupDay = signupDay
        self.dimensions = dimensions
        self.allDimensions = allDimensions
        self.usageStart = usageStart
        self.usageDays = usageDays
        self.orderStart = orderStart
        self.orderDays = orderDays
        self.orderCosts = orderCosts
        var running: Int64 = 0
        var cumulative = [Int64](repeating: 0, count: orderAmounts.count + 1)
        for (i, a) in orderAmounts.enumerated() {
            running += a
            cumulative[i + 1] = running
        }
        cumulativeAmounts = cumulative
        var larger: [Int32] = [], extra: [Int32] = [0]
        for (i, n) in orderCounts.enumerated() where n != 1 {
            larger.append(Int32(i))
            extra.append(extra[extra.count - 1] + n - 1)
        }
        var starts: [Int32] = []
        if !larger.isEmpty {
            starts.reserveCapacity(orderStart.count)
            var k = 0
            for start in orderStart {
                while k < larger.count, larger[k] < start { k += 1 }
                starts.append(Int32(k))
            }
        }
        (largerGroups, extraOrders, largerStart) = (larger, extra, starts)
    }

    /// The amount of order group `i` (minor units).
    @inline(__always) public func orderAmount(_ i: Int) -> Int64 { cumulativeAmounts[i + 1] - cumulativeAmounts[i] }

    /// The number of paid orders in the groups `range`, which are customer `c`'s.
    @inline(__always) public func orderCount(_ range: Range<Int>, of c: Int) -> Int {
        assert(range.isEmpty || orders(c).contains(range.lowerBound) && range.upperBound <= orders(c).upperBound, "groups \(range) are not customer \(c)'s")
        guard !largerGroups.isEmpty else { return range.count }
        let larger = Int(largerStart[c])..<Int(largerStart[c + 1])
        guard !larger.isEmpty else { return range.count }
        let i = largerGroups.firstIndex(atLeast: Int32(range.lowerBound), in: larger)
        let j = largerGroups.firstIndex(atLeast: Int32(range.upperBound), in: i..<larger.upperBound)
        return range.count + Int(extraOrders[j] - extraOrders[i])
    }

    /// The customer's order groups on days in [from, to]: their index range.
    @inline(__always) public func orders(_ c: Int, from: Int32, to: Int32) -> Range<Int> {
        let range = orders(c)
        let i = orderDays.firstIndex(atLeast: from, in: range)
        let j = orderDays.firstIndex(atLeast: to &+ 1, in: i..<range.upperBound)
        return i..<j
    }

    /// Revenue (minor units) of the customer's paid orders on days in [from, to].
    @inline(__always) public func revenue(_ c: Int, from: Int32, to: Int32) -> Int64 {
        let r = orders(c, from: from, to: to)
        return cumulativeAmounts[r.upperBound] - cumulativeAmounts[r.lowerBound]
    }

    /// The day of the first paid order, nil for a customer who never paid.
    @inline(__always) public func firstOrderDay(_ c: Int) -> Int32? {
        orderStart[c] < orderStart[c + 1] ? orderDays[Int(orderStart[c])] : nil
    }

    /// The customer's usage days.
    @inline(__always) public func usage(_ c: Int) -> Range<Int> { Int(usageStart[c])..<Int(usageStart[c + 1]) }
    /// The customer's order groups (indices into the order arrays).
    @inline(__always) public func orders(_ c: Int) -> Range<Int> { Int(orderStart[c])..<Int(orderStart[c + 1]) }

    /// Whether the customer has a usage day in `[from, to]`.
    @inline(__always) public func hasUsage(_ c: Int, from: Int32, to: Int32) -> Bool {
        let range = usage(c)
        let i = usageDays.firstIndex(atLeast: from, in: range)
        return i < range.upperBound && usageDays[i] <= to
    }

    /// live(c, d) of METRICS.md: signed up by d, with an event in (d − W, d].
    /// Events are the signup day and the usage days.
    @inline(__always) public func isLive(_ c: Int, on d: Int32, window w: Int32) -> Bool {
        let s = signupDay[c]
        guard s <= d else { return false }
        if s > d - w { return true }
        return hasUsage(c, from: d - w + 1, to: d)
    }
}

extension Array where Element == Int32 {
    /// The first index in `range` whose value is ≥ `value` (the arrays are sorted per customer).
    @inline(__always) func firstIndex(atLeast value: Int32, in range: Range<Int>) -> Int {
        var low = range.lowerBound, high = range.upperBound
        while low < high {
            let mid = (low + high) >> 1
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low
    }
}
