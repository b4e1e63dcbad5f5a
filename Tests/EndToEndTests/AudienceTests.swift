import Foundation
import Testing

/// Packs per region and per sales rep, built in one run from the sample: each holds its
/// own customers and nothing of anyone else's, in every file it writes.
@Suite(.serialized) struct AudienceTests {
    struct Customer { let id, name, region, industry, owner, signup: String }

    static let customers: [Customer] = {
        let text = (try? String(contentsOfFile: CommandRunner.sampleData + "/customers.csv", encoding: .utf8)) ?? ""
        return CSVRows.parse(text).dropFirst().compactMap { f in
            f.count >= 8 ? Customer(id: f[0], name: f[1], region: f[4], industry: f[5], owner: f[7], signup: f[2]) : nil
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
            #expect(page.contains("线索表（leads）的行无法归入这一范围"), "\(region)")
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(site)/region-\(region)/2026-10/metrics.json"))) as? [String: Any]
            #expect((json?["metrics"] as? [String: Any])?["new_leads"] == nil)
        }
    }

    /// A leads export that says each lead's region (here `区域`, mapped) puts the lead in
    /// its region's pack: the funnel is there, counted from those leads alone, and a
    /// duplicated lead is a finding of its region only. A customer listed again in another
    /// region is a finding of its own region's pack, not of the other's.
    @Test func aRegionsPackHasTheLeadsTheExportPlacesInIt() throws {
        let folder = CommandRunner.temporaryFolder(), data = folder + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        for file in ["orders", "activities", "spend", "traffic", "surveys", "tickets", "targets"] {
            try FileManager.default.copyItem(atPath: "\(CommandRunner.sampleData)/\(file).csv", toPath: "\(data)/\(file).csv")
        }
        let regions = Set(Self.customers.map(\.region)).subtracting([""]).sorted()
        // The first customer once more, in another region: the second row is a finding of the first row's region only.
        let first = Self.customers[0], elsewhere = regions.first { $0 != first.region }!
        let customerLines = try String(contentsOfFile: CommandRunner.sampleData + "/customers.csv", encoding: .utf8).split(separator: "\n")
        let moved = customerLines[1].replacingOccurrences(of: ",\(first.region),", with: ",\(elsewhere),")
        try ((customerLines.map(String.init) + [moved]).joined(separator: "\n") + "\n").write(toFile: data + "/customers.csv", atomically: true, encoding: .utf8)
        let lines = try String(contentsOfFile: CommandRunner.sampleData + "/leads.csv", encoding: .utf8).split(separator: "\n").map(String.init)
        // Lead k (from 0) is in regions[k % 7]; every 11th says no region. Lead 99 is written twice.
        func region(_ k: Int) -> String { k % 11 == 10 ? "" : regions[k % regions.count] }
        var written = [lines[0] + ",区域"] + lines.dropFirst().enumerated().map { k, line in line + "," + region(k) }
        written.append(written[100])
        try (written.joined(separator: "\n") + "\n").write(toFile: data + "/leads.csv", atomically: true, encoding: .utf8)
        let config = try DeliveryFixture.config("""
            tables:
              leads: {columns: {region: 区域}}
            email: {from: reports@example.com}
            audiences:
              - {id: region, for_each: region, sections: [summary, funnel, sales, quality]}
            """, in: folder)
        let result = try CommandRunner.run(["build", "--data", data, "--config", config, "--out", folder + "/site"])
        try #require(result.status == 0, "\(result.stderr)")

        let leads = CSVRows.parse(lines.joined(separator: "\n")).dropFirst()
        for (r, name) in regions.enumerated() {
            let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: "\(folder)/site/region-\(name)/2026-10/metrics.json"))) as? [String: Any]
            let metrics = json?["metrics"] as? [String: [String: Any]]
            let own = leads.enumerated().filter { region($0.offset) == name }
            #expect(metrics?["new_leads"]?["value"] as? Int == own.filter { $0.element[1].hasPrefix("2026-10") }.count, "\(name)")
            #expect(metrics?["won_deals"] != nil, "\(name)")
            let (counts, examples) = try findings(folder + "/site", "region-\(name)")
            if r == 99 % regions.count {
                #expect(counts["duplicate_key leads lead_id"] == 1)
                #expect(examples["duplicate_key leads lead_id"] == [leads.count + 1])
            } else {
                #expect(counts["duplicate_key leads lead_id"] == nil, "\(name)")
            }
            #expect(counts["duplicate_key customers customer_id"] == (name == first.region ? 1 : nil), "\(name)")
            let page = try String(contentsOfFile: "\(folder)/site/region-\(name)/2026-10/index.html", encoding: .utf8)
            #expect(!page.contains("线索表（leads）的行无法归入这一范围"), "\(name)")
            // Spend and traffic are told apart by channel only: no visits stage and no cost column, and the funnel says why.
            #expect(page.contains("流量表（traffic）、营销费用表（spend）的行只按渠道区分") && !page.contains("单个成交成本"), "\(name)")
        }
    }

    /// The findings (kind, table, column) → count, and the rows of the examples, of one pack's metrics.json.
    func findings(_ site: String, _ folder: String) throws -> (counts: [String: Int], examples: [String: [Int]]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: "\(site)/\(folder)/2026-10/metrics.json"))
        let quality = try #require((try JSONSerialization.jsonObject(with: data) as? [String: Any])?["quality"] as? [String: Any])
        var counts: [String: Int] = [:], examples: [String: [Int]] = [:]
        for tally in quality["findings"] as? [[String: Any]] ?? [] {
            let key = "\(tally["kind"]!) \(tally["table"]!) \(tally["column"] as? String ?? "-")"
            counts[key] = tally["count"] as? Int
            examples[key] = (tally["examples"] as? [[String: Any]] ?? []).compactMap { $0["row"] as? Int }
        }
        #expect(quality["total"] as? Int == counts.values.reduce(0, +), "\(folder)")
        return (counts, examples)
    }

    /// An audience's data-quality section holds the findings of its own rows, counted from
    /// the sample's files here: its customers' empty industry, region and owner, the
    /// duplicated order of one of its customers; an order of an unknown customer is nobody's.
    @Test func eachPacksFindingsAreThoseOfItsOwnRows() throws {
        let (site, _, _, _) = try Self.built.get()
        let orders = CSVRows.parse(try String(contentsOfFile: CommandRunner.sampleData + "/orders.csv", encoding: .utf8)).dropFirst()
        // The sample's one duplicated order id: the second row is the finding (rows count from 1 after the header).
        var seen = Set<String>(), duplicate: (row: Int, customer: String)?
        for (i, order) in orders.enumerated() where !seen.insert(order[0]).inserted { duplicate = (i + 1, order[1]) }
        let twice = try #require(duplicate)
        let duplicateOwner = try #require(Self.customers.first { $0.id == twice.customer }).owner

        for rep in Set(Self.customers.map(\.owner)).subtracting([""]).sorted() {
            let own = Self.customers.enumerated().filter { $0.element.owner == rep }
            let (counts, examples) = try findings(site, "rep-\(rep)")
            let noIndustry = own.filter { $0.element.industry.isEmpty }
            #expect(counts["missing_optional_value customers industry"] == (noIndustry.isEmpty ? nil : noIndustry.count), "\(rep)")
            #expect(examples["missing_optional_value customers industry"] ?? [] == Array(noIndustry.prefix(5).map { $0.offset + 1 }), "\(rep)")
            let noRegion = own.filter { $0.element.region.isEmpty }.count
            #expect(counts["missing_optional_value customers region"] == (noRegion == 0 ? nil : noRegion), "\(rep)")
            #expect(counts["missing_optional_value customers owner"] == nil, "\(rep)")
            #expect(counts["unknown_customer orders customer_id"] == nil, "\(rep)")
            if rep == duplicateOwner {
                #expect(counts["duplicate_key orders order_id"] == 1)
                #expect(examples["duplicate_key orders order_id"] == [twice.row])
            } else {
                #expect(counts["duplicate_key orders order_id"] == nil, "\(rep)")
            }
        }
        for region in Set(Self.customers.map(\.region)).subtracting([""]).sorted() {
            let own = Self.customers.filter { $0.region == region }
            let (counts, _) = try findings(site, "region-\(region)")
            let noOwner = own.filter { $0.owner.isEmpty }.count
            #expect(counts["missing_optional_value customers owner"] == (noOwner == 0 ? nil : noOwner), "\(region)")
            #expect(counts["missing_optional_value customers region"] == nil, "\(region)")
        }
        let page = try String(contentsOfFile: "\(site)/rep-\(duplicateOwner)/2026-10/index.html", encoding: .utf8)
        #expect(page.contains("数据质量：本报告的行中有 "), "the exceptions say the findings are the pack's own")
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
