/// Small statistics the definitions use, exactly as METRICS.md settles them.
enum Statistics {
    /// The median; of an even count, the mean of the two middle values. nil when empty.
    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let mid = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
    }

    static func mean(_ sum: Double, _ count: Double) -> Double? { count > 0 ? sum / count : nil }
}
