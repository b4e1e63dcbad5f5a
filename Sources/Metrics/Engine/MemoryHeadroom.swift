import Foundation

/// Whether the process can take on more memory without raising its peak: the resident
/// memory now, plus what is asked for, stays within the most it has held so far.
///
/// The engine asks this before a worker that is not a fitter fits a month (from half a
/// million customers on, only half the workers fit). A build from CSV files peaks while it
/// reads, far above what its metrics hold, so another fit there costs no memory the build
/// has not already taken; a build from a database peaks in its metrics, so it keeps to its fitters.
enum MemoryHeadroom {
    static func allows(_ bytes: Int) -> Bool {
        guard let resident = residentBytes else { return false }
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        return resident + bytes <= usage.ru_maxrss * 1024
    }

    /// Resident memory now, from `/proc/self/statm` (its second field, in pages).
    private static var residentBytes: Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .ascii),
              let pages = text.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
