import Foundation
import Testing

/// The HTML part uses nothing Outlook's Word engine drops or mangles, and a browser at
/// phone-to-desktop width draws it: the screenshot is kept for a person to look at.
@Suite struct EmailRenderingTests {
    static let screenshot = NSTemporaryDirectory() + "reviewpack-email-600.png"

    @Test func theHTMLPartUsesOnlyWhatOutlookAndGmailKeep() throws {
        let (_, outbox) = try DeliveryFixture.built.get()
        let mail = try MailParts(path: outbox + "/2026-10/pack.eml")
        let html = mail.html.lowercased()
        for banned in ["<style", "<svg", "<script", "<link", "@font-face", "display:flex", "display: flex", "display:grid", "display: grid",
                       "position:absolute", "background-image", "<video", "<form"] {
            #expect(!html.contains(banned), "the HTML part uses \(banned)")
        }
        // Every image is an inline part (cid:), sized by attributes, none wider than 680 px.
        let images = html.components(separatedBy: "<img").dropFirst()
        #expect(images.count == 4)
        for tag in images.map({ String($0.prefix { $0 != ">" }) }) {
            #expect(tag.contains("src=\"cid:"), "\(tag)")
            let width = tag.components(separatedBy: "width=\"").dropFirst().first.flatMap { Int($0.prefix { $0.isNumber }) }
            #expect(width != nil && width! <= 680 && tag.contains("height=\""), "\(tag)")
        }
        let widths = html.components(separatedBy: "width=\"").dropFirst().compactMap { Int($0.prefix { $0.isNumber }) }
        #expect(widths.allSatisfy { $0 <= 680 })
        #expect(html.contains("<table role=\"presentation\""))
        #expect(html.contains("href=\"https://review.example.com/packs/2026-10/\""))
    }

    @Test func chromiumDrawsItAt600Pixels() throws {
        let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
        let browser = try #require(chromium, "chromium is not installed (make test installs it)")
        let (_, outbox) = try DeliveryFixture.built.get()
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        _ = try MailParts(path: outbox + "/2026-10/pack.eml", htmlOut: folder + "/email.html")
        try? FileManager.default.removeItem(atPath: Self.screenshot)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--user-data-dir=\(folder)/profile",
                             "--screenshot=\(Self.screenshot)", "--window-size=600,3000", "file://\(folder)/email.html"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let png = try #require(FileManager.default.contents(atPath: Self.screenshot), "no screenshot")
        #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(png.count > 50_000, "a nearly empty screenshot (\(png.count) bytes)")
        print("the e-mail at 600 px: \(Self.screenshot)")
    }
}
