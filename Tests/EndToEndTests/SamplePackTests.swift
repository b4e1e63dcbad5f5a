import Foundation
import Testing

/// Builds the committed sample into a temporary site with the real executable and reads
/// the result back as a reader, a browser and a PDF viewer would.
@Suite(.serialized) struct SamplePackTests {
    static let site: String = {
        let site = CommandRunner.temporaryFolder()
        _ = try? CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", site])
        return site
    }()

    @Test func buildSucceedsAndWritesTheMonth() throws {
        let site = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", site])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("built 2026-10"))
        let files = CommandRunner.contents(of: site)
        for name in ["index.html", "assets/style.css", "2026-10/index.html", "2026-10/pack.pdf", "2026-10/metrics.json",
                     "2026-10/charts/funnel.svg", "2026-10/charts/trend-revenue.svg", "2026-10/charts/targets.svg", "2026-10/charts/bridge.svg"] {
            #expect(files[name]?.isEmpty == false, "\(name) is missing or empty")
        }
        #expect(!files.keys.contains { $0.contains(".staging") || $0.contains(".old-") || $0.hasSuffix(".tmp") })
        // The message waits outside the published tree, with its addresses.
        #expect(!files.keys.contains { $0.hasSuffix(".eml") })
        #expect(FileManager.default.fileExists(atPath: site + ".outbox/2026-10/pack.eml"))
        try? FileManager.default.removeItem(atPath: site + ".outbox")
    }

    /// Nothing a static host serves carries an e-mail address or (the site not being private) a customer's name.
    @Test func thePublishedSiteHoldsNoAddressesAndNoCustomerNames() throws {
        let customers = try String(contentsOfFile: CommandRunner.sampleData + "/customers.csv", encoding: .utf8)
        let rows = CSVRows.parse(customers).dropFirst().filter { $0.count >= 8 }
        // A customer who shares a sales rep's name is not found by looking for it.
        let reps = Set(rows.map { $0[7] })
        let names = rows.map { $0[1] }.filter { !reps.contains($0) }
        #expect(names.count > 1000)
        let finder = LeakFinder(names.map { ($0, $0) })
        for (path, data) in CommandRunner.contents(of: Self.site) where !path.hasSuffix(".pdf") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.range(of: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z.]+"#, options: .regularExpression) == nil, "an address in \(path)")
            if let name = finder.first(in: text) { Issue.record("\(path) names the customer \(name)") }
        }
        // The leadership PDF keeps them: the at-risk list names its customers (cut short to fit its column).
        if let text = CommandRunner.tool("pdftotext", [Self.site + "/2026-10/pack.pdf", "-"]) {
            #expect(LeakFinder(names.map { (String($0.prefix(6)), $0) }).first(in: text) != nil)
        }
    }

    @Test func metricsJSONIsComplete() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(Self.site)/2026-10/metrics.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(root["month"] as? String == "2026-10")
        let metrics = try #require(root["metrics"] as? [String: [String: Any]])
        for id in ["new_customers", "active_customers", "live_customers", "churned_customers", "reactivated_customers", "churn_rate",
                   "revenue", "orders", "paying_customers", "arpu", "new_leads", "won_deals", "win_rate"] {
            let m = try #require(metrics[id], "\(id) missing")
            #expect((m["series"] as? [Any])?.count == 13)
            #expect(m["value"] is Double || m["value"] is Int, "\(id) has no value for the sample month")
        }
        let bridge = try #require(root["bridge"] as? [String: Int])
        #expect(bridge["start"]! - bridge["churned"]! + bridge["reactivated"]! + bridge["new"]! == bridge["end"]!)
        let quality = try #require(root["quality"] as? [String: Any])
        // The sample carries a duplicate order id and orders of unknown customers on purpose.
        #expect(((quality["counts"] as? [String: Int])?["duplicate_key"] ?? 0) >= 1)
        #expect(((quality["counts"] as? [String: Int])?["unknown_customer"] ?? 0) >= 1)
        #expect((root["targets"] as? [Any])?.isEmpty == false)
    }

    @Test func siteIsSelfContained() throws {
        for page in ["index.html", "2026-10/index.html"] {
            let path = "\(Self.site)/\(page)"
            // The analyst's notes may link to pages elsewhere; nothing else may.
            let html = try String(contentsOfFile: path, encoding: .utf8).replacing(/<div class="commentary">.*?<\/div>/.dotMatchesNewlines(), with: "")
            let references = html.matches(of: /(?:src|href)="([^"#]+)"/).map { String($0.output.1) }
            #expect(!references.isEmpty)
            for reference in references {
                #expect(!reference.contains("//"), "\(page) refers outside the site: \(reference)")
                let target = URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(reference).standardized.path
                #expect(FileManager.default.fileExists(atPath: target), "\(page) links to \(reference), which does not exist")
            }
        }
        let month = try String(contentsOfFile: "\(Self.site)/2026-10/index.html", encoding: .utf8)
        // Every chart has a text alternative and its numbers beside it.
        let images = month.matches(of: /<img [^>]*>/).map { String($0.output) }
        #expect(images.allSatisfy { $0.contains("alt=\"") && !$0.contains("alt=\"\"") })
        #expect(month.components(separatedBy: "<details>").count - 1 >= 10)
        #expect(month.contains("流失率"))
    }

    @Test func pdfHasEmbeddedFontsOutlineAndText() throws {
        let pdf = "\(Self.site)/2026-10/pack.pdf"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        let raw = String(decoding: bytes, as: UTF8.self)
        #expect(raw.contains("/Outlines"))
        #expect(raw.contains("/Title"))
        guard let info = CommandRunner.tool("pdfinfo", [pdf]), let fonts = CommandRunner.tool("pdffonts", [pdf]),
              let text = CommandRunner.tool("pdftotext", ["-layout", pdf, "-"]) else {
            Issue.record("poppler-utils (pdfinfo, pdffonts, pdftotext) are needed; `make test` installs them")
            return
        }
        let pages = Int(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }?.split(separator: " ").last ?? "") ?? 0
        #expect(pages >= 8)
        #expect(info.contains("2026年10月"))
        let fontRows = fonts.split(separator: "\n").dropFirst(2)
        #expect(!fontRows.isEmpty)
        #expect(fontRows.allSatisfy { $0.contains(" yes yes ") }, "a font is not embedded as a subset:\n\(fonts)")
        for phrase in ["客户增长月度报告", "本月概览", "流失率", "获客漏斗", "目标达成", "指标口径", "2 / \(pages)", "\(pages) / \(pages)"] {
            #expect(text.contains(phrase), "PDF text lacks \(phrase)")
        }
        // October's churn, 6.14 % (76 of 1,238) against a 6.10 % target: one decimal would print
        // both as 6.1 % beside "near", so the pair gets a second one.
        #expect(text.contains("6.14% / 6.10%"), "an actual and its target that differ must not print alike")
        // An open period is shown against what its months so far call for: Q4 is one month in, so ¥751万 ÷ 3.
        #expect(text.contains("按时间进度应达 ¥250万（全期目标 ¥751万"))
    }

    /// Tagged, with a nested outline, and text that comes out in reading order.
    @Test func pdfIsTaggedAndReadsInOrder() throws {
        let pdf = "\(Self.site)/2026-10/pack.pdf"
        guard let info = CommandRunner.tool("pdfinfo", [pdf]), let structure = CommandRunner.tool("pdfinfo", ["-struct", pdf]),
              let page2 = CommandRunner.tool("pdftotext", ["-f", "2", "-l", "2", pdf, "-"]) else {
            Issue.record("poppler-utils are needed; `make test` installs them")
            return
        }
        #expect(info.contains("Tagged:          yes"))
        #expect(structure.hasPrefix("Document\n"), "one Document element holds the structure")
        for element in ["H1", "H2", "P", "Figure", "Table", "TR", "TH", "TD", "L", "LI", "Caption"] {
            #expect(structure.contains(" \(element)"), "no \(element) element in the structure tree")
        }
        let raw = String(decoding: try Data(contentsOf: URL(fileURLWithPath: pdf)), as: UTF8.self)
        // cairo's part ends at the first %%EOF; the update after it repeats each figure with its /Alt.
        let cairo = raw.components(separatedBy: "%%EOF")[0]
        #expect(raw.components(separatedBy: "/Alt <FEFF").count - 1 == cairo.components(separatedBy: "/S /Figure").count - 1, "every figure has its alternative text")
        #expect(raw.contains("/Lang <FEFF"))
        #expect(raw.contains("/Parent"), "bookmarks nest: section → figure or table")
        // In content order every section heading comes in the pack's order, each chart's title before its numbers.
        if let raw = CommandRunner.tool("pdftotext", ["-raw", pdf, "-"])?.replacingOccurrences(of: "\u{0C}", with: "\n") {
            let headings = ["本月概览", "需要关注", "增长趋势", "获客漏斗", "留存与流失", "客户价值", "预测价值与流失风险", "销售效率", "满意度与服务", "目标达成", "数据质量", "指标口径"]
            let at = headings.compactMap { raw.range(of: "\n\($0)\n")?.lowerBound }
            #expect(at.count == headings.count && at == at.sorted(), "section headings out of order")
        }
        // Plain pdftotext orders text by its own layout analysis, not by content order: every
        // page still runs from its header to its footer, the KPIs come one by one, and two
        // charts side by side come left then right (their own labels are drawn as shapes).
        if let plain = CommandRunner.tool("pdftotext", [pdf, "-"]) {
            let pages = plain.components(separatedBy: "\u{0C}").dropLast()
            for (i, page) in pages.enumerated().dropFirst() {
                let lines = page.split(separator: "\n")
                #expect(lines.first == "示例科技 · 客户增长月度报告 · 2026年10月", "page \(i + 1) does not begin with its running header")
                #expect(lines.last?.hasSuffix(" · \(i + 1) / \(pages.count)") == true, "page \(i + 1) does not end with its footer")
            }
            let headings = ["本月概览", "需要关注", "增长趋势", "获客漏斗", "留存与流失", "客户价值", "预测价值与流失风险", "销售效率", "满意度与服务", "目标达成", "数据质量", "指标口径"]
            let at = headings.compactMap { plain.range(of: "\n\($0)\n")?.lowerBound }
            #expect(at.count == headings.count && at == at.sorted(), "section headings out of order in plain pdftotext")
            #expect(plain.contains("本月概览\n新增客户\n\n85\n\n±0.0% 较上月\n\n目标 79 ● 达成\n\n存续客户\n\n1,261\n"), "KPIs read one by one")
            #expect(plain.contains("增长趋势\n新增客户\n\n收入\n\n口径："), "side-by-side charts read left, then right, and nothing of theirs comes between")
            #expect(!plain.contains("25年10月"), "a chart's axis labels are drawn, not extracted")
            // On every page, each line that occurs once in both comes in the same order as in
            // content order (-raw), which is the tagged reading order; the running header and
            // footer, painted last, are left out of the comparison.
            if let raw = CommandRunner.tool("pdftotext", ["-raw", pdf, "-"]) {
                for (i, (rawPage, plainPage)) in zip(raw.components(separatedBy: "\u{0C}"), pages).enumerated() {
                    let plainLines = Array(plainPage.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.dropFirst(i > 0 ? 1 : 0).dropLast(i > 0 ? 1 : 0))
                    let rawLines = rawPage.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                    let once = { (lines: [String], line: String) in lines.lazy.filter { $0 == line }.count == 1 }
                    let anchors = rawLines.filter { $0.count >= 4 && once(rawLines, $0) && once(plainLines, $0) }
                    let positions = anchors.compactMap { plainLines.firstIndex(of: $0) }
                    let inversions = zip(positions, positions.dropFirst()).filter { $0 > $1 }.count
                    #expect(inversions == 0, "page \(i + 1): plain pdftotext reorders \(inversions) of \(anchors.count) lines")
                }
            }
        }
        // Page 2 reads: running header, the analyst's commentary, then the summary and its tiles.
        let order = ["示例科技", "分析师点评", "本月概览"].map { page2.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order.map { $0! } == order.map { $0! }.sorted(), "page 2 out of order:\n\(page2)")
        if let summary = order.last ?? nil { #expect(page2[summary...].contains("新增客户"), "the summary's tiles follow its heading") }
    }

    @Test func sameInputGivesByteIdenticalOutput() throws {
        let other = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: other) }
        let result = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", other])
        #expect(result.status == 0)
        let a = CommandRunner.contents(of: Self.site), b = CommandRunner.contents(of: other)
        #expect(a.keys.sorted() == b.keys.sorted())
        for (name, data) in a where name != "index.html" || b[name] != nil {
            #expect(b[name] == data, "\(name) differs between two builds")
        }
    }

    @Test func archiveListsEveryMonthBuiltAndMonthsLinkBothWays() throws {
        let site = TwoMonthSite.path
        let index = try String(contentsOfFile: "\(site)/index.html", encoding: .utf8)
        #expect(index.contains("2026-10/index.html"))
        #expect(index.contains("2026-09/index.html"))
        #expect(index.range(of: "2026-10/index.html")!.lowerBound < index.range(of: "2026-09/index.html")!.lowerBound)
        #expect(index.contains("较上月"), "each month's headline figures with their change")
        // The older month was built first; building the newer one relinked it.
        let september = try String(contentsOfFile: "\(site)/2026-09/index.html", encoding: .utf8)
        let october = try String(contentsOfFile: "\(site)/2026-10/index.html", encoding: .utf8)
        #expect(september.contains("rel=\"next\" href=\"../2026-10/index.html\""))
        #expect(october.contains("rel=\"prev\" href=\"../2026-09/index.html\""))
        #expect(!october.contains("rel=\"next\""))
    }

    @Test func emailCarriesSummaryAndPDF() throws {
        let mail = try MailParts(path: "\(Self.site).outbox/2026-10/pack.eml")
        #expect(mail.headers["Subject"] == "示例科技 · 客户增长月度报告 · 2026年10月")
        #expect(mail.headers["To"] == "ceo@example.com, 王总 <cfo@example.com>")
        #expect(mail.text.contains("流失率"))
        #expect(mail.attachments.first?["sha256"] as? String == DeliveryFixture.sha256("\(Self.site)/2026-10/pack.pdf"))
    }
}

@Suite struct SamplePredictionTests {
    @Test func sampleFitsAndListsCustomersAtRisk() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(SamplePackTests.site)/2026-10/metrics.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let bgnbd = try #require(root["bgnbd"] as? [String: Any])
        for key in ["r", "alpha", "a", "b", "loglik"] {
            let v = try #require(bgnbd[key] as? Double, "bgnbd.\(key)")
            #expect(v.isFinite)
        }
        let gg = try #require(root["gamma_gamma"] as? [String: Any])
        #expect((gg["q"] as? Double ?? 0) > 1)
        let atRisk = try #require(root["at_risk"] as? [[String: Any]])
        #expect(!atRisk.isEmpty && atRisk.count <= 20)
        let revenues = atRisk.compactMap { $0["revenue_12m"] as? Double }
        #expect(revenues == revenues.sorted(by: >))
        #expect(atRisk.allSatisfy { ($0["p_alive"] as? Double ?? 1) < 0.5 })
        let metrics = try #require(root["metrics"] as? [String: [String: Any]])
        #expect((metrics["predicted_clv_52w"]?["value"] as? Double ?? 0) > 0)
        let alive = try #require(metrics["expected_alive_customers"]?["value"] as? Double)
        #expect(alive > 0 && alive <= 2000)
    }
}
