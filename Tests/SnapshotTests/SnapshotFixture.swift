import Foundation
@testable import Snapshot
import Metrics

/// A snapshot folder written from table texts, removed when the test ends.
final class SnapshotFixture {
    let folder: String

    init(_ tables: [String: String]) throws {
        folder = NSTemporaryDirectory() + "reviewpack-snapshot-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, text) in tables {
            try Data(text.utf8).write(to: URL(fileURLWithPath: "\(folder)/\(name).csv"))
        }
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: "\(folder)/\(name).csv"))
    }

    /// Reads with no limit on rows left out unless one is given: the fixtures are small and full of bad rows on purpose.
    func read(strict: Bool = false, maxLeftOutShare: Double = 1) throws -> Snapshot {
        try SnapshotReader.read(folder: folder, options: SnapshotOptions(zone: Zone(identifier: "Asia/Shanghai")!, strict: strict,
                                                                           maxLeftOutShare: maxLeftOutShare))
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}
