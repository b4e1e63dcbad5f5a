import ArgumentParser
import Foundation
import Metrics

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

    @Option(help: "Snapshot folder of <table>.csv files.") var data: String
    @Option(help: "Configuration file (default: DATA/pack.yaml).") var config: String?
    @Option(help: "Report month YYYY-MM (default: the last complete month in the data).") var month: String?
    @Option(help: "Site folder to publish into.") var out = "site"
    @Flag(help: "Treat any data-quality finding as an error.") var strict = false
    @Option(help: "Templates folder (default: the Templates folder that ships with ReviewPack).") var templates: String?
    @Option(help: "Assets folder (default: the Assets folder that ships with ReviewPack).") var assets: String?
    @Flag(help: "Print time and peak memory per stage, one line each.") var timings = false

    func validate() throws {
        if let month, Month(month) == nil { throw ValidationError("--month must be YYYY-MM, found \(month)") }
    }

    func run() throws {
        let configPath = config ?? (data as NSString).appendingPathComponent("pack.yaml")
        guard FileManager.default.fileExists(atPath: configPath) else {
            throw fail("\(configPath): configuration file not found (give --config FILE)", .noInput)
        }
        let parsed: PackConfig
        do { parsed = try PackConfig.load(path: configPath) } catch { throw fail("\(error)", .configError) }
        guard let templatesFolder = ResourceLocator.folder("Templates", explicit: templates),
              let assetsFolder = ResourceLocator.folder("Assets", explicit: assets) else {
            throw fail("cannot find the Templates and Assets folders; give --templates and --assets, or set REVIEWPACK_HOME", .configError)
        }
        let build = PackBuild(dataFolder: data, config: parsed, month: month, out: out, strict: strict,
                              templatesFolder: templatesFolder, assetsFolder: assetsFolder)
        do {
            let (built, clock, pdfBytes) = try build.run()
            let page = (out as NSString).appendingPathComponent("\(built)/index.html")
            Console.progress("built \(built): \(page) and pack.pdf (\(pdfBytes / 1024) KiB)")
            Console.progress(timings ? clock.table : clock.summary)
        } catch let failure as PackBuild.Failure {
            switch failure {
            case .data(let m): throw fail(m, .dataError)
            case .noInput(let m): throw fail(m, .noInput)
            case .config(let m): throw fail(m, .configError)
            case .output(let m): throw fail(m, .cannotCreate)
            }
        }
    }
}
