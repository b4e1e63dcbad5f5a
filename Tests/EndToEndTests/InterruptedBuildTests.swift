import Foundation
import Testing

/// Builds killed outright (kill -9) or stopped by a signal at moments spread over their
/// run, and builds racing into one site: the site always holds a whole pack, the old one
/// or the new one byte for byte, and the next build cleans up whatever a dead one left.
/// Serialized, so that one test's builds do not skew the timing of another's kills.
@Suite(.serialized) struct InterruptedBuildTests {
    /// The good pack (the committed sample) and a different one for the same month (a
    /// generated snapshot of 50 customers, which builds in a second), each as a full build writes it.
    struct Packs {
        let oldSite: String
        let old: [String: Data]
        let assets: [String: Data]
        let newData: String
        let new: [String: Data]
    }

    static let packs: Packs = {
        let oldSite = CommandRunner.temporaryFolder(), newSite = CommandRunner.temporaryFolder()
        let newData = CommandRunner.temporaryFolder()
        _ = try? CommandRunner.run(["sample", "--out", newData, "--customers", "50", "--months", "14", "--end-month", "2026-10"])
        for build in [RunningBuild(data: CommandRunner.sampleData, site: oldSite), RunningBuild(data: newData, site: newSite)] { _ = build.finish() }
        defer { try? FileManager.default.removeItem(atPath: newSite) }
        return Packs(oldSite: oldSite, old: CommandRunner.contents(of: "\(oldSite)/2026-10"), assets: CommandRunner.contents(of: "\(oldSite)/assets"),
                     newData: newData, new: CommandRunner.contents(of: "\(newSite)/2026-10"))
    }()

    /// When a trial's signal is sent: a time after the build started, or a moment of
    /// staging and publishing.
    enum Moment {
        case afterStart(Double)
        /// A time after the month's staging folder appeared: its page, charts and tables being
        /// written and flushed, or waiting for the PDF, still being drawn.
        case afterStaging(Double)
        /// As soon as the PDF is in the staging folder: publishing flushes it and the folders.
        case afterStagedPDF
        /// As soon as 2026-10 is another folder: exchanged, the old one not yet removed.
        case afterExchange
        /// As soon as the front page's temporary file appeared.
        case afterIndexTemporary
    }

    struct Trial {
        let site: String
        let moment: Moment
        var signal = SIGKILL
    }

    /// Starts a build of the new pack into each trial's site, all at once, and sends each
    /// its signal at its moment (unless it finished first).
    func interrupt(_ trials: [Trial]) -> [RunningBuild.Outcome] {
        let months = trials.map { Self.inode("\($0.site)/2026-10") }
        let builds = trials.map { RunningBuild(data: Self.packs.newData, site: $0.site) }
        var stagingSeen = [Date?](repeating: nil, count: trials.count)
        var sent = [Bool](repeating: false, count: trials.count)
        while zip(builds, sent).contains(where: { $0.process.isRunning && !$1 }) {
            for (i, trial) in trials.enumerated() where !sent[i] && builds[i].process.isRunning {
                let due: Bool
                switch trial.moment {
                case .afterStart(let delay):
                    due = Date().timeIntervalSince(builds[i].started) >= delay
                case .afterStaging(let delay):
                    if stagingSeen[i] == nil, Self.entries(trial.site).contains(where: { $0.hasPrefix(".staging-2026-10-") }) { stagingSeen[i] = Date() }
                    due = stagingSeen[i].map { Date().timeIntervalSince($0) >= delay } ?? false
                case .afterStagedPDF:
                    due = Self.entries(trial.site).contains { $0.hasPrefix(".staging-2026-10-") && FileManager.default.fileExists(atPath: "\(trial.site)/\($0)/pack.pdf") }
                case .afterExchange:
                    due = Self.inode("\(trial.site)/2026-10") != months[i]
                case .afterIndexTemporary:
                    due = Self.entries(trial.site).contains { $0.hasPrefix(".index.html.") }
                }
                if due {
                    kill(builds[i].process.processIdentifier, trial.signal)
                    sent[i] = true
                }
            }
            usleep(200)
        }
        return builds.map { $0.finish() }
    }

    static func entries(_ site: String) -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: site)) ?? [] }

    static func inode(_ path: String) -> ino_t {
        var status = stat()
        return stat(path, &status) == 0 ? status.st_ino : 0
    }

    static func leftovers(_ site: String) -> [String] {
        entries(site).filter { $0.hasPrefix(".staging-") || $0.contains(".old-") || $0.hasSuffix(".tmp") }
    }

    /// A copy of the good pack's site, to interrupt a build in.
    func copyOfOldSite() throws -> String {
        let site = NSTemporaryDirectory() + "reviewpack-e2e-\(UUID().uuidString)"
        try FileManager.default.copyItem(atPath: Self.packs.oldSite, toPath: site)
        return site
    }

    /// The month is exactly the old pack or exactly the new one, beside a front page and the assets.
    func expectWholePack(_ site: String, _ label: String) {
        guard FileManager.default.fileExists(atPath: "\(site)/2026-10") else {
            Issue.record("\(label): 2026-10 is missing")
            return
        }
        let month = CommandRunner.contents(of: "\(site)/2026-10")
        #expect(month == Self.packs.old || month == Self.packs.new, "\(label): 2026-10 is neither the old pack nor the new one (\(month.count) files)")
        let index = (try? String(contentsOfFile: "\(site)/index.html", encoding: .utf8)) ?? ""
        #expect(index.contains("href=\"2026-10/index.html\"") && index.contains("</html>"), "\(label): index.html is missing or cut short")
        #expect(CommandRunner.contents(of: "\(site)/assets") == Self.packs.assets, "\(label): assets differ")
    }

    /// The build after a kill succeeds, publishes the new pack and leaves nothing temporary.
    func expectNextBuildCleansUp(_ sites: [String]) {
        let outcomes = sites.map { RunningBuild(data: Self.packs.newData, site: $0) }.map { $0.finish() }
        for (site, outcome) in zip(sites, outcomes) {
            #expect(outcome.status == 0, "the build after a kill failed: \(outcome.stderr)")
            #expect(CommandRunner.contents(of: "\(site)/2026-10") == Self.packs.new)
            #expect(Self.leftovers(site).isEmpty, "left behind: \(Self.leftovers(site))")
        }
    }

    @Test func packsDiffer() {
        #expect(!Self.packs.old.isEmpty && !Self.packs.new.isEmpty && Self.packs.old != Self.packs.new)
    }

    @Test func killSpreadOverTheBuildLeavesAWholePack() throws {
        let site = try copyOfOldSite(), scratch = CommandRunner.temporaryFolder()
        defer { for folder in [site, scratch] { try? FileManager.default.removeItem(atPath: folder) } }
        // The span to spread the kills over: a whole build, timed now, and shortened whenever
        // a trial's build finishes sooner (the load from other tests comes and goes).
        var seconds = RunningBuild(data: Self.packs.newData, site: scratch).finish().seconds
        var killed = 0
        for step in 0...11 {
            let delay = seconds * Double(step) / 11
            let outcome = interrupt([Trial(site: site, moment: .afterStart(delay))])[0]
            if outcome.signalled { killed += 1 } else { seconds = min(seconds, outcome.seconds) }
            expectWholePack(site, "kill -9 after \(String(format: "%.2f", delay)) s")
        }
        #expect(killed >= 6, "too few builds were killed part-way: \(killed) of 12")
        expectNextBuildCleansUp([site])
    }

    @Test func killWhilePublishingLeavesAWholePack() throws {
        let moments: [(Moment, String)] = [(.afterStaging(0), "as staging began"), (.afterStaging(0.01), "10 ms into staging"),
                                           (.afterStaging(0.03), "30 ms into staging"), (.afterStagedPDF, "with the PDF staged"),
                                           (.afterExchange, "right after the exchange"),
                                           (.afterIndexTemporary, "while writing index.html")]
        let sites = try moments.map { _ in try copyOfOldSite() }
        defer { for site in sites { try? FileManager.default.removeItem(atPath: site) } }
        let outcomes = interrupt(zip(sites, moments).map { Trial(site: $0, moment: $1.0) })
        for (site, moment) in zip(sites, moments) {
            expectWholePack(site, "kill -9 \(moment.1)")
        }
        #expect(outcomes.contains { $0.signalled }, "no build was killed while publishing")
        expectNextBuildCleansUp(sites)
    }

    @Test func signalsStopTheBuildWithTheirExitCodeAndNothingStaged() throws {
        let trials = [Trial(site: try copyOfOldSite(), moment: .afterStart(0.3), signal: SIGTERM),
                      Trial(site: try copyOfOldSite(), moment: .afterStaging(0), signal: SIGINT),
                      Trial(site: try copyOfOldSite(), moment: .afterStaging(0.01), signal: SIGHUP)]
        defer { for trial in trials { try? FileManager.default.removeItem(atPath: trial.site) } }
        let outcomes = interrupt(trials)
        for (trial, outcome) in zip(trials, outcomes) {
            let name = [SIGTERM: "SIGTERM", SIGINT: "SIGINT", SIGHUP: "SIGHUP"][trial.signal]!
            if outcome.status == 0 { continue }  // finished before the signal came
            #expect(outcome.status == 128 + trial.signal, "\(name): \(outcome.stderr)")
            #expect(outcome.stderr.hasSuffix("reviewpack: error: stopped by \(name); \(trial.site) holds no half-published pack\n"), "\(outcome.stderr)")
            #expect(Self.leftovers(trial.site).isEmpty, "\(name) left \(Self.leftovers(trial.site))")
            expectWholePack(trial.site, name)
        }
    }

    /// A backfill draws two months side by side, each staging its page while its PDF is
    /// drawn. Stopped once both pages are staged (every file but the PDF written), it lets
    /// both go: the one it was publishing and the one drawn beside it.
    @Test(.enabled(if: ProcessInfo.processInfo.activeProcessorCount >= 2, "two months are drawn side by side on two cores or more"))
    func signalDuringABackfillLeavesNoMonthStaged() throws {
        let site = CommandRunner.temporaryFolder(), reference = CommandRunner.temporaryFolder()
        defer { for folder in [site, reference] { try? FileManager.default.removeItem(atPath: folder) } }
        // Each month's files but its PDF, as a finished build of both writes them.
        _ = RunningBuild(data: Self.packs.newData, site: reference, months: ["--from", "2026-09", "--to", "2026-10"]).finish()
        let pageFiles = ["2026-09", "2026-10"].map { Self.files(in: "\(reference)/\($0)") - 1 }
        try #require(pageFiles.allSatisfy { $0 > 0 })
        let build = RunningBuild(data: Self.packs.newData, site: site, months: ["--from", "2026-09", "--to", "2026-10"])
        func staged() -> [String] { Self.entries(site).filter { $0.hasPrefix(".staging-2026-") } }
        func complete(_ folder: String) -> Bool { Self.files(in: "\(site)/\(folder)") >= pageFiles[folder.hasPrefix(".staging-2026-09-") ? 0 : 1] }
        while build.process.isRunning, staged().count < 2 || !staged().allSatisfy(complete) { usleep(200) }
        kill(build.process.processIdentifier, SIGTERM)
        let outcome = build.finish()
        #expect(outcome.status == 128 + SIGTERM, "the build was not stopped: \(outcome.stderr)")
        #expect(Self.leftovers(site).isEmpty, "left \(Self.leftovers(site))")
        for (month, files) in zip(["2026-09", "2026-10"], pageFiles) where FileManager.default.fileExists(atPath: "\(site)/\(month)") {
            #expect(Self.files(in: "\(site)/\(month)") == files + 1, "\(month) is not whole")
        }
    }

    /// How many files are in `folder` and the folders in it.
    static func files(in folder: String) -> Int {
        CommandRunner.contents(of: folder).count
    }

    @Test func concurrentBuildsIntoOneSiteTakeTurns() throws {
        let site = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let outcomes = [RunningBuild(data: Self.packs.newData, site: site), RunningBuild(data: Self.packs.newData, site: site)].map { $0.finish() }
        #expect(outcomes.allSatisfy { $0.status == 0 }, "\(outcomes.map(\.stderr))")
        #expect(outcomes.filter { $0.stderr.contains("waiting for another build into \(site) to finish") }.count == 1)
        #expect(CommandRunner.contents(of: "\(site)/2026-10") == Self.packs.new)
        #expect(Self.leftovers(site).isEmpty)
    }

    @Test func lockHeldTooLongIsExit75() throws {
        let site = CommandRunner.temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let holder = open("\(site)/.reviewpack.lock", O_RDWR | O_CREAT, 0o644)
        defer { close(holder) }
        #expect(flock(holder, LOCK_EX) == 0)
        let result = try CommandRunner.run(["build", "--data", CommandRunner.sampleData, "--out", site, "--lock-timeout", "0.3"])
        #expect(result.status == 75)
        #expect(result.stderr.hasSuffix(
            "reviewpack: error: \(site)/.reviewpack.lock: another build into this folder still holds the lock after 0.3 s; try again when it has finished\n"),
            "\(result.stderr)")
        #expect(Self.entries(site) == [".reviewpack.lock"])
    }
}

/// One `reviewpack build` running in the background: month 2026-10 unless told other months.
final class RunningBuild {
    struct Outcome {
        let status: Int32
        /// Ended by a signal it did not handle (kill -9).
        let signalled: Bool
        let stderr: String
        let seconds: Double
    }

    let process = Process()
    let started = Date()
    private let stderrPath = NSTemporaryDirectory() + "reviewpack-stderr-\(UUID().uuidString)"

    init(data: String, site: String, months: [String] = ["--month", "2026-10"]) {
        process.executableURL = CommandRunner.executable
        process.arguments = ["build", "--data", data, "--out", site] + months
        _ = FileManager.default.createFile(atPath: stderrPath, contents: nil)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle(forWritingAtPath: stderrPath)
        try? process.run()
    }

    func finish() -> Outcome {
        guard process.processIdentifier != 0 else { return Outcome(status: -1, signalled: false, stderr: "the build did not start", seconds: 0) }
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(atPath: stderrPath) }
        let stderr = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
        return Outcome(status: process.terminationStatus, signalled: process.terminationReason == .uncaughtSignal, stderr: stderr,
                       seconds: Date().timeIntervalSince(started))
    }
}
