import Foundation
import Testing

/// Packs per region and per sales rep, built in one run from the sample: each holds its
/// own customers and nothing of anyone else's, in every file it writes.
@Suite(.serialized) struct AudienceTests {
    struct Customer { let id, name, region, owner, signup: String }

    static let customers: [Customer] = {
        let text = (try? String(contentsOfFile: CommandRunner.sampleData + "/customers.csv", encoding: .utf8)) ?? ""
        return CSVRows.parse(text).dropFirst().compactMap { f in
            f.count >= 8 ? Customer(id: f[0], name: f[1], region: f[4], owner: f[7], signup: f[2]) : nil
        }
    }()

    static let config = """
        email:
          from: 示例科技经营分析 <reports@example.com>
        owners:
          张伟: 张伟 <zhang.wei@example.com>
          王芳: wang.fang@example.com
        audiences:
          - {id: region, for_each: region, sections: [summary, exceptions, growth, funnel, retention, value, prediction, sales, service]}
          - {id: rep, for_each: owner, sections: [summary, exceptions, growth, retention, value, prediction, sales, service, targets]}
        """

    /// (site, outbox, stderr, seconds) of the one build of every audience.
    static let built: Result<(site: String, outbox: String, stderr: String, seconds: Double), MailServer.Failure> = {
        let folder = CommandRunner.temporaryFolder()
        do {
            let config = try DeliveryFixture.config(Self.config, in: folder)
            let start = Date()
            let result = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--config", config, "--out", folder + "/site"])
            guard result.status == 0 else { return .failure(MailServer.Failure("build failed: \(result.stderr)")) }
            return .success((folder + "/site", folder + "/site.outbox", result.stderr, Date().timeIntervalSince(start)))
        } catch {
            return .failure(MailServer.Failure("\(error)"))
        }
    }()

    /// Every text an audience's outputs hold: site files as written, the PDF's text, and
    /// the message's decoded text and HTML parts (its PDF is pack.pdf, checked by hash).
    func corpus(_ folder: String, message: String, site: String) throws -> [(String, String)] {
        var texts: [(String, String)] = []
        for (path, data) in CommandRunner.contents(of: site + "/" + folder) where !path.hasSuffix(".pdf") && !path.hasPrefix("assets/") {
            texts.append((path, String(decoding: data, as: UTF8.self)))
        }
        let pdf = site + "/" + folder + "/2026-10/pack.pdf"
        let pdfText = try #require(CommandRunner.tool("pdftotext", [pdf, "-"]), "pdftotext is missing (make test installs poppler-utils)")
        texts.append(("pack.pdf", pdfText))
        let mail = try MailParts(path: message)
        texts += [("message text", mail.text), ("message html", mail.html)]
        #expect(mail.attachments.first?["sha256"] as? String == DeliveryFixture.sha256(pdf))
        return texts
    }

    /// Fails when any text holds any of `others`' ids or names; returns whether any of `own` appear.
    /// A name that is also an own customer's or a sales rep's (people share names) is no evidence and is not searched.
    func check(_ texts: [(String, String)], others: [Customer], own: [Customer], audience: String) -> Bool {
        let shared = Set(own.map(\.name) + Self.customers.map(\.owner))
        let leaks = LeakFinder(others.flatMap { c in
            [(c.id, "\(c.id) \(c.name) (\(c.region), \(c.owner))")] + (shared.contains(c.name) ? [] : [(c.name, "\(c.id) \(c.name) (\(c.region), \(c.owner))")])
        })
        for (file, text) in texts {
            if let leak = leaks.first(in: text) {
                Issue.record("\(audience): \(file) holds \(leak)")
                return false
            }
        }
        let mine = LeakFinder(own.map { ($0.id, $0.id) })
        return texts.contains { mine.first(in: $0.1) != nil }
    }

    @Test func eachRepsPackHoldsNothingOfAnotherRepsCustomers() throws {
        let (site, outbox, _, _) = try Self.built.get()
        let reps = Set(Self.customers.map(\.owner)).subtracting([""]).sorted()
        #expect(reps.count == 12)
        var ownSeen = 0
        for rep in reps {
            let texts = try corpus("rep-\(rep)", message: "\(outbox)/2026-10/rep-\(rep).eml", site: site)
            let own = Self.customers.filter { $0.owner == rep }
            if check(texts, others: Self.customers.filter { $0.owner != rep }, own: own, audience: rep) { ownSeen += 1 }
            // Its numbers are its own: new customers of the month from its rows alone.
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(site)/rep-\(rep)/2026-10/metrics.json"))) as? [String: Any]
            let metrics = json?["metrics"] as? [String: [String: Any]]
            let newThisMonth = own.filter { $0.signup.hasPrefix("2026-10") }.count
            #expect(metrics?["new_customers"]?["value"] as? Int == newThisMonth, "\(rep)")
            // A rep's leads are the rep's own: the sales section is there.
            #expect(metrics?["new_leads"] != nil, "\(rep) has no lead metrics")
        }
        // The search is real: most reps' packs name some of their own customers (the at-risk list).
        #expect(ownSeen >= 6, "only \(ownSeen) rep packs name their own customers")
    }

    @Test func eachRegionsPackHoldsNothingOfAnotherRegionsCustomers() throws {
        let (site, outbox, _, _) = try Self.built.get()
        let regions = Set(Self.customers.map(\.region)).subtracting([""]).sorted()
        #expect(regions.count == 7)
        for region in regions {
            let texts = try corpus("region-\(region)", message: "\(outbox)/2026-10/region-\(region).eml", site: site)
            _ = check(texts, others: Self.customers.filter { $0.region != region }, own: Self.customers.filter { $0.region == region }, audience: region)
            // Leads carry no region: the region's pack says so rather than counting only the leads that became customers.
            let page = try String(contentsOfFile: "\(site)/region-\(region)/2026-10/index.html", encoding: .utf8)
            #expect(page.contains("leads 表的行无法归入这一范围"), "\(region)")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(site)/region-\(region)/2026-10/metrics.json"))) as? [String: Any]
            #expect((json?["metrics"] as? [String: Any])?["new_leads"] == nil)
        }
    }

    @Test func repsGetTheirOwnMessageAndTheSiteHoldsNoAddresses() throws {
        let (site, outbox, stderr, seconds) = try Self.built.get()
        let mail = try MailParts(path: "\(outbox)/2026-10/rep-张伟.eml")
        #expect(mail.headers["To"] == "张伟 <zhang.wei@example.com>")
        #expect(mail.headers["Subject"] == "示例科技 · 张伟 · 客户增长月度报告 · 2026年10月")
        let index = try String(contentsOfFile: "\(outbox)/2026-10/index.tsv", encoding: .utf8)
        #expect(index.contains("rep-王芳\trep\twang.fang@example.com\n"))
        for (path, data) in CommandRunner.contents(of: site) where !path.hasSuffix(".pdf") {
            let text = String(decoding: data, as: UTF8.self)
            #expect(text.range(of: #"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z.]+"#, options: .regularExpression) == nil, "an address in \(path)")
        }
        #expect(stderr.contains("built 19 packs for 2026-10"), "\(stderr)")
        print("built 19 audiences (7 regions, 12 reps) in \(String(format: "%.1f", seconds)) s (debug build)")
    }
}
