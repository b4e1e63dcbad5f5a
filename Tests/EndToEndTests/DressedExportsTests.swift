import Foundation
import Testing

/// The sample as four CRMs would export it, read through the mapping `init` proposes:
/// every one must give the plain sample's metrics.json, byte for byte.
@Suite(.serialized) struct DressedExportsTests {
    static let environment = ["SOURCE_DATE_EPOCH": "1798761600"]
    static let months = ["2026-09", "2026-10"]

    /// The plain sample's metrics.json per month, built once.
    static let plain: [String: Data] = {
        let out = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try? CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", out, "--from", months[0], "--to", months[1], "--quiet"],
                                            environment: environment)
        precondition(result?.status == 0, "the plain sample does not build: \(result?.stderr ?? "")")
        return Dictionary(uniqueKeysWithValues: months.map { ($0, FileManager.default.contents(atPath: "\(out)/\($0)/metrics.json")!) })
    }()

    @Test(arguments: [("english CRM", ExportDress.englishCRM), ("GB18030 Chinese Excel", ExportDress.chineseExcel), ("European", ExportDress.european),
                      ("Excel workbooks", ExportDress.chineseWorkbook)])
    func aDressedExportReadThroughInitsMappingGivesTheSameNumbers(name: String, dress: ExportDress) throws {
        let folder = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let data = folder + "/data"
        try dress.write(sample: CommandRunner.sampleData, to: data)

        let initialized = try CommandRunner.run(["init", "--data", data])
        try #require(initialized.status == 0, "\(name): \(initialized.stderr)")
        let proposed = try String(contentsOfFile: data + "/pack.yaml", encoding: .utf8)
        #expect(!proposed.contains("could not place") && !proposed.contains("none was recognised"), "\(name):\n\(proposed)")
        // The reviewed edit: the company's own settings above init's tables.
        let tables = try #require(proposed.range(of: "\ntables:\n")).lowerBound
        let settings = try String(contentsOfFile: CommandRunner.sampleData + "/pack.yaml", encoding: .utf8)
        try (settings + String(proposed[tables...])).write(toFile: data + "/pack.yaml", atomically: true, encoding: .utf8)

        let checked = try CommandRunner.run(["check", "--data", data], environment: Self.environment)
        try #require(checked.status == 0, "\(name): \(checked.stderr)")
        #expect(checked.stdout.contains("月份：2026-10"), "\(name): \(checked.stdout)")

        let built = try CommandRunner.run(["build", "--data", data, "--out", folder + "/site", "--from", Self.months[0], "--to", Self.months[1], "--quiet"],
                                          environment: Self.environment)
        try #require(built.status == 0, "\(name): \(built.stderr)")
        for month in Self.months {
            let made = FileManager.default.contents(atPath: "\(folder)/site/\(month)/metrics.json")
            #expect(made == Self.plain[month], "\(name): metrics.json of \(month) differs from the plain sample's\n\(proposed)")
        }
    }
}
