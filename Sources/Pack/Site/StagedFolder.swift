import Foundation

/// A folder's files written into its staging folder and flushed, not yet published
/// (``SitePublisher/stage(folder:files:)``): published or discarded exactly once.
public struct StagedFolder: Sendable {
    /// The site root it is published under.
    public let root: String
    /// The folder's name under the root (`2026-10`).
    public let name: String
    /// The staging folder beside it.
    let path: String
    /// The folders made in the staging folder, itself first, to flush when it is published.
    var folders: [String] = []
    /// The files written into it (paths inside it), in order.
    var written: [String] = []

    init(root: String, name: String, path: String) {
        (self.root, self.name, self.path) = (root, name, path)
    }

    /// The staging folder's file at `relative`.
    func file(_ relative: String) -> String { (path as NSString).appendingPathComponent(relative) }
}
