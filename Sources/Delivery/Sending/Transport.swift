/// How a message leaves this machine: an SMTP server reached through libcurl, or a
/// local `sendmail` command.
public enum Transport: Sendable {
    case smtp(SMTPSettings)
    /// The command and its arguments; each recipient is added as `-i -f FROM -- RECIPIENT`.
    case sendmail([String])

    /// Opens what is needed to deliver (an SMTP connection is made on the first message and reused).
    public func session() throws -> any DeliverySession {
        switch self {
        case .smtp(let settings): return try SMTPSession(settings)
        case .sendmail(let command): return SendmailSession(command: command)
        }
    }
}

/// Delivers one message to one recipient at a time, so that every recipient's outcome
/// is known and a retry goes only to those that failed.
public protocol DeliverySession {
    func deliver(_ message: [UInt8], from sender: String, to recipient: String) -> DeliveryOutcome
}

/// What happened to one recipient.
public enum DeliveryOutcome: Sendable, Equatable {
    case delivered
    /// Not delivered; `temporary` when trying again later may work (a 4xx reply, a server out of reach).
    case failed(reason: String, temporary: Bool)
}
