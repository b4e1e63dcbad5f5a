import Foundation
import Testing

/// Bad input gets a clear message naming the place, the right exit code, no crash, and
/// the last good pack stays as it was.
@Suite struct BadInputTests {
    /// A copy of the sample with one table replaced.
    func brokenSample(_ table: String, _ edit: (String) -> String) throws -> String {
        let folder = CommandRunner.temporaryFolder()
        for name in try FileManager.default.contentsOfDirectory(atPath: CommandRunner.sampleData) {
            try FileManager.default.copyItem(atPath: "\(CommandRunner.sampleData)/\(name)", toPath: "\(folder)/\(name)")
        }
        let path = "\(folder)/\(table).csv"
        try edit(try String(contentsOfFile: path, encoding: .utf8)).write(toFile: path, atomically: true, encoding: .utf8)
        return folder
    }

    @Test func raggedQuotingFailsWithPlaceAndKeepsTheLastGoodPack() throws {
        let site = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        #expect(try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", site]).status == 0)
        let before = CommandRunner.contents(of: site)

        let data = try brokenSample("orders") { text in
            var lines = text.components(separatedBy: "\n")
            lines[41] = lines[41].replacingOccurrences(of: ",", with: ",\"", options: [], range: lines[41].range(of: ","))
            return lines.joined(separator: "\n")
        }
        defer { try? FileManager.default.removeItem(atPath: data) }
        let result = try CommandRunner.run(["build", "--data", data, "--out", site])
        #expect(result.status == 65)
        #expect(result.stderr.contains("orders.csv:42"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack"))
        #expect(CommandRunner.contents(of: site) == before, "a failed build changed the published site")
    }

    @Test func missingRequiredColumnNamesFileAndColumn() throws {
        let data = try brokenSample("customers") { $0.replacingOccurrences(of: "signup_at", with: "signed_up") }
        defer { try? FileManager.default.removeItem(atPath: data) }
        let site = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try CommandRunner.run(["build", "--data", data, "--out", site])
        #expect(result.status == 65)
        #expect(result.stderr.contains("customers.csv:1 (signup_at)"), "\(result.stderr)")
        // Only the lock file, taken for the whole build before the snapshot is read.
        #expect(Array(CommandRunner.contents(of: site).keys) == [".reviewpack.lock"], "nothing is published when the snapshot cannot be read")
    }

    @Test func strictModeTurnsFindingsIntoFailure() throws {
        let site = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let result = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", site, "--strict"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("严格模式：共 168 处问题"), "\(result.stderr)")
    }

    @Test func missingSnapshotFolder() throws {
        let result = try CommandRunner.run(["build", "--data", "/nonexistent/snapshot", "--config", "\(CommandRunner.sampleData)/pack.yaml", "--out", CommandRunner.temporaryFolder()])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/snapshot"))
    }

    @Test func configurationErrorsNameTheRule() throws {
        let data = try brokenSample("targets") { $0 }
        defer { try? FileManager.default.removeItem(atPath: data) }
        let yaml = try String(contentsOfFile: "\(data)/pack.yaml", encoding: .utf8)
        try yaml.replacingOccurrences(of: "metric: win_rate", with: "metric: win_ratio").write(toFile: "\(data)/pack.yaml", atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["build", "--data", data, "--out", CommandRunner.temporaryFolder()])
        #expect(result.status == 78)
        #expect(result.stderr.contains("pack.yaml:25:14: alerts[2].metric: unknown metric \"win_ratio\"; did you mean \"win_rate\"?"), "\(result.stderr)")
    }

    @Test func unwritableOutIsExit73WithThePathAndTheReason() throws {
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        // Tests may run as root, whom permissions do not stop; a regular file in the path stops anyone.
        _ = FileManager.default.createFile(atPath: "\(folder)/file", contents: Data())
        for out in ["\(folder)/file/site", "\(folder)/file"] {
            let result = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", out])
            #expect(result.status == 73)
            #expect(result.stderr == "reviewpack: error: \(folder)/file: cannot write: not a directory\n", "\(result.stderr)")
        }
    }

    @Test func readOnlyOutIsExit73WithThePathAndTheReason() throws {
        let out = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        chmod(out, 0o555)
        // Permissions do not stop root: as root, the build runs as nobody (setpriv, from util-linux).
        var launcher: [String] = []
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
            launcher = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
        }
        let result = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", out], launcher: launcher)
        #expect(result.status == 73)
        #expect(result.stderr == "reviewpack: error: \(out)/.reviewpack.lock: cannot write: permission denied\n", "\(result.stderr)")
    }

    @Test func badMonthArgument() throws {
        let result = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--month", "2026-13", "--out", CommandRunner.temporaryFolder()])
        #expect(result.status == 64)
        #expect(result.stderr.contains("YYYY-MM"))
    }
}
