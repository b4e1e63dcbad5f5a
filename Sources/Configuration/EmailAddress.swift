import Delivery
import Foundation

/// The syntax an address in `email:`, `owners:` or an audience must have:
/// `name@example.com` or `Display Name <name@example.com>`, checked when the
/// configuration is read so that a typo fails the build at once instead of the delivery
/// at night.
enum EmailAddress {
    /// The mailbox, or nil when `text` is not an address.
    static func parse(_ text: String) -> Mailbox? {
        var address = Substring(text)
        var name: String?
        if let open = text.lastIndex(of: "<") {
            guard text.hasSuffix(">") else { return nil }
            address = text[text.index(after: open)..<text.index(before: text.endIndex)]
            var display = text[..<open].trimmingCharacters(in: .whitespaces)
            if display.count >= 2, display.hasPrefix("\""), display.hasSuffix("\"") { display = String(display.dropFirst().dropLast()) }
            name = display.isEmpty ? nil : display
        }
        guard isValid(address) else { return nil }
        return Mailbox(name: name, address: String(address))
    }

    static func isValid(_ address: Substring) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last, !local.isEmpty, local.count <= 64, domain.count <= 253 else { return false }
        let localAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+-/=?^_`{|}~")
        guard local.allSatisfy(localAllowed.contains), !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let labelAllowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-")
        return labels.count >= 2 && labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && label.allSatisfy(labelAllowed.contains) && !label.hasPrefix("-") && !label.hasSuffix("-")
        }
    }
}
