import ArgumentParser
import Foundation

/// `reviewpack send`: delivers a built month's messages through SMTP or sendmail.
struct SendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: "Sends a built month's e-mail to its recipients (SMTP or sendmail), each recipient once.",
        discussion: """
        The messages are those `build` wrote into the outbox. A recipient already reached is skipped unless \
        --resend. Exit codes: 0 sent (or nothing left to send); 66 no built message; 69 a delivery failed and \
        will not work later (a 5xx reply, refused credentials or TLS); 75 a delivery failed for now (a 4xx reply, \
        the server out of reach) or another send held the outbox; 78 pack.yaml names no way to send or the \
        password variable is not set.
        """
    )

    @Option(help: "Snapshot folder holding pack.yaml.") var data: String
    @Option(help: "Configuration file (default: DATA/pack.yaml).") var config: String?
    @Option(help: "Site folder the pack was built into (locates the default outbox).") var out = "site"
    @OptionGroup var outboxArguments: OutboxArguments
    @Option(help: "Month YYYY-MM (default: the newest month in the outbox).") var month: String?
    @Flag(help: "List what would be sent, and to whom; send nothing.") var dryRun = false
    @Flag(help: "Send again to recipients already reached.") var resend = false

    func run() throws {
        let loaded = try SnapshotArguments.loadConfig(path: config ?? (data as NSString).appendingPathComponent("pack.yaml"))
        let sending = MessageSending(config: loaded, outbox: outboxArguments.resolve(out: out, config: loaded), resend: resend, dryRun: dryRun)
        try sending.run(month: month)
    }
}
