import ArgumentParser
import Foundation

struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Writes a realistic sample snapshot (all tables and a pack.yaml), the same for the same seed."
    )

    @Option(help: "Folder to write the snapshot into.") var out: String
    @Option(help: "Customers signing up over the whole period.") var customers = 2000
    @Option(help: "Months of data.") var months = 26
    @Option(name: .customLong("end-month"), help: "Last month with data (YYYY-MM).") var endMonth = "2026-10"
    @Option(help: "Random seed.") var seed: UInt64 = 1

    func run() throws {
        let parts = endMonth.split(separator: "-")
        guard parts.count == 2, let year = Int(parts[0]), let month = Int(parts[1]), parts[0].count == 4, parts[1].count == 2 else {
            throw ValidationError("--end-month must be YYYY-MM, found \(endMonth)")
        }
        let options = SampleOptions(customers: customers, months: months, endYear: year, endMonth: month, seed: seed)
        do {
            try options.validate()
        } catch {
            throw ValidationError("\(error)")
        }
        var clock = StageClock()
        do {
            try SampleGenerator(options: options).write(to: URL(fileURLWithPath: out))
        } catch {
            throw fail("\(out): cannot write the sample: \(ErrorText.reason(error))", .cannotCreate)
        }
        clock.lap("sample")
        Console.progress("wrote a sample snapshot of \(customers) customers over \(months) months to \(out) (\(clock.summary))")
    }
}
