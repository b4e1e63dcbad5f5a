/// The tables of the contract and their columns, as data: what the readers require, what
/// `check` lists as missing, what a mapping in `pack.yaml` may name, and what `init` looks for.
public enum ContractTables {
    public struct Table: Sendable {
        public let name: String
        public let required: [String]
        public let optional: [String]

        public var columns: [String] { required + optional }
    }

    /// In the order the contract documents them. `spend` needs `month` or `date` as well.
    public static let all: [Table] = [
        Table(name: "customers", required: ["customer_id", "signup_at"], optional: ["name", "channel", "region", "industry", "tier", "owner"]),
        Table(name: "orders", required: ["order_id", "customer_id", "ordered_at", "amount"], optional: ["status", "cost", "product"]),
        Table(name: "leads", required: ["lead_id", "created_at"],
              optional: ["channel", "campaign", "owner", "first_contact_at", "qualified_at", "opportunity_at", "won_at", "lost_at", "amount", "customer_id"]),
        Table(name: "traffic", required: ["date", "channel", "visits"], optional: []),
        Table(name: "activities", required: ["customer_id", "at"], optional: ["type", "owner"]),
        Table(name: "spend", required: ["channel", "amount"], optional: ["month", "date"]),
        Table(name: "surveys", required: ["customer_id", "at", "kind", "score"], optional: []),
        Table(name: "tickets", required: ["ticket_id", "customer_id", "opened_at"], optional: ["first_response_at", "resolved_at", "kind"]),
        Table(name: "targets", required: ["metric", "period", "target"], optional: ["dimension", "value"]),
    ]

    public static func named(_ name: String) -> Table? { all.first { $0.name == name } }

    /// Columns whose words `values:` may translate: the enumerated ones and the text dimensions.
    public static let valueColumns: Set<String> = ["status", "kind", "channel", "region", "industry", "tier", "owner", "product", "campaign", "type"]
}
