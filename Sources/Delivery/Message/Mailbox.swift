/// One address with its optional display name: `ops@example.com` or
/// `运营部 <ops@example.com>`. The address is checked when the configuration is read
/// (`Configuration.EmailAddress`); here it is only written into headers.
public struct Mailbox: Sendable, Equatable, CustomStringConvertible {
    public var name: String?
    public var address: String

    public init(name: String? = nil, address: String) {
        self.name = name.flatMap { $0.isEmpty ? nil : $0 }
        self.address = address
    }

    /// As a person would write it (messages, dry runs), never for a header.
    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    /// The header form: the display name as a plain word, a quoted string or RFC 2047
    /// encoded words, then the address in angle brackets.
    var header: String {
        guard let name else { return address }
        return "\(HeaderText.phrase(name)) <\(address)>"
    }

    /// The domain, for Message-IDs that say where a message came from.
    var domain: String { address.split(separator: "@").last.map(String.init) ?? "localhost" }
}
