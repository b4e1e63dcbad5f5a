import ArgumentParser
import Delivery
import Foundation
import Pack

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the review pack of one month into the site folder.",
        discussion: """
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

    func validate() throws {
        guard lockTimeout >= 0, lockTimeout.isFinite else { throw ValidationError("--lock-timeout must be a number of seconds ≥ 0") }
    }

    func run() throws {
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
        let build = PackBuild(dataFolder: snapshot.data, config: config, month: snapshot.month, out: out, strict: snapshot.strict,
                              templatesFolder: templatesFolder, assetsFolder: assetsFolder, interruption: interruption,
                              notesFile: notes, outbox: outbox.root)
        let month: String
        do {
            let (built, clock, packs) = try build.run(holding: lock)
            month = built.description
            for pack in packs { report(pack, month: month, outbox: outbox) }
            if packs.count > 1 { Console.progress("built \(packs.count) packs for \(month)") }
            Console.progress(timings ? clock.table : clock.summary)
        } catch let failure as PackBuild.Failure {
            throw failure.exit
        }
        withExtendedLifetime(lock) {}
        if send { try MessageSending(config: config, outbox: outbox).run(month: month) }
    }

    /// One line per pack: where it is, the PDF's and the message's size and parts; a warning past what mail servers take.
    private func report(_ pack: PackBuild.Built, month: String, outbox: Outbox) {
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
