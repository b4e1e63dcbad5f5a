/// An SMTP server and how to talk to it, from `email.smtp` in `pack.yaml`.
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable, CaseIterable {
        /// `smtp://` upgraded with STARTTLS, refusing to go on in the clear.
        case starttls
        /// `smtps://`: TLS from the first byte.
        case tls
        /// No encryption: only for a relay on the same machine or a test server.
        case none
    }

    /// `smtp://host[:port]` or `smtps://host[:port]`.
    public var url: String
    public var security: Security
    public var user: String?
    /// Read from the environment variable the configuration names, when sending.
    public var password: String?
    /// A certificate (PEM) to trust besides the system's: a company CA, or a test server's own.
    public var caFile: String?
    public var timeoutSeconds: Int

    public init(url: String, security: Security, user: String? = nil, password: String? = nil, caFile: String? = nil, timeoutSeconds: Int = 60) {
        (self.url, self.security, self.user, self.password, self.caFile, self.timeoutSeconds) = (url, security, user, password, caFile, timeoutSeconds)
    }
}
