/// One line of the exceptions list: an alert or a missed target.
public struct ExceptionItem: Sendable {
    public enum Severity: String, Sendable, CaseIterable { case high, medium, low }
    public var severity: Severity
    public var text: String

    /// The severity as a word of the pack's language, the same on the site, in the PDF and in the e-mail.
    public func severityLabel(chinese: Bool) -> String {
        switch severity {
        case .high: return chinese ? "高" : "high"
        case .medium: return chinese ? "中" : "medium"
        case .low: return chinese ? "低" : "low"
        }
    }
}
