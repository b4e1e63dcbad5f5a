/// A target compared with its actual: attainment, pace for an open period, and a status.
public struct TargetOutcome: Sendable, Equatable {
    /// Closed periods are met, near or missed; a quarter or year still open at the
    /// report month is on track, near or behind its pace.
    public enum Status: String, Sendable { case met, near, missed, onTrack = "on_track", behind }
    public enum Scope: String, Sendable { case month, quarter, year }

    public let metric: String
    /// `2026-10`, `2026-Q4` or `2026`.
    public let period: String
    public let scope: Scope
    public let slice: Slice?
    public let target: Double
    /// A flow's period-to-date sum, or a level's value in the report month.
    public let actual: Double?
    public let attainment: Double?
    /// Whether the period runs past the report month (judged on pace, not on the whole target).
    public let open: Bool
    /// Progress against the share of the target the elapsed months call for; nil when closed.
    public let pace: Double?
    /// What the period's months so far call for: a flow's target times the share of the
    /// period elapsed, a level's whole target; nil when closed. What `pace` measures against.
    public let dueByNow: Double?
    public let status: Status?

    /// Whether the outcome belongs in the exceptions list (an open period on track never does).
    public var needsAttention: Bool { status == .missed || status == .behind || status == .near }
}
