/// The slots a row adds to: slot 0 is the whole company, then one slot per member of
/// each dimension. One scan over the rows therefore yields the total and every slice.
struct Groups {
    let dimensions: [DimensionColumn]
    private let base: [Int]
    let slotCount: Int

    init(_ dimensions: [DimensionColumn]) {
        self.dimensions = dimensions
        var base: [Int] = []
        var next = 1
        for d in dimensions {
            base.append(next)
            next += d.members.count
        }
        self.base = base
        slotCount = next
    }

    /// Adds `amount` to every slot of `row`.
    @inline(__always) func add<T: AdditiveArithmetic>(_ amount: T, row: Int, to slots: inout [T]) {
        slots[0] += amount
        for k in 0..<dimensions.count {
            let code = dimensions[k].codes[row]
            if code >= 0 { slots[base[k] + Int(code)] += amount }
        }
    }

    func zeros() -> [Double] { [Double](repeating: 0, count: slotCount) }
    func exactZeros() -> [Int64] { [Int64](repeating: 0, count: slotCount) }

    /// Builds the sliced value from a function of the slot.
    func value(_ f: (Int) -> Double?) -> SlicedValue {
        var slices: [(String, [(String, Double?)])] = []
        for (k, d) in dimensions.enumerated() {
            let members = d.members.enumerated().map { ($1, f(base[k] + $0)) }.sorted { $0.0 < $1.0 }
            slices.append((d.name, members))
        }
        return SlicedValue(total: f(0), slices: slices.map { (dimension: $0.0, members: $0.1.map { (member: $0.0, value: $0.1) }) })
    }

    func count(_ slots: [Double]) -> SlicedValue { value { slots[$0] } }

    /// The slot of member `code` of the `k`-th dimension.
    func slot(dimension k: Int, code: Int) -> Int { base[k] + code }

    /// Slot indices a row belongs to (0 first), for statistics that need every value (medians).
    func slots(of row: Int) -> [Int] {
        var out = [0]
        for k in 0..<dimensions.count {
            let code = dimensions[k].codes[row]
            if code >= 0 { out.append(base[k] + Int(code)) }
        }
        return out
    }

    /// Slot values of the first dimension by member name (for channel-only metrics).
    func byMember(_ slots: [Double]) -> [String: Double] {
        guard let d = dimensions.first else { return [:] }
        var out: [String: Double] = [:]
        for (code, name) in d.members.enumerated() { out[name] = slots[base[0] + code] }
        return out
    }

    func ratio(_ numerator: [Double], _ denominator: [Double], scale: Double = 1) -> SlicedValue {
        value { denominator[$0] > 0 ? numerator[$0] * scale / denominator[$0] : nil }
    }
}
