/// The sample built into one site for two months (2026-09, then 2026-10), shared by the
/// tests that need an archive of several months and pages linking to each other.
enum TwoMonthSite {
    static let path: String = {
        let site = CommandRunner.temporaryFolder()
        for month in ["2026-09", "2026-10"] {
            _ = try? CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", site, "--month", month])
        }
        return site
    }()
}
