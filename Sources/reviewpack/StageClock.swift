import Foundation

/// Wall time and peak memory per stage, for the progress lines and the benchmark.
struct StageClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    /// Stage name, wall seconds, and peak resident memory (MiB) when it ended.
    private(set) var stages: [(String, Double, Double)] = []

    /// Ends the stage `name`; a stage run again (once per audience) adds to its time.
    mutating func lap(_ name: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        let seconds = Double(now - last) / 1e9
        if let i = stages.firstIndex(where: { $0.0 == name }) {
            stages[i].1 += seconds
            stages[i].2 = Self.peakMemoryMiB
            lapped = i
        } else {
            stages.append((name, seconds, Self.peakMemoryMiB))
            lapped = stages.count - 1
        }
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

    /// The stage lapped last.
    private var lapped = 0

    /// A detail line under the stage just lapped (the first time only, so audiences do not repeat it).
    mutating func note(_ line: String) {
        guard notes[lapped] == nil else { return }
        notes[lapped] = [line]
    }

    /// One line per stage: name, seconds, peak memory so far (the benchmark's table).
    var table: String {
        stages.enumerated().map { i, s in
            (["  \(s.0.padding(toLength: 10, withPad: " ", startingAt: 0)) \(String(format: "%8.2f", s.1)) s   peak \(String(format: "%6.0f", s.2)) MiB"]
                + (notes[i] ?? []).map { "  " + $0 }).joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
