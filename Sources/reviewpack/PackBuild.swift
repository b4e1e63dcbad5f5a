import Configuration
import Charts
import Foundation
import Metrics
import Pack
import Snapshot

/// One build of one month's pack: read → facts → metrics → document → outputs → publish.
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

    enum Failure: Error {
        case data(String), noInput(String), config(String), output(String)
        /// Stopped by a signal (its number), with nothing half-published.
        case stopped(String, Int32)
    }

    static var sourceDateEpoch: Int64? { ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int64($0) } }

    /// Reads the snapshot and computes the report month: the part `explain` shares with `build`.
    func computeReport() throws -> (Report, StageClock) {
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
        let report = MetricEngine().run(facts: facts, config: config.metrics, month: reportMonth, targets: snapshot.targets,
                                        quality: snapshot.quality, zone: config.timezone)
        clock.lap("metrics")
        clock.note("  of which metric families \(String(format: "%.2f", report.computeSeconds.families)) s of CPU, prediction fits \(String(format: "%.2f", report.computeSeconds.predictions)) s")
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

    /// Builds and publishes; returns the month built, the stage timings and the PDF's size.
    func run() throws -> (Month, StageClock, Int) {
        let templates: TemplateSet
        do { templates = try TemplateSet(folder: templatesFolder) } catch { throw Failure.config("\(error)") }
        var (report, clock) = try computeReport()
        let packOptions = PackOptions(company: config.company, language: config.language, currency: config.currency, sections: config.sections)
        let document = PackBuilder(report: report, options: packOptions).document()
        let publisher = SitePublisher(root: out, interruption: interruption)
        let links = MonthLinks(of: report.month.description, among: publisher.publishedMonths())
        let (html, pageFiles) = try PageHTML.render(document, templates: templates, links: links)
        clock.lap("html")
        let pdf = PackPDF.render(document, date: Self.sourceDateEpoch.map { Self.isoDate($0) })
        clock.lap("pdf")
        let json = MetricsJSON.document(report).serialized()
        let email = try EmailMessage.render(document, pdf: pdf, templates: templates, addressing: config.email)

        let files: [(String, [UInt8])] = [("index.html", Array(html.utf8)), ("pack.pdf", pdf), ("metrics.json", Array(json.utf8)),
                                          ("email.eml", Array(email.utf8))] + pageFiles
        do {
            try publisher.publish(folder: "assets", files: try assetFiles())
            try publisher.publish(folder: report.month.description, files: files)
            try MonthLinks.relinkNeighbours(of: report.month.description, publisher: publisher, templates: templates, language: config.language)
            let archive = try ArchiveIndex.render(publisher: publisher, company: config.company, language: config.language,
                                                  currency: config.currency, templates: templates)
            try publisher.publish(file: "index.html", contents: Array(archive.utf8))
        } catch let e as PackError {
            throw Failure.output(e.description)
        } catch let stop as Interruption.Stopped {
            throw Failure.stopped(SignalWatcher.message(stop.signal, out: out), stop.signal)
        }
        clock.lap("publish")
        return (report.month, clock, pdf.count)
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
