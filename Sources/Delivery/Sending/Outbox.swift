import Foundation
import Pack

/// Where built messages wait to be sent, outside the published site (they carry
/// addresses): `OUTBOX/<month>/<name>.eml`, an index naming each message's audience and
/// visible recipients, and `<name>.sent`, one line per recipient it reached, so that a
/// month is never sent to anyone twice unless asked.
public struct Outbox: Sendable {
    public let root: String

    public init(root: String) { self.root = root }

    /// One message of a month: its file name (without `.eml`), the audience it was built
    /// for, and the addresses in its To and Cc headers.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var audience: String
        public var recipients: [String]

        public init(name: String, audience: String, recipients: [String]) { (self.name, self.audience, self.recipients) = (name, audience, recipients) }
    }

    public func folder(_ month: String) -> String { (root as NSString).appendingPathComponent(month) }
    public func messagePath(_ month: String, _ name: String) -> String { (folder(month) as NSString).appendingPathComponent("\(name).eml") }
    func recordPath(_ month: String, _ name: String) -> String { (folder(month) as NSString).appendingPathComponent("\(name).sent") }
    func indexPath(_ month: String) -> String { (folder(month) as NSString).appendingPathComponent("index.tsv") }

    /// Writes a month's messages, each through a temporary file renamed into place, and
    /// then the index; the records of what was sent are kept.
    public func write(month: String, messages: [(entry: Entry, bytes: [UInt8])]) throws {
        let dir = folder(month)
        try DurableFiles.makeFolders(dir)
        for (entry, bytes) in messages {
            let path = messagePath(month, entry.name)
            try DurableFiles.write(bytes, to: path + ".tmp")
            try DurableFiles.rename(path + ".tmp", to: path)
        }
        let index = messages.map { "\($0.entry.name)\t\($0.entry.audience)\t\($0.entry.recipients.joined(separator: " "))\n" }.joined()
        try DurableFiles.write(Array(index.utf8), to: indexPath(month) + ".tmp")
        try DurableFiles.rename(indexPath(month) + ".tmp", to: indexPath(month))
        try DurableFiles.sync(folder: dir)
    }

    /// The messages built for a month, in the order they were written; nil when none were.
    public func entries(month: String) -> [Entry]? {
        guard let text = try? String(contentsOfFile: indexPath(month), encoding: .utf8) else { return nil }
        return text.split(separator: "\n").compactMap { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { return nil }
            return Entry(name: fields[0], audience: fields[1], recipients: fields[2].split(separator: " ").map(String.init))
        }
    }

    /// The newest month with an index, by name (`YYYY-MM` sorts by time).
    public func latestMonth() -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: indexPath($0)) }.max()
    }

    /// Addresses a message has reached, lower-cased.
    public func sent(month: String, name: String) -> Set<String> {
        guard let text = try? String(contentsOfFile: recordPath(month, name), encoding: .utf8) else { return [] }
        return Set(text.split(separator: "\n").compactMap { $0.split(separator: "\t").first.map { $0.lowercased() } })
    }

    /// Notes that the message reached `recipient`, flushed before the next one is tried.
    public func recordSent(month: String, name: String, recipient: String, date: String, messageID: String) throws {
        let path = recordPath(month, name)
        let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw PackError.cannotWrite(path, String(cString: strerror(errno))) }
        defer { close(descriptor) }
        let line = Array("\(recipient)\t\(date)\t\(messageID)\n".utf8)
        guard line.withUnsafeBytes({ Glibc.write(descriptor, $0.baseAddress, $0.count) }) == line.count, fsync(descriptor) == 0 else {
            throw PackError.cannotWrite(path, String(cString: strerror(errno)))
        }
    }
}
