/// A metric's value for one month: the whole company and each member of each dimension.
public struct SlicedValue: Sendable, Equatable {
    public var total: Double?
    /// dimension → members sorted by name → value (nil: empty denominator).
    public var slices: [(dimension: String, members: [(member: String, value: Double?)])]

    public init(total: Double?, slices: [(dimension: String, members: [(member: String, value: Double?)])] = []) {
        self.total = total
        self.slices = slices
    }

    /// Every value "no value", the slices and their members kept.
    var blank: SlicedValue {
        SlicedValue(total: nil, slices: slices.map { ($0.dimension, $0.members.map { ($0.member, nil) }) })
    }

    /// The same value with only the slices of `dimensions`, in that order.
    func keeping(_ dimensions: [String]) -> SlicedValue {
        SlicedValue(total: total, slices: dimensions.compactMap { name in slices.first { $0.dimension == name } })
    }

    public func value(for slice: Slice) -> Double?? {
        guard let dim = slices.first(where: { $0.dimension == slice.dimension }),
              let member = dim.members.first(where: { $0.member == slice.value }) else { return nil }
        return .some(member.value)
    }

    public static func == (a: SlicedValue, b: SlicedValue) -> Bool {
        a.total == b.total && a.slices.count == b.slices.count
            && zip(a.slices, b.slices).allSatisfy { x, y in
                x.dimension == y.dimension && x.members.count == y.members.count
                    && zip(x.members, y.members).allSatisfy { $0.member == $1.member && $0.value == $1.value }
            }
    }
}
