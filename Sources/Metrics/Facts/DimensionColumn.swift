/// A text column interned to dense codes: the breakdown dimensions (channel, owner, …).
///
/// Metrics group by `codes` without touching strings; `members[code]` gives the text back.
/// An empty field has code ``DimensionColumn/none``.
public struct DimensionColumn: Sendable, Equatable {
    public static let none: Int32 = -1

    public let name: String
    public private(set) var codes = DimensionCodes()
    public private(set) var members: [String] = []
    private var index = ByteIndex()

    public init(name: String) { self.name = name }

    /// Appends one row's value (already trimmed as the column requires); "" is `none`.
    public mutating func append(_ value: String) {
        codes.append(code(for: value))
    }

    public mutating func code(for value: String) -> Int32 {
        var value = value
        return value.withUTF8 { code(forBytes: $0) }
    }

    /// Appends one row's value given as bytes (already trimmed); a String is made only for a new member.
    public mutating func append(bytes: UnsafeBufferPointer<UInt8>) { codes.append(code(forBytes: bytes)) }

    public mutating func code(forBytes bytes: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard !bytes.isEmpty else { return Self.none }
        let (code, inserted) = index.insert(bytes)
        if inserted { members.append(String(decoding: bytes, as: UTF8.self)) }
        return code
    }

    /// The text of row `row`, or nil when empty.
    public func value(at row: Int) -> String? {
        let code = codes[row]
        return code == Self.none ? nil : members[Int(code)]
    }

    public func code(of member: String) -> Int32? {
        var member = member
        return member.withUTF8 { index.find($0) }
    }

    public static func == (a: DimensionColumn, b: DimensionColumn) -> Bool {
        a.name == b.name && a.codes == b.codes && a.members == b.members
    }
}
