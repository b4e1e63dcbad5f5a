/// A text column interned to dense codes: the breakdown dimensions (channel, owner, …).
///
/// Metrics group by `codes` without touching strings; `members[code]` gives the text back.
/// An empty field has code ``DimensionColumn/none``.
public struct DimensionColumn: Sendable, Equatable {
    public static let none: Int32 = -1

    public let name: String
    public private(set) var codes: [Int32] = []
    public private(set) var members: [String] = []
    private var index: [String: Int32] = [:]

    public init(name: String) { self.name = name }

    /// Appends one row's value (already trimmed as the column requires); "" is `none`.
    public mutating func append(_ value: String) {
        codes.append(code(for: value))
    }

    public mutating func code(for value: String) -> Int32 {
        guard !value.isEmpty else { return Self.none }
        if let code = index[value] { return code }
        let code = Int32(members.count)
        members.append(value)
        index[value] = code
        return code
    }

    /// The text of row `row`, or nil when empty.
    public func value(at row: Int) -> String? {
        let code = codes[row]
        return code == Self.none ? nil : members[Int(code)]
    }

    public func code(of member: String) -> Int32? { index[member] }

    public mutating func reserve(_ count: Int) { codes.reserveCapacity(count) }
}
