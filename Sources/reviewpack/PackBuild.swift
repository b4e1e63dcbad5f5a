import Configuration
import Charts
import Delivery
import Foundation
import Metrics
import Pack
import Snapshot
import Warehouse

/// One build of one month: read once → for each audience: facts of its rows → metrics →
/// document → site, PDF and message → publish; then the messages go to the outbox.
struct PackBuild {
    /// `--data`: a folder, a SQLite file or a PostgreSQL URL (``DataLocation``).
    var data: String
    var config: PackConfig
    var months: MonthSelection
    var out: String
    var strict: Bool
    var templatesFolder: String
    var assetsFolder: String
    /// Where a signal's stop reaches the publisher (`SignalWatcher`).
    var interruption = Interruption()
    /// `--notes FILE`, else `DATA/notes/YYYY-MM.md`.
    var notesFile: String?
    /// Where messages are written (outside the published site).
    var outbox = ""

    enum Failure: Error {
        case data(String), noInput(String), config(String), output(String)
        /// A database that is there but refused us (connection, authentication, permission).
        case unavailable(String)
        /// Stopped by a signal (its number), with nothing half-published.
        case stopped(String, Int32)
    }

    /// What one audience's build of one month produced, for the progress lines.
    struct Built {
        var month: Month
        var audience: Audience
        var page: String?
        var pdfBytes: Int
        var message: EmailMessage
    }

    static var sourceDateEpoch: Int64? { ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int64($0) } }

    /// What the source yielded and the report months: read once for every audience and month.
    struct Reading {
        var source: SourceReading
        var facts: Facts { source.facts }
        /// Oldest first; one unless the build is a backfill.
        var months: [Month]
    }

    func read() throws -> (Reading, StageClock) {
        var clock = StageClock()
        let source = try Self.read(data: data, config: config, strict: strict, forAudiences: true) { clock.lap($0) }
        FreedMemory.afterReading(customers: source.facts.customers.count)
        clock.lap("facts")
        try Self.checkColumns(source.customerColumns, config: config)
        Console.findings(source.quality, chinese: config.language == .zh)
        source.notes.forEach(Console.progress)
        let reportMonths: [Month]
        do { reportMonths = try months.months(dataDays: source.dataDays) } catch let problem as MonthSelection.Problem {
            throw Failure.data(problem.description)
        }
        return (Reading(source: source, months: reportMonths), clock)
    }

    /// Every report month's report for one audience's facts, each month computed once.
    func reports(_ facts: Facts, _ reading: Reading, targets: TargetTable?, quality: QualityLog, everyMonthSliced: Bool = false,
                 clock: inout StageClock) -> [Report] {
        let label = reading.months.count == 1 ? "metrics" : "metrics of \(reading.months.count) months"
        Console.status.begin(label)
        let reports = MetricEngine().run(facts: facts, config: config.metrics, months: reading.months, targets: targets, quality: quality,
                                         zone: config.timezone, everyMonthSliced: everyMonthSliced) { done, total in Console.status.advance(label, done: done, of: total) }
        clock.lap("metrics")
        let seconds = reports[0].computeSeconds
        clock.note("  of which metric families \(String(format: "%.2f", seconds.families)) s of CPU, prediction fits \(String(format: "%.2f", seconds.predictions)) s of CPU")
        return reports
    }

    /// The whole company's report of the last report month: the part `explain` shares with
    /// `build`. `everyMonthSliced`: each of the 13 months with its slices, not only the last.
    func computeReport(everyMonthSliced: Bool = false) throws -> (Report, StageClock) {
        var (reading, clock) = try read()
        reading.months = [reading.months.last!]
        let report = reports(reading.facts, reading, targets: reading.source.targets, quality: reading.source.quality,
                             everyMonthSliced: everyMonthSliced, clock: &clock)[0]
        return (report, clock)
    }

    /// Every column `dimensions` and `required_fields` name must be in customers.
    static func checkColumns(_ customerColumns: [String], config: PackConfig) throws {
        for (key, columns) in config.columnKeys {
            for (i, column) in columns.enumerated() where !customerColumns.contains(column) {
                throw Failure.config("\(config.file): \(key)[\(i)]: \"\(column)\" names no column of customers; its columns are \(customerColumns.joined(separator: ", "))")
            }
        }
    }

    /// How the snapshot is read as the configuration describes it.
    static func snapshotOptions(config: PackConfig, strict: Bool) throws -> SnapshotOptions {
        guard let zone = Zone(identifier: config.timezone) else { throw Failure.config("unknown time zone \(config.timezone)") }
        return SnapshotOptions(zone: zone, currencyDigits: config.metrics.currencyDigits, extraDimensions: config.extraDimensions,
                               asOf: sourceDateEpoch ?? Int64(Date().timeIntervalSince1970), strict: strict,
                               maxLeftOutShare: config.maxUnreadableShare, mapping: config.tables)
    }

    /// Reads the source `--data` names (a folder, a SQLite file or a PostgreSQL URL) to what the metric engine reads.
    /// `forAudiences`: every finding is kept with whose row it is, for packs of filtered audiences.
    static func read(data: String, config: PackConfig, strict: Bool, forAudiences: Bool = false, lap: (String) -> Void) throws -> SourceReading {
        var options = try snapshotOptions(config: config, strict: strict)
        options.keepsEveryFinding = forAudiences && config.audiences.contains { !$0.filter.isEmpty || $0.forEach != nil }
        let dimensions = config.metrics.dimensions
        let source: any FactSource
        switch DataLocation(data) {
        case .folder(let path): source = FolderSource(folder: path, options: options, dimensions: dimensions)
        case .sqlite(let path): source = SQLiteSource(path: path, options: options, dimensions: dimensions)
        case .postgres(let conninfo): source = PostgresSource(conninfo: conninfo, schema: config.schema, options: options, dimensions: dimensions)
        }
        return try failing(config) { try source.read(lap: lap) }
    }

    /// Runs a read, turning what the data's source reports into a ``Failure`` in the configured language.
    static func failing<T>(_ config: PackConfig, _ read: () throws -> T) throws -> T {
        do {
            return try read()
        } catch let e as DatabaseError {
            switch e.kind {
            case .notFound: throw Failure.noInput(e.message)
            case .unavailable: throw Failure.unavailable(e.message)
            case .query: throw Failure.data(e.message)
            }
        } catch let e as SnapshotError {
            let text = e.text(chinese: config.language == .zh)
            switch e.kind {
            case .notFound: throw Failure.noInput(text)
            default: throw Failure.data(text)
            }
        }
    }

    /// Builds every audience's pack of every report month, oldest month first (so each
    /// month links to the months published before it, as when built one by one), publishes
    /// those that are published, and writes each month's messages to the outbox.
    func run(holding lock: SiteLock) throws -> (StageClock, [Built]) {
        let templates: TemplateSet
        do { templates = try TemplateSet(folder: templatesFolder) } catch { throw Failure.config("\(error)") }
        Console.status.begin("reading")
        let (reading, readClock) = try read()
        var clock = readClock
        if let first = reading.months.first, let last = reading.months.last, first != last {
            // Said before the work starts: a stray early row (a 1970-01-01 default) shows here, not after hours.
            Console.progress("building \(reading.months.count) months, \(first) to \(last)")
        }
        let audiences = try Audience.resolve(config, customers: reading.facts.customers)
        let assets = try assetFiles()
        let months = reading.months
        let reports = everyReport(of: consume reading, audiences: audiences, clock: &clock)
        FreedMemory.afterMetrics()
        var built: [Built] = []
        do {
            // Packs are drawn a few at a time, one per core, and published one by one in order,
            // so each month links to the months published before it, as when built one by one.
            // An audience's folder is cleared of an earlier build's leftovers first: a month that
            // a cut-off build had retired comes back and is linked to.
            for audience in audiences where audience.publish && audience.folder != nil {
                SitePublisher(root: siteRoot(of: audience)).removeLeftovers(holding: lock)
            }
            let items = months.indices.flatMap { m in audiences.indices.map { a in (m: m, a: a) } }
            let publishedBefore = audiences.map { $0.publish ? SitePublisher(root: siteRoot(of: $0)).publishedMonths() : [] }
            let window = max(1, ProcessInfo.processInfo.activeProcessorCount)
            let monthNames = months.map(\.description)
            let headlines = ArchiveHeadlines()
            var packs: [Built] = []
            for start in stride(from: 0, to: items.count, by: window) {
                let group = Array(items[start..<min(start + window, items.count)])
                let rendered = ConcurrentSlots<Result<RenderedPack, Error>>(count: group.count)
                DispatchQueue.concurrentPerform(iterations: group.count) { i in
                    let (m, a) = group[i]
                    let published = publishedBefore[a] + monthNames[..<m]
                    rendered.set(i, Result { try render(reports[a].reports[m], audience: audiences[a], withheld: reports[a].withheld, templates: templates, published: published) })
                }
                clock.lap("packs")
                var next = 0
                do {
                    for (m, a) in group {
                        let pack = try rendered.get(next).get()
                        next += 1
                        // The assets go with an audience's first month: written once per build, not once per month.
                        packs.append(try publish(pack, assets: m == 0 ? assets : nil, templates: templates, headlines: headlines, clock: &clock))
                        Console.status.advance("packs", done: m * audiences.count + a + 1, of: items.count)
                        guard a == audiences.count - 1 else { continue }
                        try writeOutbox(month: monthNames[m], packs)
                        clock.lap("outbox")
                        built += packs
                        packs = []
                    }
                } catch {
                    // A pack that failed to draw or publish left nothing staged; those not yet
                    // published let go of their staged pages.
                    for later in group.indices.dropFirst(next) {
                        if case .success(let pack) = rendered.get(later) { discard(pack.site) }
                    }
                    throw error
                }
            }
            // Audiences that resolved to no one still replace each month's outbox index.
            if audiences.isEmpty { try monthNames.forEach { try writeOutbox(month: $0, []) } }
        } catch let e as PackError {
            throw Failure.output(e.description)
        } catch let stop as Interruption.Stopped {
            throw Failure.stopped(SignalWatcher.message(stop.signal, out: out), stop.signal)
        }
        Console.status.end()
        return (clock, built)
    }

    /// Every audience's reports of every report month, with the tables withheld from it. The
    /// reading is consumed, so it is let go once they are made: drawing the packs needs only
    /// the reports, and at a million customers the facts are half a gigabyte.
    private func everyReport(of reading: consuming Reading, audiences: [Audience], clock: inout StageClock) -> [(withheld: Set<String>, reports: [Report])] {
        let knownIds = audiences.contains { $0.scope != nil } ? Set(reading.facts.customerIds) : []
        return audiences.map { audience in
            let (facts, withheld) = audience.scope.map { reading.facts.restricted(to: $0) } ?? (reading.facts, [])
            var quality = reading.source.quality
            if let scope = audience.scope {
                let ids = Set(facts.customerIds)
                quality = quality.restricted { scope.owns($0, customerIds: ids, knownIds: knownIds) }
            }
            return (withheld, self.reports(facts, reading, targets: audience.targets(reading.source.targets), quality: quality, clock: &clock))
        }
    }

    /// A month's messages, one per audience, and the index `send` reads.
    private func writeOutbox(month: String, _ packs: [Built]) throws {
        try Outbox(root: outbox).write(month: month, messages: packs.map { b in
            (Outbox.Entry(name: b.audience.messageName, audience: b.audience.configId,
                          recipients: (b.audience.addressing.to + b.audience.addressing.cc).map(\.address)), b.message.bytes)
        })
    }

    /// One audience's month drawn and composed, nothing of it published yet.
    struct RenderedPack: Sendable {
        var month: Month
        var audience: Audience
        var pdf: [UInt8]
        /// The month's page, charts, tables and metrics.json staged in the audience's site,
        /// when it is published: publishing adds the PDF.
        var site: StagedFolder?
        var message: EmailMessage
    }

    /// Lets go of the page a pack that will not be published staged.
    private func discard(_ site: StagedFolder?) {
        if let site { SitePublisher(root: site.root, interruption: interruption).discard(site) }
    }

    /// The site root of an audience: `OUT`, or `OUT/<audience>`.
    func siteRoot(of audience: Audience) -> String {
        audience.folder.map { (out as NSString).appendingPathComponent($0) } ?? out
    }

    /// One audience's pack of one month: document, PDF, page (when published) and message.
    /// `published`: the months its site holds by the time this one is published, for the
    /// page's links to its neighbours. The PDF, the page and the message's draft are drawn
    /// side by side, each with its own cairo and pango contexts; the page is staged while
    /// the PDF, the longest of the three, is still being drawn.
    private func render(_ report: Report, audience: Audience, withheld: Set<String>, templates: TemplateSet, published: [String]) throws -> RenderedPack {
        var options = PackOptions(company: config.company, language: config.language, currency: config.currency, sections: audience.sections)
        options.audience = audience.label
        options.withheldTables = withheld
        options.commentary = try commentary(for: audience, month: report.month)
        let document = PackBuilder(report: report, options: options).document()
        let folder = audience.folder.map { ($0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0) + "/" } ?? ""
        let pageURL = audience.publish ? config.site.url.map { $0 + folder + "\(report.month)/" } : nil
        let pdf = ConcurrentSlots<[UInt8]>(count: 1), site = ConcurrentSlots<Result<StagedFolder?, Error>>(count: 1)
        let draft = ConcurrentSlots<Result<EmailMessage.Draft, Error>>(count: 1)
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            switch i {
            case 0: pdf.set(0, PackPDF.render(document, date: Self.sourceDateEpoch.map { Self.isoDate($0) }))
            case 1:
                site.set(0, Result {
                    guard audience.publish else { return nil }
                    let page = try SiteMonth(document, report: report, root: siteRoot(of: audience), published: published,
                                             templates: templates, personalData: config.site.personalData)
                    return try SitePublisher(root: page.root, interruption: interruption).stage(folder: page.month, files: page.files)
                })
            default: draft.set(0, Result { try EmailMessage.Draft(document, templates: templates, pageURL: pageURL) })
            }
        }
        let page = try site.get(0).get()
        do {
            let message = EmailMessage.compose(try draft.get(0).get(), pdf: pdf.get(0), addressing: audience.addressing, date: messageDate(report.month))
            return RenderedPack(month: report.month, audience: audience, pdf: pdf.get(0), site: page, message: message)
        } catch {
            discard(page)
            throw error
        }
    }

    /// Publishes a drawn pack when its audience's site is published: the `assets` when given,
    /// the month's page, charts, PDF and metrics.json, and the archive index, whose other
    /// months' figures `headlines` keeps from the build's earlier pages.
    private func publish(_ pack: RenderedPack, assets: [(String, [UInt8])]?, templates: TemplateSet, headlines: ArchiveHeadlines,
                         clock: inout StageClock) throws -> Built {
        let page = try pack.site.map { staged in
            let publisher = SitePublisher(root: staged.root, interruption: interruption)
            let month = staged.name
            if let assets {
                do { try publisher.publish(folder: "assets", files: assets) } catch {
                    publisher.discard(staged)
                    throw error
                }
            }
            try publisher.publish(staged, adding: [("pack.pdf", pack.pdf)])
            headlines.forget(month: month, in: staged.root)
            try MonthLinks.relinkNeighbours(of: month, publisher: publisher, templates: templates, language: config.language)
            let archive = try ArchiveIndex.render(publisher: publisher, company: config.company, language: config.language,
                                                  currency: config.currency, templates: templates, headlines: headlines)
            try publisher.publish(file: "index.html", contents: Array(archive.utf8))
            return (staged.root as NSString).appendingPathComponent("\(month)/index.html")
        }
        clock.lap("publish")
        return Built(month: pack.month, audience: pack.audience, page: page, pdfBytes: pack.pdf.count, message: pack.message)
    }

    /// The message's Date: SOURCE_DATE_EPOCH when set, else midnight starting the month
    /// after the report month in the configured zone, never the wall clock.
    func messageDate(_ month: Month) -> MessageDate {
        let zone = Zone(identifier: config.timezone)!
        let instant = Self.sourceDateEpoch ?? zone.startOf(day: (month + 1).firstDay)
        return MessageDate(instant: instant, offset: zone.offset(at: instant))
    }

    func assetFiles() throws -> [(String, [UInt8])] {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: assetsFolder) else { throw Failure.config("\(assetsFolder): assets folder not found") }
        return names.sorted().compactMap { name in
            fm.contents(atPath: (assetsFolder as NSString).appendingPathComponent(name)).map { (name, [UInt8]($0)) }
        }
    }

    static func isoDate(_ epoch: Int64) -> String {
        let day = CivilDate(dayNumber: Int(epoch >= 0 ? epoch / 86_400 : (epoch - 86_399) / 86_400))
        let seconds = Int(((epoch % 86_400) + 86_400) % 86_400)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(day)T\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }
}
