import Foundation
import Metrics
import Snapshot
import Testing

/// Invariants over every month of the committed sample.
@Suite struct SampleMetricsTests {
    @Test func bridgeIdentityHoldsForEveryMonthOfTheSample() throws {
        let snapshot = try SnapshotReader.read(folder: CommandRunner.sampleData, options: SnapshotOptions(zone: Zone(identifier: "Asia/Shanghai")!))
        let facts = Facts(snapshot: snapshot, dimensions: ["channel", "region", "industry", "tier", "owner"])
        var month = Month(year: 2024, month: 9)
        var checked = 0
        while month <= Month(year: 2026, month: 10) {
            let bridge = Bridge(month: month, facts: facts, window: 30)
            #expect(bridge.balances, "bridge of \(month) does not balance: \(bridge)")
            checked += 1
            month = month + 1
        }
        #expect(checked == 26)
    }

    @Test func sampleGeneratorIsDeterministic() throws {
        let a = CommandRunner.temporaryFolder(), b = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: a); try? FileManager.default.removeItem(atPath: b) }
        #expect(try CommandRunner.run(["sample", "--out", a, "--customers", "300", "--seed", "7"]).status == 0)
        #expect(try CommandRunner.run(["sample", "--out", b, "--customers", "300", "--seed", "7"]).status == 0)
        let (x, y) = (CommandRunner.contents(of: a), CommandRunner.contents(of: b))
        #expect(x.count == 10)
        #expect(x == y)
        // And the committed sample is what the generator writes with its defaults
        // (besides the analyst's notes, written by hand for the sample month).
        let c = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: c) }
        #expect(try CommandRunner.run(["sample", "--out", c]).status == 0)
        #expect(CommandRunner.contents(of: c) == CommandRunner.contents(of: CommandRunner.sampleData).filter { !$0.key.hasPrefix("notes/") })
    }
}
