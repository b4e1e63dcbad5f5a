import Delivery

/// `email:` in `pack.yaml`: who the month's message is from and for, and how it is sent.
public struct EmailSettings: Sendable {
    /// From, Reply-To and the recipients of the whole-company pack (To, Cc, Bcc).
    public var addressing = Addressing()
    /// How `send` delivers; nil when the configuration names no way.
    public var transport: Transport?
    /// The environment variable holding the SMTP password, read only when sending.
    public var passwordVariable: String?
    /// Where messages wait to be sent (default: beside `--out`, as `OUT.outbox`).
    public var outbox: String?

    public init() {}
}

/// `site:` in `pack.yaml`: where the published site lives and whether it may name customers.
public struct SiteSettings: Sendable {
    /// The site's public address (`https://review.example.com/`): the e-mail links to the month's page under it.
    public var url: String?
    /// Customer names appear in the site only when it is private (`true`).
    public var personalData = false

    public init() {}
}
