/// Values of spend-based metrics, which slice by channel only: spend rows, customers and
/// leads each carry their own channel text, and they meet on it.
struct ChannelSlices {
    /// Every channel known to spend, customers or leads, sorted.
    let names: [String]
    /// False: values hold the company's total alone (``MonthScans/sliced``).
    let sliced: Bool

    init(facts: Facts, sliced: Bool = true) {
        self.sliced = sliced
        guard sliced else {
            names = []
            return
        }
        var names = Set<String>()
        facts.spend?.values.values.forEach { names.formUnion($0.keys) }
        if let channel = facts.customers.allDimensions.first(where: { $0.name == "channel" }) { names.formUnion(channel.members) }
        if let leads = facts.leads { names.formUnion(leads.dimensions[0].members) }
        names.remove("")
        self.names = names.sorted()
    }

    /// A value for the company and for each channel.
    func value(total: Double?, _ perChannel: (String) -> Double?) -> SlicedValue {
        SlicedValue(total: total, slices: sliced ? [(dimension: "channel", members: names.map { (member: $0, value: perChannel($0)) })] : [])
    }

    /// numerator ÷ denominator, for the company and each channel, with both kept as inputs.
    func ratio(_ numerator: (total: Double, byChannel: [String: Double]), _ denominator: (total: Double, byChannel: [String: Double]),
               _ numeratorName: String, _ denominatorName: String) -> Computed {
        func divide(_ a: Double?, _ b: Double?) -> Double? { guard let a, let b, b > 0 else { return nil }; return a / b }
        let value = self.value(total: divide(numerator.total, denominator.total)) { divide(numerator.byChannel[$0] ?? 0, denominator.byChannel[$0] ?? 0) }
        return Computed(value, inputs: [(numeratorName, self.value(total: numerator.total) { numerator.byChannel[$0] ?? 0 }),
                                        (denominatorName, self.value(total: denominator.total) { denominator.byChannel[$0] ?? 0 })])
    }
}
