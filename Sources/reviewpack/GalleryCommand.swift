import ArgumentParser
import Foundation
import Pack

struct GalleryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gallery",
        abstract: "Renders every chart kind with sample values, in both languages, to SVG, PNG and PDF, with an HTML page."
    )

    @Option(help: "Folder to write the gallery into.") var out = "gallery"

    func run() throws {
        let (files, seconds) = Gallery.files()
        let path = (out as NSString).standardizingPath
        let publisher = SitePublisher(root: (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent)
        do {
            try publisher.publish(folder: (path as NSString).lastPathComponent, files: files)
        } catch {
            throw fail("\(error)", .cannotCreate)
        }
        let charts = (files.count - 1) / 3
        Console.progress("wrote \(charts) charts × 3 formats to \(out)/ (index.html); rendering took \(String(format: "%.2f", seconds)) s")
    }
}
