/// Who a message is from and for. Bcc recipients are delivered to but never written
/// into the message, so no reader of the file learns who else received it.
public struct Addressing: Sendable, Equatable {
    public var from: Mailbox?
    public var to: [Mailbox]
    public var cc: [Mailbox]
    public var bcc: [Mailbox]
    public var replyTo: [Mailbox]

    public init(from: Mailbox? = nil, to: [Mailbox] = [], cc: [Mailbox] = [], bcc: [Mailbox] = [], replyTo: [Mailbox] = []) {
        (self.from, self.to, self.cc, self.bcc, self.replyTo) = (from, to, cc, bcc, replyTo)
    }

    /// Every address the message is delivered to (To, Cc, Bcc), each once, in that order.
    public var envelope: [String] {
        var seen = Set<String>()
        return (to + cc + bcc).map(\.address).filter { seen.insert($0.lowercased()).inserted }
    }
}
