import ArgumentParser
import Configuration
import Delivery
import Foundation

/// Where built messages wait: `--outbox`, else `email.outbox` in pack.yaml, else
/// beside the site as `OUT.outbox`, so no static host serving OUT ever serves them.
struct OutboxArguments: ParsableArguments {
    @Option(help: "Folder the messages are written to and sent from (default: email.outbox, else OUT.outbox beside --out).") var outbox: String?

    func resolve(out: String, config: PackConfig) -> Outbox {
        if let folder = outbox ?? config.email.outbox { return Outbox(root: folder) }
        let site = URL(fileURLWithPath: out).standardizedFileURL.path
        return Outbox(root: (site == "/" ? "/reviewpack" : site) + ".outbox")
    }
}
