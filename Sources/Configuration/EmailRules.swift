import Delivery
import Foundation

/// How `email:`, `site:` and `owners:` are read: addresses checked one by one, one way
/// of sending at most, and nothing secret in the file (the SMTP password comes from an
/// environment variable it names).
enum EmailRules {
    static let keys = ["from", "to", "cc", "bcc", "reply_to", "smtp", "sendmail", "outbox"]

    static func email(_ node: ConfigNode) throws -> EmailSettings {
        var settings = EmailSettings()
        let fields = try node.mapping(known: keys)
        for (key, value) in fields {
            switch key {
            case "from": settings.addressing.from = try address(value)
            case "to": settings.addressing.to = try addresses(value)
            case "cc": settings.addressing.cc = try addresses(value)
            case "bcc": settings.addressing.bcc = try addresses(value)
            case "reply_to": settings.addressing.replyTo = try addresses(value)
            case "smtp": (settings.transport, settings.passwordVariable) = try smtp(value)
            case "sendmail":
                let command = try value.string(maxLength: 400).split(separator: " ").map(String.init)
                guard command[0].hasPrefix("/") else { throw value.problem("must start with the command's absolute path (/usr/sbin/sendmail)") }
                settings.transport = .sendmail(command)
            default: settings.outbox = try value.string(maxLength: 1000)
            }
        }
        if fields.contains(where: { $0.key == "smtp" }), fields.contains(where: { $0.key == "sendmail" }) {
            throw node.problem("give smtp or sendmail, not both")
        }
        return settings
    }

    static func address(_ node: ConfigNode) throws -> Mailbox {
        let text = try node.string(maxLength: 320)
        guard let mailbox = EmailAddress.parse(text) else { throw node.problem("\"\(text)\" is not an e-mail address (name@example.com or Name <name@example.com>)") }
        return mailbox
    }

    /// One address or a list of them.
    static func addresses(_ node: ConfigNode) throws -> [Mailbox] {
        guard case .sequence = node.node else { return [try address(node)] }
        let items = try node.list()
        guard items.count <= 500 else { throw node.problem("lists at most 500 addresses") }
        return try items.map(address)
    }

    static func smtp(_ node: ConfigNode) throws -> (Transport, String?) {
        let fields = try node.mapping(known: ["url", "tls", "user", "password_env", "ca_file", "timeout_seconds"])
        func field(_ k: String) -> ConfigNode? { fields.first { $0.key == k }?.value }
        guard let urlNode = field("url") else { throw node.problem("needs a url (smtp://mail.example.com:587 or smtps://mail.example.com:465)") }
        let url = try urlNode.string(maxLength: 500)
        let lower = url.lowercased()
        let implicit = lower.hasPrefix("smtps://")
        guard implicit || lower.hasPrefix("smtp://"), let host = URLComponents(string: url)?.host, !host.isEmpty else {
            throw urlNode.problem("must be smtp://HOST[:PORT] (STARTTLS) or smtps://HOST[:PORT] (TLS), found \(urlNode.shown)")
        }
        var security: SMTPSettings.Security = implicit ? .tls : .starttls
        if let tls = field("tls") {
            let allowed = implicit ? ["tls"] : ["starttls", "none"]
            security = SMTPSettings.Security(rawValue: try tls.choice(allowed))!
        }
        var settings = SMTPSettings(url: url, security: security)
        settings.user = try field("user")?.string(maxLength: 320)
        var variable: String?
        if let env = field("password_env") {
            let name = try env.string(maxLength: 100)
            guard name.first.map({ $0 == "_" || ($0.isASCII && $0.isLetter) }) == true, name.allSatisfy({ $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }) else {
                throw env.problem("must name an environment variable (letters, digits and _), found \(env.shown)")
            }
            variable = name
        }
        if (settings.user == nil) != (variable == nil) {
            throw node.problem("user and password_env go together: AUTH needs both")
        }
        settings.caFile = try field("ca_file")?.string(maxLength: 1000)
        if let timeout = field("timeout_seconds") { settings.timeoutSeconds = try timeout.whole(in: 1...3600, what: "a whole number of seconds") }
        return (.smtp(settings), variable)
    }

    static func site(_ node: ConfigNode) throws -> SiteSettings {
        var site = SiteSettings()
        for (key, value) in try node.mapping(known: ["url", "personal_data"]) {
            if key == "personal_data" { site.personalData = try value.bool(); continue }
            let url = try value.string(maxLength: 500)
            guard let components = URLComponents(string: url), ["http", "https"].contains(components.scheme?.lowercased() ?? ""),
                  components.host?.isEmpty == false else {
                throw value.problem("must be the site's address, http:// or https://, found \(value.shown)")
            }
            site.url = url.hasSuffix("/") ? url : url + "/"
        }
        return site
    }

    /// `owners:` maps a sales rep (the `owner` column's value) to their address.
    static func owners(_ node: ConfigNode) throws -> [String: Mailbox] {
        var owners: [String: Mailbox] = [:]
        for (member, value) in try node.mapping() { owners[member] = try address(value) }
        return owners
    }
}
