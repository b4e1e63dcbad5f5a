import Metrics

/// The keys of `definitions:` as data: what each allows and where its value goes.
/// One rule per key, checked before anything is computed.
struct DefinitionRule: Sendable {
    let key: String
    let apply: @Sendable (inout Definitions, ConfigNode) throws -> Void

    /// Days are whole and at most ten years: every window is calendar arithmetic on `Int32` days.
    static let days = 1...3650

    static let all: [DefinitionRule] = [
        whole("churn_after_days") { $0.churnAfterDays = $1 },
        whole("activation_days") { $0.activationDays = $1 },
        whole("conversion_days") { $0.conversionDays = $1 },
        whole("repeat_window_days") { $0.repeatWindowDays = $1 },
        whole("rfm_window_days") { $0.rfmWindowDays = $1 },
        DefinitionRule(key: "retention_days") { d, node in
            let items = try node.list()
            guard !items.isEmpty, items.count <= 12 else { throw node.problem("must list 1 to 12 whole numbers of days") }
            var seen = Set<Int>()
            d.retentionDays = try items.map { item in
                let n = try item.whole(in: days, what: "a whole number of days")
                guard seen.insert(n).inserted else { throw item.problem("\(n) is listed twice; each retention_dN exists once") }
                return n
            }
        },
        DefinitionRule(key: "rfm_threshold") { d, node in d.rfmThresholdMedian = try node.choice(["mean", "median"]) == "median" },
        real("lead_response_sla_hours", 0.001...87_600, "a number of hours") { $0.leadResponseSLAHours = $1 },
        real("ticket_sla_hours", 0.001...87_600, "a number of hours") { $0.ticketSLAHours = $1 },
        real("gross_margin", 0...1, "a ratio") { $0.grossMargin = $1 },
        real("near_threshold", 0...1, "a ratio") { $0.nearThreshold = $1 },
    ]

    static func whole(_ key: String, _ set: @escaping @Sendable (inout Definitions, Int) -> Void) -> DefinitionRule {
        DefinitionRule(key: key) { d, node in set(&d, try node.whole(in: days, what: "a whole number of days")) }
    }

    static func real(_ key: String, _ range: ClosedRange<Double>, _ what: String, _ set: @escaping @Sendable (inout Definitions, Double) -> Void) -> DefinitionRule {
        DefinitionRule(key: key) { d, node in set(&d, try node.number(in: range, what: what)) }
    }

    static func read(_ node: ConfigNode) throws -> Definitions {
        var d = Definitions()
        for (key, value) in try node.mapping(known: all.map(\.key)) {
            try all.first { $0.key == key }!.apply(&d, value)
        }
        return d
    }
}
