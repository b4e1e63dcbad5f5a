import ArgumentParser
import Delivery
import Foundation
import Metrics
import Pack

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the review pack of one month, or of a range of months, into the site folder.",
        discussion: """
        --from 2025-01 --to 2026-10 (or --all: every complete month in the data) reads the snapshot once, computes each month once \
        and publishes every month's pack, oldest first, and the archive: the same files as building the months one by one. \
        Builds that take longer than a second show what they are doing on stderr (a bar on a terminal, a line per stage otherwise).

        Exit codes: 0 built; 64 bad arguments; 65 the snapshot cannot be read (or a finding with --strict); \
        66 an input is missing; 73 the output cannot be written (the message names the path and the reason, \
        e.g. no space left on device); 75 another build into the same --out held it for longer than --lock-timeout; \
        78 pack.yaml is wrong; 129, 130, 143 stopped by SIGHUP, SIGINT, SIGTERM (128 + the signal's number); \
        with --send also 69 and 75 for a failed delivery (see `reviewpack send --help`). \
        Builds into one --out take turns through the lock file OUT/.reviewpack.lock, held for the whole build. \
        A failed, stopped or killed build never leaves a half-published pack: each folder is the last good one or the complete new one.
        """
    )

    @OptionGroup var snapshot: SnapshotArguments
    @Option(help: "Site folder to publish into.") var out = "site"
    @Option(help: "Templates folder (default: the Templates folder that ships with ReviewPack).") var templates: String?
    @Option(help: "Assets folder (default: the Assets folder that ships with ReviewPack).") var assets: String?
    @Option(help: "Seconds to wait for another build into the same --out to finish (0: give up at once).") var lockTimeout: Double = 600
    @Flag(help: "Print time and peak memory per stage, one line each.") var timings = false
    @Option(help: "The analyst's notes in Markdown (default: DATA/notes/YYYY-MM.md when it exists).") var notes: String?
    @OptionGroup var outboxArguments: OutboxArguments
    @Flag(help: "Send the month's messages once built (as `reviewpack send`).") var send = false
    @Option(help: "First month of a backfill, YYYY-MM (to --to, else to the last complete month in the data).") var from: String?
    @Option(help: "Last month of a backfill, YYYY-MM (with --from).") var to: String?
    @Flag(help: "Build every complete month in the data, from the month of its first row.") var all = false
    @Flag(help: "Print only warnings and errors.") var quiet = false

    /// The months to build, from --month, --from, --to and --all.
    var selection: MonthSelection {
        MonthSelection(month: snapshot.month.flatMap(Month.init), from: from.flatMap(Month.init), to: to.flatMap(Month.init), all: all)
    }

    func validate() throws {
        try SnapshotArguments.checkMonth("--from", from)
        try SnapshotArguments.checkMonth("--to", to)
        if to != nil, from == nil { throw ValidationError("--to needs --from") }
        if all, from != nil { throw ValidationError("--all builds every month; give either --all or --from") }
        if snapshot.month != nil, from != nil || all { throw ValidationError("--month builds one month; give either --month or --from/--all") }
        if send, from != nil || all { throw ValidationError("--send sends one month's messages; build the range, then `reviewpack send --month YYYY-MM` for a month to send") }
        guard lockTimeout >= 0, lockTimeout.isFinite else { throw ValidationError("--lock-timeout must be a number of seconds ≥ 0") }
    }

    func run() throws {
        if quiet { Console.status.silence() }
        let interruption = Interruption()
        SignalWatcher.start(interruption, out: out)
        let config = try snapshot.loadConfig()
        guard let templatesFolder = ResourceLocator.folder("Templates", explicit: templates),
              let assetsFolder = ResourceLocator.folder("Assets", explicit: assets) else {
            throw fail("cannot find the Templates and Assets folders; give --templates and --assets, or set REVIEWPACK_HOME", .configError)
        }
        let lock = try lockSite()
        SitePublisher(root: out).removeLeftovers(holding: lock)
        let outbox = outboxArguments.resolve(out: out, config: config)
        let build = PackBuild(data: snapshot.data, config: config, months: selection, out: out, strict: snapshot.strict,
                              templatesFolder: templatesFolder, assetsFolder: assetsFolder, interruption: interruption,
                              notesFile: notes, outbox: outbox.root)
        let months: [Month]
        do {
            let (clock, packs) = try build.run(holding: lock)
            months = Array(Set(packs.map(\.month))).sorted()
            for pack in packs { report(pack, outbox: outbox) }
            if packs.count > 1 {
                Console.progress("built \(packs.count) packs" + (months.count > 1 ? " for \(months.count) months, \(months[0]) to \(months.last!)" : " for \(months[0])"))
            }
            Console.progress(timings ? clock.table : clock.summary)
        } catch let failure as PackBuild.Failure {
            throw failure.exit
        }
        withExtendedLifetime(lock) {}
        if send, let month = months.last { try MessageSending(config: config, outbox: outbox).run(month: month.description) }
    }

    /// One line per pack: where it is, the PDF's and the message's size and parts; a warning past what mail servers take.
    private func report(_ pack: PackBuild.Built, outbox: Outbox) {
        let month = pack.month.description
        let who = pack.audience.label.map { " for \($0)" } ?? ""
        let place = pack.page.map { "\($0) and pack.pdf" } ?? "pack.pdf (not published)"
        let message = pack.message
        let images = message.parts.filter { $0.type == "image/png" }.count
        let size = MessageSending.size(message.bytes.count)
        Console.progress("built \(month)\(who): \(place) (\(pack.pdfBytes / 1024) KiB); message \(outbox.messagePath(month, pack.audience.messageName)) "
                         + "\(size): text, HTML, \(images) chart\(images == 1 ? "" : "s"), PDF")
        if message.bytes.count > EmailMessage.warningSize {
            Console.warning("the message\(who) is \(size), past the 10 MB many mail servers refuse")
        }
    }

    /// Takes the site's lock, saying so when another build holds it and this one waits.
    private func lockSite() throws -> SiteLock {
        do {
            return try SiteLock(root: out, timeout: lockTimeout) {
                Console.progress("waiting for another build into \(out) to finish (up to \(SiteLock.Busy.format(lockTimeout)) s)…")
            }
        } catch let busy as SiteLock.Busy {
            throw fail(busy.description, .temporaryFailure)
        } catch {
            throw fail("\(error)", .cannotCreate)
        }
    }
}
