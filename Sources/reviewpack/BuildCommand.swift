import ArgumentParser
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Builds the review pack of one month into the site folder.",
        discussion: """
        Exit codes: 0 built; 64 bad arguments; 65 the snapshot cannot be read (or a finding with --strict); \
        66 an input is missing; 73 the output cannot be written; 78 pack.yaml is wrong. \
        A failed build leaves the previously published pack untouched.
        """
    )

    @OptionGroup var snapshot: SnapshotArguments
    @Option(help: "Site folder to publish into.") var out = "site"
    @Option(help: "Templates folder (default: the Templates folder that ships with ReviewPack).") var templates: String?
    @Option(help: "Assets folder (default: the Assets folder that ships with ReviewPack).") var assets: String?
    @Flag(help: "Print time and peak memory per stage, one line each.") var timings = false

    func run() throws {
        let config = try snapshot.loadConfig()
        guard let templatesFolder = ResourceLocator.folder("Templates", explicit: templates),
              let assetsFolder = ResourceLocator.folder("Assets", explicit: assets) else {
            throw fail("cannot find the Templates and Assets folders; give --templates and --assets, or set REVIEWPACK_HOME", .configError)
        }
        let build = PackBuild(dataFolder: snapshot.data, config: config, month: snapshot.month, out: out, strict: snapshot.strict,
                              templatesFolder: templatesFolder, assetsFolder: assetsFolder)
        do {
            let (built, clock, pdfBytes) = try build.run()
            let page = (out as NSString).appendingPathComponent("\(built)/index.html")
            Console.progress("built \(built): \(page) and pack.pdf (\(pdfBytes / 1024) KiB)")
            Console.progress(timings ? clock.table : clock.summary)
        } catch let failure as PackBuild.Failure {
            throw failure.exit
        }
    }
}
