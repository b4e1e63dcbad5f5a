import Synchronization

/// The scans of one month that more than one consumer reads, each made once: gross margin
/// (the order and value families and the prediction), the 12-month LTV cohort (the order and
/// value families) and liveness (the customer-base family and the bridge).
///
/// The month's tasks run side by side on the engine's pool: the first to ask for a scan
/// makes it while any other asker waits, and every one reads the same values. Margin and
/// LTV are scanned over every customer dimension, so each consumer keeps the slices it shows.
///
/// It also says whether the month is sliced at all: every metric's slices are a slot per
/// member of each dimension added to for every customer, and most months show only their
/// totals (the series).
final class MonthScans: Sendable {
    let month: Month
    /// False: the month's values hold their totals alone.
    let sliced: Bool
    private let facts: Facts
    private let config: MetricsConfig
    private let margin = Mutex<Computed?>(nil)
    private let ltv = Mutex<Computed?>(nil)
    private let liveness = Mutex<Liveness?>(nil)

    init(month: Month, facts: Facts, config: MetricsConfig, sliced: Bool = true) {
        (self.month, self.facts, self.config, self.sliced) = (month, facts, config, sliced)
    }

    /// The slots of the month's values: the company and each member of `dimensions`, or the
    /// company alone when the month is not sliced.
    func groups(_ dimensions: [DimensionColumn]) -> Groups { Groups(sliced ? dimensions : []) }

    /// gross_margin of the month, sliced (when it is) by every customer dimension.
    var grossMargin: Computed {
        Self.once(margin) { GrossMargin(month: month, facts: facts, config: config, groups: groups(facts.customers.allDimensions)).computed }
    }

    /// ltv_12m of the month, sliced (when it is) by every customer dimension.
    var lifetimeValue: Computed {
        Self.once(ltv) { LTV.computed(month: month, facts: facts, config: config, groups: groups(facts.customers.allDimensions)) }
    }

    /// Who was live at the month's start and end, by the configured dimensions.
    var live: Liveness {
        Self.once(liveness) { Liveness(month: month, facts: facts, window: config.definitions.churnAfterDays, groups: groups(facts.customers.dimensions)) }
    }

    /// The value in `slot`, made by `make` under its lock on first request.
    private static func once<Value: Sendable>(_ slot: borrowing Mutex<Value?>, _ make: () -> Value) -> Value {
        slot.withLock { made in
            if let made { return made }
            let value = make()
            made = value
            return value
        }
    }
}
