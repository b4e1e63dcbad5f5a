/// A `pack.yaml` value that is not allowed: where it is (file, line, column, key path)
/// and what is allowed instead, as one sentence.
public struct ConfigProblem: Error, CustomStringConvertible, Sendable {
    public let file: String
    /// The key path (`definitions.retention_days[1]`), empty for the whole file.
    public let path: String
    public let line: Int?
    public let column: Int?
    public let message: String

    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return "\(place): " + (path.isEmpty ? message : "\(path): \(message)")
    }
}
