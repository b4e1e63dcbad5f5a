import Metrics

/// A folder of CSV or Excel exports as a source of facts: read into a ``Snapshot``, then
/// reduced in Swift.
public struct FolderSource: FactSource {
    public let folder: String
    public let options: SnapshotOptions
    /// The configured customer dimensions the facts keep.
    public let dimensions: [String]

    public init(folder: String, options: SnapshotOptions, dimensions: [String]) {
        (self.folder, self.options, self.dimensions) = (folder, options, dimensions)
    }

    public func read(lap: (String) -> Void) throws -> SourceReading {
        let snapshot = try SnapshotReader.read(folder: folder, options: options)
        lap("read")
        return SourceReading(snapshot: consume snapshot, dimensions: dimensions)
    }
}
