import Metrics
import ArgumentParser
import Foundation
import Snapshot

/// `reviewpack init`: looks at a folder of CRM exports and writes a commented `pack.yaml`
/// that maps them onto the contract, for a person to review.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Looks at a folder of CRM exports (encoding, separator, headers, dates, money) and writes a commented pack.yaml mapping them onto the snapshot's tables.",
        discussion: """
        Headers are matched in Chinese and English (客户编号, Customer ID, Account ID → \
        customer_id; 下单时间, Order Date → ordered_at; …), status words are mapped to \
        paid, refunded and cancelled, and the timestamp patterns and money form are taken \
        from the first 500 rows. It says which required columns it could not place. An \
        existing file is never replaced without --force. Then run `reviewpack check`. \
        Exit codes: 0 written; 66 the folder is missing; 73 the file exists (without \
        --force) or cannot be written.
        """
    )

    @Option(help: "Folder of the CRM's exports (.csv, .tsv, .txt, .xlsx).") var data: String
    @Option(help: "Where to write the configuration (default: DATA/pack.yaml).") var config: String?
    @Flag(help: "Replace an existing configuration file.") var force = false

    func run() throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: data, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw fail("\(data): no such folder", .noInput)
        }
        let target = config ?? (data as NSString).appendingPathComponent("pack.yaml")
        if FileManager.default.fileExists(atPath: target), !force {
            throw fail("\(target) exists; give --force to replace it (or --config FILE to write elsewhere)", .cannotCreate)
        }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: data)) ?? [])
            .filter { ["csv", "tsv", "txt", "xlsx"].contains(($0 as NSString).pathExtension.lowercased()) && !$0.hasPrefix(".") }
            .sorted()
        var samples: [ExportSample] = []
        for name in names {
            switch ExportSample.look(path: (data as NSString).appendingPathComponent(name)) {
            case .success(let sample): samples.append(sample)
            case .failure(let problem): Console.warning(Console.visible("\(name) is left out: \(problem)"))
            }
        }
        let proposal = MappingProposal(samples: samples, zone: Zone(identifier: "UTC")!)
        let text = PackYAMLDraft(proposal: proposal, folder: data).text
        do {
            try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw fail("\(target): cannot be written (\((error as NSError).localizedDescription))", .cannotCreate)
        }
        let zh = proposal.chinese
        for table in proposal.tables {
            let columns = table.unplaced.joined(separator: ", ")
            let missing = table.unplaced.isEmpty ? "" : zh ? "；未找到 \(columns) 列" : "; no column found for \(columns)"
            Console.progress(Console.visible("\(table.table)\(zh ? "：" : ": ")\(table.files.joined(separator: ", "))\(missing)"))
        }
        let absent = Snapshot.requiredTables.filter { required in !proposal.tables.contains { $0.table == required } }.sorted()
        if !absent.isEmpty {
            Console.warning(zh ? "没有文件像是 \(absent.joined(separator: " 或 ")) 表；请在 tables.<表>.file 下指定"
                               : "no file looks like \(absent.joined(separator: " or ")); name it under tables.<table>.file")
        }
        if !proposal.unused.isEmpty {
            Console.progress(Console.visible((zh ? "未使用：" : "not used: ") + proposal.unused.joined(separator: ", ")))
        }
        Console.progress(zh ? "已写入 \(target)；请核对，然后运行：reviewpack check --data \(data)"
                            : "wrote \(target); review it, then run: reviewpack check --data \(data)")
    }
}
