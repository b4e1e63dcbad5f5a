import Configuration
import Charts
import Delivery
import Foundation
import Metrics
import Pack
import Snapshot

/// One build of one month: read once → for each audience: facts of its rows → metrics →
/// document → site, PDF and message → publish; then the messages go to the outbox.
struct PackBuild {
    var dataFolder: String
    var config: PackConfig
    var month: String?
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
        /// Stopped by a signal (its number), with nothing half-published.
        case stopped(String, Int32)
    }

    /// What one audience's build produced, for the progress lines.
    struct Built {
        var audience: Audience
        var page: String?
        var pdfBytes: Int
        var message: EmailMessage
    }

    static var sourceDateEpoch: Int64? { ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int64($0) } }

    /// The snapshot, its facts and the report month: read once for every audience.
    struct Reading {
        var snapshot: Snapshot
        var facts: Facts
        var month: Month
    }

    func read() throws -> (Reading, StageClock) {
        var clock = StageClock()
        guard let zone = Zone(identifier: config.timezone) else { throw Failure.config("unknown time zone \(config.timezone)") }
        let options = SnapshotOptions(zone: zone, currencyDigits: config.metrics.currencyDigits, extraDimensions: config.extraDimensions,
                                      asOf: Self.sourceDateEpoch ?? Int64(Date().timeIntervalSince1970), strict: strict,
                                      maxLeftOutShare: config.maxUnreadableShare)
        let snapshot: Snapshot
        do {
            snapshot = try CSVSnapshotReader.read(folder: dataFolder, options: options)
        } catch let e as SnapshotError {
            switch e.kind {
            case .notFound: throw Failure.noInput(e.description)
            default: throw Failure.data(e.description)
            }
        }
        clock.lap("read")
        try checkColumns(snapshot.customers)
        Console.findings(snapshot.quality)
        let facts = Facts(snapshot: snapshot, dimensions: config.metrics.dimensions)
        clock.lap("facts")
        let reportMonth: Month
        if let month {
            guard let m = Month(month) else { throw Failure.config("--month must be YYYY-MM, found \(month)") }
            reportMonth = m
        } else {
            guard let last = facts.lastDataDay else { throw Failure.data("the snapshot holds no dated rows; give --month") }
            let m = Month(containing: last)
            reportMonth = last == m.lastDay ? m : m - 1
        }
        return (Reading(snapshot: snapshot, facts: facts, month: reportMonth), clock)
    }

    func report(_ facts: Facts, _ reading: Reading, targets: TargetTable?, quality: QualityLog, clock: inout StageClock) -> Report {
        let report = MetricEngine().run(facts: facts, config: config.metrics, month: reading.month, targets: targets,
                                        quality: quality, zone: config.timezone)
        clock.lap("metrics")
        clock.note("  of which metric families \(String(format: "%.2f", report.computeSeconds.families)) s of CPU, prediction fits \(String(format: "%.2f", report.computeSeconds.predictions)) s")
        return report
    }

    /// The whole company's report: the part `explain` shares with `build`.
    func computeReport() throws -> (Report, StageClock) {
        var (reading, clock) = try read()
        let report = report(reading.facts, reading, targets: reading.snapshot.targets, quality: reading.snapshot.quality, clock: &clock)
        return (report, clock)
    }

    /// Every column `dimensions` and `required_fields` name must be in customers.csv.
    func checkColumns(_ customers: CustomerTable) throws {
        for (key, columns) in config.columnKeys {
            for (i, column) in columns.enumerated() where !customers.columns.contains(column) {
                throw Failure.config("\(config.file): \(key)[\(i)]: \"\(column)\" names no column of customers.csv; its columns are \(customers.columns.joined(separator: ", "))")
            }
        }
    }

    /// Builds every audience's pack, publishes those that are published, and writes the
    /// messages to the outbox; returns the month, the timings and what was built.
    func run(holding lock: SiteLock) throws -> (Month, StageClock, [Built]) {
        let templates: TemplateSet
        do { templates = try TemplateSet(folder: templatesFolder) } catch { throw Failure.config("\(error)") }
        var (reading, clock) = try read()
        let audiences = try Audience.resolve(config, customers: reading.facts.customers)
        let assets = try assetFiles()
        let date = messageDate(reading.month)
        var built: [Built] = []
        do {
            for audience in audiences {
                let (facts, withheld) = audience.scope.map { reading.facts.restricted(to: $0) } ?? (reading.facts, [])
                let quality = audience.scope == nil ? reading.snapshot.quality : reading.snapshot.quality.countsOnly
                let report = report(facts, reading, targets: audience.targets(reading.snapshot.targets), quality: quality, clock: &clock)
                var options = PackOptions(company: config.company, language: config.language, currency: config.currency, sections: audience.sections)
                options.audience = audience.label
                options.withheldTables = withheld
                options.commentary = try commentary(for: audience, month: reading.month)
                let document = PackBuilder(report: report, options: options).document()
                let pdf = PackPDF.render(document, date: Self.sourceDateEpoch.map { Self.isoDate($0) })
                clock.lap("pdf")
                var page: String?
                if audience.publish {
                    page = try publish(document, report: report, pdf: pdf, audience: audience, templates: templates, assets: assets, lock: lock, clock: &clock)
                }
                let folder = audience.folder.map { ($0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? $0) + "/" } ?? ""
                let pageURL = audience.publish ? config.site.url.map { $0 + folder + "\(reading.month)/" } : nil
                let message = try EmailMessage.compose(document, pdf: pdf, templates: templates, addressing: audience.addressing,
                                                       date: date, pageURL: pageURL)
                clock.lap("email")
                built.append(Built(audience: audience, page: page, pdfBytes: pdf.count, message: message))
            }
            try Outbox(root: outbox).write(month: reading.month.description, messages: built.map { b in
                (Outbox.Entry(name: b.audience.messageName, audience: b.audience.configId,
                              recipients: (b.audience.addressing.to + b.audience.addressing.cc).map(\.address)), b.message.bytes)
            })
            clock.lap("outbox")
        } catch let e as PackError {
            throw Failure.output(e.description)
        } catch let stop as Interruption.Stopped {
            throw Failure.stopped(SignalWatcher.message(stop.signal, out: out), stop.signal)
        }
        return (reading.month, clock, built)
    }

    /// Publishes one audience's month (site page, charts, PDF, metrics.json) and its archive index.
    private func publish(_ document: PackDocument, report: Report, pdf: [UInt8], audience: Audience, templates: TemplateSet,
                         assets: [(String, [UInt8])], lock: SiteLock, clock: inout StageClock) throws -> String {
        let personal = config.site.personalData
        let root = audience.folder.map { (out as NSString).appendingPathComponent($0) } ?? out
        let publisher = SitePublisher(root: root, interruption: interruption)
        if audience.folder != nil { publisher.removeLeftovers(holding: lock) }
        let links = MonthLinks(of: report.month.description, among: publisher.publishedMonths())
        let (html, pageFiles) = try PageHTML.render(document, templates: templates, links: links, personalData: personal)
        let json = MetricsJSON.document(report, personalData: personal).serialized()
        let files: [(String, [UInt8])] = [("index.html", Array(html.utf8)), ("pack.pdf", pdf), ("metrics.json", Array(json.utf8))] + pageFiles
        clock.lap("html")
        try publisher.publish(folder: "assets", files: assets)
        try publisher.publish(folder: report.month.description, files: files)
        try MonthLinks.relinkNeighbours(of: report.month.description, publisher: publisher, templates: templates, language: config.language)
        let archive = try ArchiveIndex.render(publisher: publisher, company: config.company, language: config.language,
                                              currency: config.currency, templates: templates)
        try publisher.publish(file: "index.html", contents: Array(archive.utf8))
        clock.lap("publish")
        return (root as NSString).appendingPathComponent("\(report.month)/index.html")
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
