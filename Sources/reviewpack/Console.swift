import Metrics
import Foundation
import Snapshot

/// Progress and errors on stderr; stdout stays free for what a command prints.
///
/// Messages quote data (ids, names, file contents), so control characters are shown as
/// escapes: an ESC or BEL in a CSV must not drive the user's terminal.
enum Console {
    static func error(_ message: String) {
        status.end()
        write("reviewpack: error: \(message)")
    }

    static func warning(_ message: String) {
        write("reviewpack: warning: \(message)")
    }

    /// A line about what was done; none with `--quiet`.
    static func progress(_ message: String) {
        guard !status.isQuiet else { return }
        write(message)
    }

    /// The stage and bar of a long build; it owns stderr, so every line goes through it.
    static let status = StatusLine()

    /// The findings of a read, one line per kind with its count and first example, in the pack's language.
    static func findings(_ log: QualityLog, chinese: Bool) {
        guard log.totalFindings > 0 else { return }
        warning(chinese ? "发现 \(log.totalFindings) 处数据质量问题，详见数据包的数据质量部分和 metrics.json："
                        : "\(log.totalFindings) data-quality finding\(log.totalFindings == 1 ? "" : "s"); they are in the pack's data-quality section and in metrics.json:")
        for kind in FindingKind.allCases {
            let tallies = log.sortedTallies.filter { $0.kind == kind }
            guard let first = tallies.first?.examples.first else { continue }
            let count = tallies.reduce(0) { $0 + $1.count }
            write(chinese ? "  \(kind.rawValue)：\(count) 处，首例 \(first.chineseLocation)：\(first.chinese)"
                          : "  \(kind.rawValue): \(count), first at \(first.location): \(first.message)")
        }
    }

    private static func write(_ line: String) {
        status.write(visible(line))
    }

    /// Control characters (but not the line's own newlines and tabs) as `\u{1B}`-style escapes.
    static func visible(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control, scalar != "\n", scalar != "\t" {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
