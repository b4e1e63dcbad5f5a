import ArgumentParser

@main
struct ReviewPackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reviewpack",
        abstract: "Turns a CRM data snapshot into the month's review pack: an HTML site, a PDF, metrics.json and an e-mail.",
        subcommands: [InitCommand.self, BuildCommand.self, CheckCommand.self, LoadCommand.self, SendCommand.self, ExplainCommand.self, MetricsCommand.self, SampleCommand.self, GalleryCommand.self]
    )

    static func main() {
        FreedMemory.returnToTheSystem()
        main(nil)
    }
}
