import Synchronization

/// The scans of one month that more than one consumer reads, each made once: gross margin
/// (the order and value families and the prediction), the 12-month LTV cohort (the order and
/// value families) and liveness (the customer-base family and the bridge).
///
/// The month's tasks run side by side on the engine's pool: the first to ask for a scan
/// makes it while any other asker waits, and every one reads the same values. Margin and
/// LTV are scanned over every customer dimension, so each consumer keeps the slices it shows.
final class MonthScans: Sendable {
    let month: Month
    private let facts: Facts
    private let config: MetricsConfig
    private let margin = Mutex<Computed?>(nil)
    private let ltv = Mutex<Computed?>(nil)
    private let liveness = Mutex<Liveness?>(nil)

    init(month: Month, facts: Facts, config: MetricsConfig) {
        (self.month, self.facts, self.config) = (month, facts, config)
    }

    /// gross_margin of the month, sliced by every customer dimension.
    var grossMargin: Computed {
        margin.withLock { made in
            if let made { return made }
            let computed = GrossMargin(month: month, facts: facts, config: config, groups: Groups(facts.customers.allDimensions)).computed
            made = computed
            return computed
        }
    }

    /// ltv_12m of the month, sliced by every customer dimension.
    var lifetimeValue: Computed {
        ltv.withLock { made in
            if let made { return made }
            let computed = LTV.computed(month: month, facts: facts, config: config, groups: Groups(facts.customers.allDimensions))
            made = computed
            return computed
        }
    }

    /// Who was live at the month's start and end, by the configured dimensions.
    var live: Liveness {
        liveness.withLock { made in
            if let made { return made }
            let scan = Liveness(month: month, facts: facts, window: config.definitions.churnAfterDays, groups: Groups(facts.customers.dimensions))
            made = scan
            return scan
        }
    }
}
