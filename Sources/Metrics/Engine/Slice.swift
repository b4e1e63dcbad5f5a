/// One member of one dimension: (`channel`, `官网`).
public struct Slice: Hashable, Sendable, CustomStringConvertible {
    public let dimension: String
    public let value: String

    public init(dimension: String, value: String) {
        self.dimension = dimension
        self.value = value
    }

    public var description: String { "\(dimension)=\(value)" }
}
