import Foundation
import Testing

@Suite struct GalleryTests {
    @Test func galleryRendersEveryKindInBothLanguagesAndFormats() throws {
        let out = CommandRunner.temporaryFolder() + "/gallery"
        defer { try? FileManager.default.removeItem(atPath: (out as NSString).deletingLastPathComponent) }
        let result = try CommandRunner.run(["gallery", "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        let files = CommandRunner.contents(of: out)
        let kinds = ["trend", "trend-ratio", "trend-multi", "funnel", "bullet", "waterfall", "heatmap", "bars-grouped", "bars-stacked", "donut", "sparkline"]
        for kind in kinds {
            for language in ["zh", "en"] {
                for ext in ["svg", "png", "pdf"] {
                    #expect(files["\(kind)-\(language).\(ext)"]?.isEmpty == false, "\(kind)-\(language).\(ext)")
                }
                #expect(files["\(kind)-\(language).png"]?.starts(with: [0x89, 0x50, 0x4E, 0x47]) == true)
                #expect(files["\(kind)-\(language).pdf"]?.starts(with: Array("%PDF".utf8)) == true)
            }
        }
        let page = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        for match in page.matches(of: /(?:src|href)="([^"]+)"/) {
            #expect(files[String(match.output.1)] != nil, "index.html links to a missing \(match.output.1)")
        }
        #expect(result.stderr.contains("rendering took"))
    }
}
