import ArgumentParser
import Configuration
import Foundation
import Metrics
import Snapshot

/// `reviewpack check`: reads and validates everything a build would, and builds nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Reads and checks the data (a folder, a SQLite file or a PostgreSQL database) and pack.yaml without building: every missing table and column at once, the findings, and the month a build would choose.",
        discussion: """
        Prints each table with its file and rows, the data-quality findings, and the month \
        a build would make and why. Exit codes as for build: 0 the snapshot can be built \
        (findings are warnings), 65 it cannot be read (or a finding with --strict), 66 an \
        input is missing, 78 pack.yaml is wrong.
        """
    )

    @OptionGroup var snapshot: SnapshotArguments

    func run() throws {
        let config = try snapshot.loadConfig()
        let data: SourceReading
        do {
            data = try PackBuild.read(data: snapshot.data, config: config, strict: snapshot.strict) { _ in }
            try PackBuild.checkColumns(data.customerColumns, config: config)
        } catch let failure as PackBuild.Failure { throw failure.exit }
        let q = data.quality
        let zh = config.language == .zh
        print(zh ? "表：" : "tables:")
        for table in Snapshot.tableNames {
            let optional = !Snapshot.requiredTables.contains(table)
            if let rows = q.rowsRead[table] {
                print(zh ? "  \(table)：\(rows) 行，来自 \(q.sources[table] ?? table)" : "  \(table): \(rows) rows from \(q.sources[table] ?? table)")
            } else {
                print(zh ? "  \(table)：缺少\(optional ? "（可选；相关部分不出现在数据包中）" : "")"
                         : "  \(table): absent\(optional ? " (optional; its sections are left out)" : "")")
            }
        }
        if q.totalFindings == 0 {
            print(zh ? "数据质量问题：无" : "findings: none")
        } else {
            print(zh ? "数据质量问题：\(q.totalFindings) 处（已继续；--strict 会在第一处停止）" : "findings: \(q.totalFindings) (kept going; --strict would stop at the first)")
            for tally in q.sortedTallies {
                let place = "\(tally.table).\(tally.field ?? "*")"
                if zh {
                    let first = tally.examples.first.map { "，首例 \($0.chineseLocation)：\($0.chinese)" } ?? ""
                    print(Console.visible("  \(tally.kind.rawValue)，\(place)：\(tally.count) 处\(first)"))
                } else {
                    let first = tally.examples.first.map { " first at \($0.location): \($0.message)" } ?? ""
                    print(Console.visible("  \(tally.kind.rawValue) in \(place): \(tally.count),\(first)"))
                }
            }
        }
        let selection = MonthSelection(month: snapshot.month.flatMap(Month.init))
        let days = data.dataDays
        do {
            let months = try selection.months(dataDays: days)
            print(zh ? "月份：\(months[0])：\(selection.reason(dataDays: days, chinese: true))" : "month: \(months[0]): \(selection.reason(dataDays: days))")
        } catch let problem as MonthSelection.Problem {
            throw fail(problem.description, .dataError)
        }
    }
}
