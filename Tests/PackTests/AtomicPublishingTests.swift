import Foundation
import Testing
@testable import Pack

/// Publishing replaces a folder in one step, flushes what it writes, reports failures as
/// the path and the system's reason, takes turns through the site lock, and stops for a
/// signal without leaving a staging folder.
@Suite struct AtomicPublishingTests {
    let root = NSTemporaryDirectory() + "reviewpack-atomic-\(UUID().uuidString)"
    let fm = FileManager.default

    func listing() throws -> [String] { try fm.contentsOfDirectory(atPath: root).sorted() }

    /// A site whose 2026-10 reads "old", and a new 2026-10 staged beside it.
    func stagedOverAPublishedMonth() throws -> (Interruption, SitePublisher, StagedFolder) {
        let interruption = Interruption()
        let publisher = SitePublisher(root: root, interruption: interruption)
        try publisher.publish(folder: "2026-10", files: [("index.html", Array("old".utf8))])
        return (interruption, publisher, try publisher.stage(folder: "2026-10", files: [("index.html", Array("new".utf8))]))
    }

    /// Whether `signal`, delivered now, ends the build at once (nothing is staged); when it
    /// does not, the publisher stops for it later.
    func signalEndsAtOnce(_ interruption: Interruption, _ signal: Int32 = SIGTERM) -> Bool {
        var exited = false
        interruption.deliver(signal) { exited = true }
        return exited
    }

    func text(_ relative: String) -> String? {
        fm.contents(atPath: "\(root)/\(relative)").map { String(decoding: $0, as: UTF8.self) }
    }

    @Test func republishingExchangesTheWholeFolder() throws {
        defer { try? fm.removeItem(atPath: root) }
        let publisher = SitePublisher(root: root)
        try publisher.publish(folder: "2026-10", files: [("index.html", Array("old".utf8)), ("charts/a.svg", [1]), ("charts/b.svg", [2])])
        try publisher.publish(folder: "2026-10", files: [("index.html", Array("new".utf8)), ("charts/a.svg", [3])])
        #expect(text("2026-10/index.html") == "new")
        #expect(try fm.contentsOfDirectory(atPath: "\(root)/2026-10/charts") == ["a.svg"], "files of the old folder survived")
        #expect(try listing() == ["2026-10"])
    }

    /// Relinking a month changes its page alone: the other files are carried over from the
    /// folder published before (hard links, so the old folder's removal leaves them one name).
    @Test func republishingOnePageKeepsTheOtherFilesAsTheyWere() throws {
        defer { try? fm.removeItem(atPath: root) }
        let publisher = SitePublisher(root: root)
        try publisher.publish(folder: "2026-10", files: [("index.html", Array("old".utf8)), ("charts/a.svg", [1]), ("pack.pdf", [2]), ("charts/gone.svg", [4])])
        var before = stat()
        #expect(stat("\(root)/2026-10/pack.pdf", &before) == 0)
        // index.html is both kept and given: the given bytes are written.
        try publisher.publish(folder: "2026-10", files: [("index.html", Array("new".utf8))], keeping: ["charts/a.svg", "pack.pdf", "index.html"])
        #expect(text("2026-10/index.html") == "new")
        #expect(fm.contents(atPath: "\(root)/2026-10/charts/a.svg") == Data([1]) && fm.contents(atPath: "\(root)/2026-10/pack.pdf") == Data([2]))
        #expect(try fm.contentsOfDirectory(atPath: "\(root)/2026-10/charts") == ["a.svg"], "a file not kept is not carried over")
        var status = stat()
        #expect(stat("\(root)/2026-10/pack.pdf", &status) == 0 && status.st_ino == before.st_ino && status.st_nlink == 1, "linked, not copied")
        #expect(try listing() == ["2026-10"])
        let error = try #require(throws: PackError.self) {
            try publisher.publish(folder: "2026-10", files: [], keeping: ["missing.svg"])
        }
        #expect(error.description == "\(root)/2026-10/missing.svg: cannot write: no such file or directory")
        let after = try listing()
        #expect(text("2026-10/index.html") == "new" && after == ["2026-10"], "a failed publish leaves the month as it was")
    }

    @Test func twoRenameFallbackReplacesTheFolderAndHandsBackTheOldOne() throws {
        defer { try? fm.removeItem(atPath: root) }
        for (folder, content) in [("2026-10", "old"), (".staging-2026-10-1", "new")] {
            try fm.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
            try Data(content.utf8).write(to: URL(fileURLWithPath: "\(root)/\(folder)/index.html"))
        }
        let old = try #require(try FolderSwap.replaceByTwoRenames("\(root)/2026-10", with: "\(root)/.staging-2026-10-1"))
        #expect(old == "\(root)/2026-10.old-\(getpid())")
        #expect(text("2026-10/index.html") == "new")
        #expect(text("2026-10.old-\(getpid())/index.html") == "old")
    }

    @Test func leftoversOfDeadBuildsAreRemovedAndAMissingMonthIsRestored() throws {
        defer { try? fm.removeItem(atPath: root) }
        for folder in ["2026-10", ".staging-2026-10-41", "2026-10.old-42", "2026-09.old-43", "notes.old-x"] {
            try fm.createDirectory(atPath: "\(root)/\(folder)", withIntermediateDirectories: true)
        }
        try Data("a".utf8).write(to: URL(fileURLWithPath: "\(root)/2026-09.old-43/index.html"))
        for file in [".index.html.44.tmp", ".index.html.tmp", "index.html"] { _ = fm.createFile(atPath: "\(root)/\(file)", contents: Data()) }
        let lock = try SiteLock(root: root, timeout: 0) {}
        SitePublisher(root: root).removeLeftovers(holding: lock)
        // 2026-09 was cut between the fallback's two renames: its last good pack comes back.
        #expect(try listing() == [".index.html.tmp", ".reviewpack.lock", "2026-09", "2026-10", "index.html", "notes.old-x"])
        #expect(text("2026-09/index.html") == "a")
    }

    @Test func unwritableRootIsThePathAndTheReason() throws {
        defer { try? fm.removeItem(atPath: root) }
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        _ = fm.createFile(atPath: "\(root)/file", contents: Data())
        // Root may write anywhere despite permissions; a regular file in the path stops anyone.
        let error = try #require(throws: PackError.self) {
            try SitePublisher(root: "\(root)/file/site").publish(folder: "2026-10", files: [("index.html", [1])])
        }
        #expect(error.description == "\(root)/file: cannot write: not a directory")
    }

    @Test func fullDiskSaysNoSpaceLeftOnDevice() throws {
        #expect(PackError.reason(errno: ENOSPC) == "no space left on device")
        #expect(PackError.reason(errno: EROFS) == "read-only file system")
        // /dev/full fails every write with ENOSPC, as a full disk does.
        guard fm.fileExists(atPath: "/dev/full") else { return }
        let error = try #require(throws: PackError.self) { try DurableFiles.write([1, 2, 3], to: "/dev/full") }
        #expect(error.description == "/dev/full: cannot write: no space left on device")
    }

    /// Files flushed side by side (publishing writes a month's files first, then flushes
    /// them together): all of them, or a failure naming the first file that could not be.
    @Test func filesFlushedTogetherNameTheFirstThatCannotBe() throws {
        defer { try? fm.removeItem(atPath: root) }
        try DurableFiles.makeFolders(root)
        let paths = (0..<20).map { "\(root)/f\($0)" }
        for path in paths { try DurableFiles.write([1, 2], to: path, flushed: false) }
        try DurableFiles.sync(files: paths)
        // Two missing files, the first flushed by a later thread than the second
        // (of eight threads, the 8th flushes place 7 and the 2nd place 9).
        let missing = paths[..<7] + ["\(root)/gone"] + paths[7..<8] + ["\(root)/also-gone"] + paths[8...]
        let error = try #require(throws: PackError.self) { try DurableFiles.sync(files: Array(missing)) }
        #expect(error.description == "\(root)/gone: cannot write: no such file or directory")
    }

    @Test func aSecondLockWaitsThenGivesUpUntilTheFirstIsReleased() throws {
        defer { try? fm.removeItem(atPath: root) }
        var waits = 0
        do {
            let first = try SiteLock(root: root, timeout: 0) {}
            let busy = try withExtendedLifetime(first) {
                try #require(throws: SiteLock.Busy.self) { try SiteLock(root: root, timeout: 0.2) { waits += 1 } }
            }
            #expect(waits == 1)
            #expect(busy.description.hasPrefix("\(root)/.reviewpack.lock: another build into this folder still holds the lock after 0.2 s"))
        }
        _ = try SiteLock(root: root, timeout: 0) { waits += 1 }
        #expect(waits == 1)
    }

    @Test func signalOutsidePublishingExitsAtOnce() {
        var exited = false
        Interruption().deliver(SIGTERM) { exited = true }
        #expect(exited)
    }

    @Test func signalDuringPublishingStopsThePublisherWithNothingStaged() throws {
        defer { try? fm.removeItem(atPath: root) }
        let interruption = Interruption()
        let publisher = SitePublisher(root: root, interruption: interruption)
        try publisher.publish(folder: "2026-10", files: [("index.html", Array("old".utf8))])
        var exited = false
        let stop = try #require(throws: Interruption.Stopped.self) {
            try interruption.publishing {
                interruption.deliver(SIGINT) { exited = true }
                try publisher.publish(folder: "2026-10", files: [("index.html", Array("new".utf8))])
            }
        }
        #expect(stop.signal == SIGINT)
        #expect(!exited, "the process must not exit while something is being staged")
        #expect(text("2026-10/index.html") == "old")
        #expect(try listing() == ["2026-10"])
    }

    /// A pack's page is staged while its PDF is still drawn: nothing shows until the PDF is
    /// added and the folder published, and a staged folder let go leaves nothing behind.
    @Test func aStagedFolderShowsOnlyOncePublishedWithWhatIsAdded() throws {
        defer { try? fm.removeItem(atPath: root) }
        let interruption = Interruption()
        let publisher = SitePublisher(root: root, interruption: interruption)
        try publisher.publish(folder: "2026-10", files: [("index.html", Array("old".utf8)), ("pack.pdf", [1])])
        let staged = try publisher.stage(folder: "2026-10", files: [("index.html", Array("new".utf8)), ("charts/a.svg", [2])])
        #expect(try listing().count == 2 && listing()[0].hasPrefix(".staging-2026-10-\(getpid())-"))
        #expect(text("2026-10/index.html") == "old")
        // The month published again meanwhile (a neighbour's relinking in a backfill) stages under a name of its own.
        try publisher.publish(folder: "2026-10", files: [("index.html", Array("relinked".utf8)), ("pack.pdf", [1])])
        #expect(text("2026-10/index.html") == "relinked")
        try publisher.publish(staged, adding: [("pack.pdf", [3]), ("tables/t.csv", [4])])
        #expect(try listing() == ["2026-10"])
        #expect(text("2026-10/index.html") == "new")
        #expect(fm.contents(atPath: "\(root)/2026-10/pack.pdf") == Data([3]) && fm.contents(atPath: "\(root)/2026-10/charts/a.svg") == Data([2])
                && fm.contents(atPath: "\(root)/2026-10/tables/t.csv") == Data([4]))

        let unwanted = try publisher.stage(folder: "2026-11", files: [("index.html", [5])])
        publisher.discard(unwanted)
        #expect(try listing() == ["2026-10"])
        #expect(signalEndsAtOnce(interruption), "every staged folder was published or let go")
    }

    /// A failure while the staged folder is published (here a file to keep that is not
    /// there) removes the staging folder; the month published before stays as it was.
    @Test func aStagedFolderThatFailsToPublishLeavesNothingStaged() throws {
        defer { try? fm.removeItem(atPath: root) }
        let (interruption, publisher, staged) = try stagedOverAPublishedMonth()
        let error = try #require(throws: PackError.self) { try publisher.publish(staged, adding: [("pack.pdf", [1])], keeping: ["missing.svg"]) }
        #expect(error.description == "\(root)/2026-10/missing.svg: cannot write: no such file or directory")
        #expect(try listing() == ["2026-10"])
        #expect(text("2026-10/index.html") == "old")
        #expect(signalEndsAtOnce(interruption), "the failed folder let go of the signal")
    }

    /// From staging to publishing a signal only waits, however long the PDF takes: then
    /// the staged folder is removed, the month stays as it was, and the stop is thrown.
    /// Once the staged folder is let go, a signal ends the build at once again.
    @Test func aSignalWhileAFolderIsStagedWaitsForItsPublishing() throws {
        defer { try? fm.removeItem(atPath: root) }
        let (interruption, publisher, staged) = try stagedOverAPublishedMonth()
        #expect(!signalEndsAtOnce(interruption), "the process must not exit while a folder is staged")
        let stop = try #require(throws: Interruption.Stopped.self) { try publisher.publish(staged, adding: [("pack.pdf", [1])]) }
        #expect(stop.signal == SIGTERM)
        #expect(try listing() == ["2026-10"])
        #expect(text("2026-10/index.html") == "old")

        #expect(signalEndsAtOnce(interruption, SIGINT), "the stopped folder let go of the signal")
    }
}
