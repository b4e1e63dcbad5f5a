import Foundation

/// Whether the process can take on more memory without raising its peak: the resident
/// memory now, plus what is asked for, stays within the most it has held so far.
///
/// Asked before memory is taken that would only save time: by the engine before a worker
/// that is not a fitter fits a month (from half a million customers on, only half the
/// workers fit), and after reading before the metrics' freed blocks are kept in the heap.
/// A build from CSV files peaks while it reads, far above what its metrics hold, so there
/// both cost no memory the build has not already taken.
public enum MemoryHeadroom {
    public static func allows(_ bytes: Int) -> Bool {
        guard let (resident, peak) = residentAndPeak else { return false }
        return resident + bytes <= peak
    }

    /// Resident memory now and at most so far (`VmRSS`, `VmHWM`), both read from one
    /// `/proc/self/status`: the kernel takes them from the same counters there, so the peak
    /// is never below the resident memory (`statm` beside `getrusage` could be, by what the
    /// kernel had not yet summed up).
    private static var residentAndPeak: (Int, Int)? {
        guard let text = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func kilobytes(_ field: String) -> Int? {
            text.split(separator: "\n").first { $0.hasPrefix(field + ":") }
                .flatMap { $0.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first }
                .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        guard let resident = kilobytes("VmRSS"), let peak = kilobytes("VmHWM") else { return nil }
        return (resident * 1024, peak * 1024)
    }
}
