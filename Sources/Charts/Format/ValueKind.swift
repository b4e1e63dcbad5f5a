/// What a number measures, which decides how it is written.
public enum ValueKind: String, Sendable {
    case count, money, ratio, score, days, hours, months, number
}
