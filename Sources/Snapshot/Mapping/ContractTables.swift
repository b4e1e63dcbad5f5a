/// The tables of the contract and their columns, as data: what the readers require, what
/// `check` lists as missing, what a mapping in `pack.yaml` may name and map words onto,
/// and which columns `init` reads timestamp patterns and money forms from.
public enum ContractTables {
    public struct Table: Sendable {
        public let name: String
        public let required: [String]
        public let optional: [String]
        /// The columns holding timestamps (or dates), and money.
        public var timestamps: [String] = []
        public var money: [String] = []
        /// Enumerated columns and the words the reader knows for them.
        public var words: [String: [String]] = [:]

        public var columns: [String] { required + optional }
    }

    /// In the order the contract documents them. `spend` needs `month` or `date` as well.
    public static let all: [Table] = [
        Table(name: "customers", required: ["customer_id", "signup_at"], optional: ["name", "channel", "region", "industry", "tier", "owner"],
              timestamps: ["signup_at"]),
        Table(name: "orders", required: ["order_id", "customer_id", "ordered_at", "amount"], optional: ["status", "cost", "product"],
              timestamps: ["ordered_at"], money: ["amount", "cost"], words: ["status": ["paid", "refunded", "cancelled"]]),
        Table(name: "leads", required: ["lead_id", "created_at"],
              optional: ["channel", "campaign", "owner", "first_contact_at", "qualified_at", "opportunity_at", "won_at", "lost_at", "amount", "customer_id"],
              timestamps: ["created_at", "first_contact_at", "qualified_at", "opportunity_at", "won_at", "lost_at"], money: ["amount"]),
        Table(name: "traffic", required: ["date", "channel", "visits"], optional: [], timestamps: ["date"]),
        Table(name: "activities", required: ["customer_id", "at"], optional: ["type", "owner"], timestamps: ["at"]),
        Table(name: "spend", required: ["channel", "amount"], optional: ["month", "date"], timestamps: ["date"], money: ["amount"]),
        Table(name: "surveys", required: ["customer_id", "at", "kind", "score"], optional: [], timestamps: ["at"], words: ["kind": ["nps", "csat"]]),
        Table(name: "tickets", required: ["ticket_id", "customer_id", "opened_at"], optional: ["first_response_at", "resolved_at", "kind"],
              timestamps: ["opened_at", "first_response_at", "resolved_at"]),
        Table(name: "targets", required: ["metric", "period", "target"], optional: ["dimension", "value"]),
    ]

    public static func named(_ name: String) -> Table? { all.first { $0.name == name } }

    /// Columns whose words `values:` may translate: the enumerated ones and the text dimensions.
    public static let valueColumns: Set<String> = ["status", "kind", "channel", "region", "industry", "tier", "owner", "product", "campaign", "type"]
}
