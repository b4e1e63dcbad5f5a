/// What a number measures, which decides how it is written.
public enum ValueKind: String, Sendable {
    case count, money, ratio, score, days, hours, months, number
    /// A ratio read as a multiple (LTV/CAC 15.0×, ROAS 20.7×).
    case multiple
}
