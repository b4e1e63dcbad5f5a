import Foundation

/// The headline figures the archive page shows of each published month, read from that
/// month's metrics.json once per build. A build writes the page after every month it
/// publishes, so reading every month's file each time made a backfill of n months read n²/2
/// of them; now it reads each once, and a month again only after ``forget(month:in:)`` (it was
/// published anew). Used by one thread: a build publishes its months one after another.
public final class ArchiveHeadlines {
    struct Headline {
        var value: Double?
        var mom: Double?
        var unit: String?
    }

    /// By the metrics.json's path.
    private var known: [String: [String: Headline]] = [:]

    public init() {}

    /// The archive's columns of `month` under the site `root`; none when its file is missing or no JSON.
    func of(month: String, in root: String) -> [String: Headline] {
        let path = Self.path(month, root)
        if let values = known[path] { return values }
        let values = (try? JSONDecoder().decode(File.self, from: Data(contentsOf: URL(fileURLWithPath: path))))?.values ?? [:]
        known[path] = values
        return values
    }

    /// The month's file was written again: it is read anew when next shown.
    public func forget(month: String, in root: String) { known[Self.path(month, root)] = nil }

    private static func path(_ month: String, _ root: String) -> String { (root as NSString).appendingPathComponent("\(month)/metrics.json") }

    /// The columns' metrics of one month's metrics.json, and nothing else of it: parsing each
    /// file whole (150 KB at 10 k customers) was two thirds of a backfill's publishing.
    private struct File: Decodable {
        var values: [String: Headline] = [:]

        private struct Key: CodingKey {
            var stringValue: String
            init(stringValue: String) { self.stringValue = stringValue }
            var intValue: Int? { nil }
            init?(intValue: Int) { nil }
        }

        /// A field that is missing or not of its type is not known, as in a file another version wrote.
        init(from decoder: any Decoder) throws {
            let metrics = try decoder.container(keyedBy: Key.self).nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: "metrics"))
            for id in ArchiveIndex.columns {
                guard let m = try? metrics.nestedContainer(keyedBy: Key.self, forKey: Key(stringValue: id)) else { continue }
                values[id] = Headline(value: try? m.decode(Double.self, forKey: Key(stringValue: "value")),
                                      mom: try? m.decode(Double.self, forKey: Key(stringValue: "mom")),
                                      unit: try? m.decode(String.self, forKey: Key(stringValue: "unit")))
            }
        }
    }
}
