import Foundation
import Testing

/// Same input, same bytes: across processes (so across dictionary seeds and thread
/// timing), with cent-valued spend that a floating-point sum in dictionary order would
/// round differently from run to run, in both languages.
@Suite(.serialized) struct ReproducibilityTests {
    /// A generated snapshot whose spend carries cents.
    static let data: String = {
        let folder = CommandRunner.temporaryFolder()
        let made = try? CommandRunner.run(["sample", "--out", folder, "--customers", "60", "--months", "14", "--seed", "7"])
        precondition(made?.status == 0)
        let path = "\(folder)/spend.csv"
        let lines = (try? String(contentsOfFile: path, encoding: .utf8))!.split(separator: "\n").map(String.init)
        let cents = [lines[0]] + lines.dropFirst().enumerated().map { i, line in
            line.replacingOccurrences(of: ".00", with: String(format: ".%02d", (i * 37 + 11) % 100))
        }
        try? (cents.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return folder
    }()

    func build(language: String, into out: String) throws {
        let config = "\(out)-pack.yaml"
        let yaml = try String(contentsOfFile: "\(Self.data)/pack.yaml", encoding: .utf8)
        try yaml.replacingOccurrences(of: "language: zh", with: "language: \(language)").write(toFile: config, atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["build", "--data", Self.data, "--config", config, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func spendHasCents() throws {
        let spend = try String(contentsOfFile: "\(Self.data)/spend.csv", encoding: .utf8)
        #expect(spend.split(separator: "\n").dropFirst().filter { !$0.hasSuffix(".00") }.count > 20)
    }

    @Test func metricsJSONIsIdenticalAcrossTenProcesses() throws {
        var outputs: [Data] = []
        for _ in 0..<10 {
            let out = CommandRunner.temporaryFolder()
            defer { try? FileManager.default.removeItem(atPath: out) }
            try build(language: "zh", into: out)
            outputs.append(try Data(contentsOf: URL(fileURLWithPath: "\(out)/2026-10/metrics.json")))
        }
        #expect(Set(outputs).count == 1, "metrics.json differs between processes")
        let json = String(decoding: outputs[0], as: UTF8.self)
        #expect(json.contains("\"spend\""))
    }

    @Test(arguments: ["zh", "en"])
    func wholePackIsIdenticalAcrossTwoProcesses(_ language: String) throws {
        let (a, b) = (CommandRunner.temporaryFolder(), CommandRunner.temporaryFolder())
        defer { for f in [a, b] { try? FileManager.default.removeItem(atPath: f) } }
        try build(language: language, into: a)
        try build(language: language, into: b)
        let (first, second) = (CommandRunner.contents(of: a), CommandRunner.contents(of: b))
        #expect(first.count > 20)
        #expect(first.keys.sorted() == second.keys.sorted())
        for path in first.keys.sorted() where first[path] != second[path] { Issue.record("\(language): \(path) differs between two builds") }
    }
}
