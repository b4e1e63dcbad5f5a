import Foundation
import Mustache

/// The Mustache templates of the site, loaded from a folder so users can restyle the pack
/// with a copy of `Templates/` and no rebuild.
public struct TemplateSet: Sendable {
    let library: MustacheLibrary
    public let folder: String

    public static let required = ["page", "months", "block", "table", "archive", "email", "email-html"]

    public init(folder: String) throws {
        self.folder = folder
        var library = MustacheLibrary()
        for name in Self.required {
            let path = (folder as NSString).appendingPathComponent("\(name).mustache")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw PackError.missingTemplate(path)
            }
            do {
                try library.register(text, named: name)
            } catch {
                throw PackError.badTemplate(path, "\(error)")
            }
        }
        self.library = library
    }

    public func render(_ context: [String: Any], _ template: String) throws -> String {
        guard let out = library.render(context, withTemplate: template) else { throw PackError.missingTemplate(template) }
        return out
    }
}
