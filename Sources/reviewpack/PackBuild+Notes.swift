import Foundation
import Metrics
import Pack
import Snapshot

extension PackBuild {
    /// The analyst's notes for an audience's month, nil when there are none.
    ///
    /// The whole company's packs read `--notes FILE` or `DATA/notes/YYYY-MM.md`; a pack
    /// for part of the company reads only `DATA/notes/<audience folder>/YYYY-MM.md`, since
    /// notes written for leadership may name anyone's customers. For a SQLite file `notes/`
    /// is beside it; for a PostgreSQL database, beside `pack.yaml`.
    func commentary(for audience: Audience, month: Month) throws -> Commentary? {
        let home = DataLocation(data).home ?? (config.file as NSString).deletingLastPathComponent
        let notes = (home as NSString).appendingPathComponent("notes")
        let explicit = audience.scope == nil ? notesFile : nil
        let path: String
        if let explicit {
            path = explicit
        } else if audience.scope == nil {
            path = (notes as NSString).appendingPathComponent("\(month).md")
        } else {
            guard let folder = audience.folder else { return nil }
            path = ((notes as NSString).appendingPathComponent(folder) as NSString).appendingPathComponent("\(month).md")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            if explicit != nil { throw Failure.noInput("\(path): notes file not found") }
            return nil
        }
        switch RegularFile.read(path, limit: CommentaryReader.maxBytes) {
        case .success(let bytes):
            guard let text = String(validating: bytes, as: UTF8.self) else { throw Failure.data("\(path): the notes are not UTF-8 text") }
            return CommentaryReader.read(markdown: text)
        case .failure(.tooLarge):
            throw Failure.data("\(path): the notes are larger than \(CommentaryReader.maxBytes / 1024) KiB; commentary is a page, not a document")
        case .failure(let reason):
            throw Failure.data("\(path): \(reason)")
        }
    }
}
