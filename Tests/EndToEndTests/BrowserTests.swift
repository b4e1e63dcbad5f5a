import Charts
import Foundation
import Testing

/// The sample site opened from file:// in headless Chromium at a phone's width (390 px)
/// and a desktop's (1280 px), in the light and the dark colour scheme: the page never
/// overflows sideways, every image loads, no console error, every link resolves, tables
/// get their width, chart text is at least 11 px and every text keeps 4.5:1 contrast.
@Suite(.serialized) struct BrowserTests {
    /// Two months, so that the pages link to each other; `REVIEWPACK_SITE` checks another site instead.
    static let site = ProcessInfo.processInfo.environment["REVIEWPACK_SITE"] ?? TwoMonthSite.path

    /// The archive and every month's page.
    static func pages(in site: String) -> [URL] {
        let months = ((try? FileManager.default.contentsOfDirectory(atPath: site)) ?? []).filter { $0.count == 7 && $0.dropFirst(4).first == "-" }.sorted()
        return (["index.html"] + months.map { "\($0)/index.html" }).map { URL(fileURLWithPath: "\(site)/\($0)") }
    }

    @Test func everyPageReadsWellOnPhonesAndDesktopsInBothSchemes() throws {
        let browser = try Self.browser()
        var problems: [String] = []
        let pages = Self.pages(in: Self.site)
        #expect(pages.count >= 3 || ProcessInfo.processInfo.environment["REVIEWPACK_SITE"] != nil, "the archive and two months")
        for page in pages {
            #expect(FileManager.default.fileExists(atPath: page.path), "\(page.path) was not built")
            for width in [390, 1280] { problems += try Self.check(page, width: width, browser) }
        }
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(40).joined(separator: "\n"))")
    }

    /// The old rule that made a whole section a two-column grid, put back into a copy of
    /// the site, and a pale note: the checks must see the tables squeezed into half the
    /// page and the note's low contrast.
    @Test func theChecksCatchTheDesktopGridBugAndPaleText() throws {
        let copy = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: copy) }
        try FileManager.default.removeItem(atPath: copy)
        try FileManager.default.copyItem(atPath: Self.site, toPath: copy)
        let css = "\(copy)/assets/style.css"
        let bug = "\nsection:has(figure.chart) { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); column-gap: 28px; }\nsection > h2 { grid-column: 1 / -1; }\n.note { color: #a0a8b0; }\n"
        try (String(contentsOfFile: css, encoding: .utf8) + bug).write(toFile: css, atomically: true, encoding: .utf8)
        let problems = try Self.check(URL(fileURLWithPath: "\(copy)/2026-10/index.html"), width: 1280, try Self.browser())
        #expect(problems.contains { $0.contains("is squeezed into") }, "the desktop-grid bug went unnoticed:\n\(problems.joined(separator: "\n"))")
        #expect(problems.contains { $0.contains("light: contrast") }, "the pale note went unnoticed")
    }

    static func browser() throws -> DevToolsSession {
        guard let chromium = DevToolsSession.chromium else {
            throw DevToolsSession.Failure(description: "Chromium is needed (Debian package chromium); `make test` installs it")
        }
        return try DevToolsSession(chromium: chromium)
    }

    /// Everything wrong with `page` at `width`, each problem naming the page, width and scheme.
    static func check(_ page: URL, width: Int, _ browser: DevToolsSession) throws -> [String] {
        let place = "\(page.deletingLastPathComponent().lastPathComponent)/\(page.lastPathComponent) at \(width) px"
        try browser.colorScheme("light")
        try browser.open(page, width: width)
        let result = try browser.evaluate(PageChecks.script(standardText: Theme.standard.smallestText, narrowText: Theme.narrow.smallestText)) as? [String: Any]
        var problems = result?["problems"] as? [String] ?? ["the page checks did not run"]
        for link in result?["links"] as? [String] ?? [] {
            guard let url = URL(string: link), url.isFileURL else { problems.append("refers outside the site: \(link)"); continue }
            if !FileManager.default.fileExists(atPath: url.path) { problems.append("link to a missing file: \(url.path)") }
        }
        for scheme in ["light", "dark"] {
            try browser.colorScheme(scheme)
            problems += (try browser.evaluate(PageChecks.contrast) as? [String] ?? ["the contrast check did not run"]).map { "\(scheme): \($0)" }
        }
        problems += browser.consoleErrors()
        return problems.map { "\(place): \($0)" }
    }
}
