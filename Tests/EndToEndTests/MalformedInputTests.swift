import Foundation
import Testing

/// Hostile and broken input, as a user might feed it: every case ends with its documented
/// exit code and a message naming the place (file:line:column, key path or argument),
/// never a trap, a backtrace or a Foundation error dump; and a failed build leaves the
/// previously published pack byte for byte as it was.
@Suite struct MalformedInputTests {
    @Test(arguments: MalformedCase.all)
    func malformedInput(_ c: MalformedCase) throws {
        let w = try Workspace()
        defer { w.remove() }
        try c.edit(w)
        let result = try CommandRunner.run(c.arguments(w))
        #expect(result.status == c.status, "\(c.name): exit \(result.status), stderr: \(result.stderr)")
        #expect(result.stderr.contains(c.place), "\(c.name): stderr does not name \"\(c.place)\": \(result.stderr)")
        for dump in ["Fatal error", "Stack dump", "NSCocoaErrorDomain", "Error Domain=", "Backtrace", "Illegal instruction"] {
            #expect(!result.stderr.contains(dump), "\(c.name): \(dump) in stderr")
        }
        #expect(!result.stderr.unicodeScalars.contains { $0.properties.generalCategory == .control && $0 != "\n" && $0 != "\t" },
                "\(c.name): a raw control character reached the terminal")
        if c.status != 0 {
            #expect(CommandRunner.contents(of: w.site) == Baseline.shared.site, "\(c.name): a failed build changed the published pack")
        }
        try c.check?(w, result)
    }

    @Test func theSuiteIsLargeEnough() {
        #expect(MalformedCase.all.count >= 60)
        #expect(Set(MalformedCase.all.map(\.name)).count == MalformedCase.all.count)
    }
}

/// A tiny generated snapshot and the pack built from it, made once for all cases.
final class Baseline: @unchecked Sendable {
    static let shared = Baseline()
    let data: String
    let siteFolder: String
    let site: [String: Data]

    private init() {
        data = CommandRunner.temporaryFolder()
        siteFolder = CommandRunner.temporaryFolder()
        let made = try? CommandRunner.run(["sample", "--out", data, "--customers", "60", "--months", "14"])
        let built = try? CommandRunner.run(["build", "--data", data, "--out", siteFolder])
        precondition(made?.status == 0 && built?.status == 0, "the baseline pack could not be built: \(built?.stderr ?? "")")
        site = CommandRunner.contents(of: siteFolder)
    }
}

/// A private copy of the baseline snapshot and site for one case.
struct Workspace {
    let data = CommandRunner.temporaryFolder()
    let site = CommandRunner.temporaryFolder()
    var config: String { "\(data)/pack.yaml" }

    init() throws {
        let fm = FileManager.default
        let base = Baseline.shared
        for name in try fm.contentsOfDirectory(atPath: base.data) { try fm.copyItem(atPath: "\(base.data)/\(name)", toPath: "\(data)/\(name)") }
        try fm.removeItem(atPath: site)
        try fm.copyItem(atPath: base.siteFolder, toPath: site)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: data)
        try? FileManager.default.removeItem(atPath: site)
    }

    func text(_ table: String) throws -> String { try String(contentsOfFile: "\(data)/\(table).csv", encoding: .utf8) }
    func write(_ table: String, _ text: String) throws { try write(table, bytes: Array(text.utf8)) }
    func write(_ table: String, bytes: [UInt8]) throws { try Data(bytes).write(to: URL(fileURLWithPath: "\(data)/\(table).csv")) }

    /// Rewrites every data line of a table (not the header).
    func mapRows(_ table: String, _ f: (Int, [String]) -> [String]) throws {
        var lines = try text(table).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for i in 1..<lines.count where !lines[i].isEmpty { lines[i] = f(i, lines[i].split(separator: ",", omittingEmptySubsequences: false).map(String.init)).joined(separator: ",") }
        try write(table, lines.joined(separator: "\n"))
    }

    /// Replaces one line (1-based) of a table.
    func replaceLine(_ table: String, _ n: Int, _ line: String) throws {
        var lines = try text(table).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines[n - 1] = line
        try write(table, lines.joined(separator: "\n"))
    }

    func appendRows(_ table: String, _ rows: [String]) throws {
        try write(table, try text(table) + rows.joined(separator: "\n") + "\n")
    }

    func editConfig(_ f: (String) -> String) throws {
        try f(try String(contentsOfFile: config, encoding: .utf8)).write(toFile: config, atomically: true, encoding: .utf8)
    }

    func setConfig(_ from: String, _ to: String) throws {
        try editConfig { text in
            precondition(text.contains(from), "pack.yaml has no \(from)")
            return text.replacingOccurrences(of: from, with: to)
        }
    }
}

struct MalformedCase: Sendable, CustomTestStringConvertible {
    let name: String
    let status: Int32
    /// What stderr must contain: the file:line:column, key path or argument at fault.
    let place: String
    var edit: @Sendable (Workspace) throws -> Void = { _ in }
    var arguments: @Sendable (Workspace) -> [String] = { ["build", "--data", $0.data, "--out", $0.site] }
    var check: (@Sendable (Workspace, CommandRunner.Result) throws -> Void)?

    var testDescription: String { name }

    static func build(_ extra: [String]) -> @Sendable (Workspace) -> [String] {
        { ["build", "--data", $0.data, "--out", $0.site] + extra }
    }

    static let all: [MalformedCase] = structure + values + configuration + arguments + paths + hostileText
}
