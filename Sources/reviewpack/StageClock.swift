import Foundation

/// Wall time and peak memory per stage, for the progress lines and the benchmark.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    /// Stage name, wall seconds, and peak resident memory (MiB) when it ended.
    private(set) var stages: [(String, Double, Double)] = []

    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        stages.append((name, Double(now - last) / 1e9, Self.peakMemoryMiB))
        last = now
    }

    /// Peak resident memory of the process so far, in MiB.
    static var peakMemoryMiB: Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    var summary: String {
        stages.map { "\($0.0) \(String(format: "%.2f", $0.1)) s" }.joined(separator: " · ")
            + " · peak memory \(String(format: "%.0f", Self.peakMemoryMiB)) MiB"
    }

    /// Detail lines shown under the stage that was last lapped.
    private(set) var notes: [Int: [String]] = [:]

    mutating func note(_ line: String) { notes[stages.count - 1, default: []].append(line) }

    /// One line per stage: name, seconds, peak memory so far (the benchmark's table).
    var table: String {
        stages.enumerated().map { i, s in
            (["  \(s.0.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%8.2f", s.1)) s   peak \(String(format: "%6.0f", s.2)) MiB"]
                + (notes[i] ?? []).map { "  " + $0 }).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
