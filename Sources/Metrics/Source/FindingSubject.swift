/// Whose row a finding is about, so that an audience's pack counts and quotes only the
/// findings of its own rows.
public struct FindingSubject: Sendable, Equatable {
    /// The customer id the row is (a customers row) or names (an order's, a ticket's), trimmed;
    /// nil when it names none. A lead's is nil: a lead is placed by its own dimensions, not
    /// by the customer it became.
    public var customerId: String?
    /// The row's own breakdown values, as mapped: a customers row's region and owner, a
    /// lead's channel and owner, spend's channel. Empty values are left out.
    public var dimensions: [String: String]

    public init(customerId: String? = nil, dimensions: [String: String] = [:]) {
        self.customerId = customerId
        self.dimensions = dimensions
    }
}
