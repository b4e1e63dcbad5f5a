/// A target compared with its actual: attainment and met / near / missed.
public struct TargetOutcome: Sendable, Equatable {
    public enum Status: String, Sendable { case met, near, missed }
    public enum Scope: String, Sendable { case month, quarter, year }

    public let metric: String
    /// `2026-10`, `2026-Q4` or `2026`.
    public let period: String
    public let scope: Scope
    public let slice: Slice?
    public let target: Double
    /// The month's value, or the quarter/year-to-date sum for counts and money.
    public let actual: Double?
    public let attainment: Double?
    public let status: Status?
}
