/// A metric's value for one month together with the inputs it was computed from
/// (numerator and denominator, or the terms of its formula), for every slice.
///
/// `explain` prints the inputs; the pack and metrics.json print the value: both come
/// from this one computation, so they cannot disagree.
public struct Computed: Sendable {
    public var value: SlicedValue
    public var inputs: [(name: String, value: SlicedValue)]

    public init(_ value: SlicedValue, inputs: [(name: String, value: SlicedValue)] = []) {
        self.value = value
        self.inputs = inputs
    }

    /// The same metric with only the slices of `dimensions`, in that order (a scan shared
    /// by consumers that show different slices).
    func keeping(_ dimensions: [String]) -> Computed {
        Computed(value.keeping(dimensions), inputs: inputs.map { ($0.name, $0.value.keeping(dimensions)) })
    }

    /// The same metric for a month before the data begins: slices and inputs kept, every
    /// value "no value", so a trend starts where the data starts instead of at a run of zeros.
    var beforeTheData: Computed {
        Computed(value.blank, inputs: inputs.map { ($0.name, $0.value.blank) })
    }
}

extension Groups {
    /// numerator ÷ denominator per slot, keeping both as inputs.
    func ratio(_ numerator: [Double], _ denominator: [Double], _ numeratorName: String, _ denominatorName: String, scale: Double = 1) -> Computed {
        Computed(ratio(numerator, denominator, scale: scale), inputs: [(numeratorName, count(numerator)), (denominatorName, count(denominator))])
    }

    /// A plain count or sum, which is its own input.
    func total(_ slots: [Double]) -> Computed { Computed(count(slots)) }
}
