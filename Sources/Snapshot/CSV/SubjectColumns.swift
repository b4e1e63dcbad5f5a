import Metrics

/// The columns that say whose a row is, read only when a finding is made on it, so that
/// an audience's pack can count and quote the findings of its own rows (``FindingSubject``).
///
/// Each table says it as the audience's facts are cut: customers by their id and their own
/// dimensions, the tables hanging off a customer by its id, leads by their own channel
/// and owner (and any customer dimension its export carries; a won lead's customer does
/// not place it), spend and traffic by channel, a target row by its slice.
struct SubjectColumns {
    private let customer: Int?
    private let dimensions: [(name: String, column: Int)]
    /// `targets`' `dimension` and `value` columns: the row's slice is its subject.
    private let slice: (dimension: Int, value: Int)?

    init(layout: TableLayout, options: SnapshotOptions) {
        func present(_ names: [String]) -> [(name: String, column: Int)] { names.compactMap { name in layout.optional(name).map { (name, $0) } } }
        var customer: Int?, dimensions: [(name: String, column: Int)] = [], slice: (Int, Int)?
        switch layout.table {
        case "customers": (customer, dimensions) = (layout.optional("customer_id"), present(options.customerDimensions))
        case "orders", "activities", "surveys", "tickets": customer = layout.optional("customer_id")
        case "leads": dimensions = present(FactsScope.leadDimensions.sorted() + FactsScope.leadAudienceDimensions(options.customerDimensions))
        case "spend", "traffic": dimensions = present(["channel"])
        case "targets":
            if let d = layout.optional("dimension"), let v = layout.optional("value") { slice = (d, v) }
        default: break
        }
        (self.customer, self.dimensions, self.slice) = (customer, dimensions, slice)
    }

    /// Whose the record is; `field` gives a column's value as mapped and trimmed.
    func subject(of record: TableRecord, field: (Int) -> String) -> FindingSubject {
        var subject = FindingSubject()
        if let customer {
            let id = field(customer)
            if !id.isEmpty { subject.customerId = id }
        }
        for (name, column) in dimensions {
            let value = field(column)
            if !value.isEmpty { subject.dimensions[name] = value }
        }
        if let slice {
            let dimension = field(slice.dimension).lowercased(), value = field(slice.value)
            if !dimension.isEmpty, !value.isEmpty { subject.dimensions[dimension] = value }
        }
        return subject
    }
}
