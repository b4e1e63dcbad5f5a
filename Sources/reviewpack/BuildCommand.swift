import ArgumentParser
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
        78 pack.yaml is wrong; 129, 130, 143 stopped by SIGHUP, SIGINT, SIGTERM (128 + the signal's number). \
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
        let build = PackBuild(dataFolder: snapshot.data, config: config, month: snapshot.month, out: out, strict: snapshot.strict,
                              templatesFolder: templatesFolder, assetsFolder: assetsFolder, interruption: interruption)
        do {
            let (built, clock, pdfBytes) = try withExtendedLifetime(lock) { try build.run() }
            let page = (out as NSString).appendingPathComponent("\(built)/index.html")
            Console.progress("built \(built): \(page) and pack.pdf (\(pdfBytes / 1024) KiB)")
            Console.progress(timings ? clock.table : clock.summary)
        } catch let failure as PackBuild.Failure {
            throw failure.exit
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
